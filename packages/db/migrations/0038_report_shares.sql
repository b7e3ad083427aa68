-- A single report (a referral) shared with a partner agency under an agreement in force, as a
-- case is: withdrawn with who and when; the agency reads it redacted by its agreement's terms.
create table report_shares (
  report_id uuid not null references reports(id) on delete cascade,
  agency_id uuid not null references agencies(id),
  reason text not null,
  shared_by uuid not null references users(id),
  shared_at timestamptz not null,
  revoked_by uuid references users(id),
  revoked_at timestamptz,
  primary key (report_id, agency_id)
);
create index report_shares_agency_idx on report_shares (agency_id) where revoked_at is null;
