-- Records management (MoPI-style review). A record kept at review carries the reason and its
-- next review date; a record deleted leaves only a count of what went and why, never whose it was,
-- so figures can still say what they no longer count.
create table retention_reviews (
  id uuid primary key,
  record_type text not null check (record_type in ('report', 'case')),
  record_id uuid not null,
  reason text not null,
  next_review_on date not null,
  decided_by uuid not null references users(id),
  decided_at timestamptz not null
);
create index retention_reviews_record_idx on retention_reviews (record_type, record_id, decided_at desc);

create table retention_deletions (
  id uuid primary key,
  record_type text not null check (record_type in ('report', 'case', 'case_convicted')),
  reason text not null check (reason in ('no_policing_purpose', 'inaccurate', 'duplicate', 'erasure_ordered')),
  reports integer not null,
  potential_victims integer not null,
  entities integer not null,
  -- The month the earliest and latest deleted report was received: enough to explain a period's
  -- figures, too coarse to name anyone.
  first_month text,
  last_month text,
  deleted_by uuid not null references users(id),
  deleted_at timestamptz not null
);
