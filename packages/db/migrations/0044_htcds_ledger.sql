-- The cases each agency has imported from HTCDS files, so that importing the same file again adds
-- nothing: a case is known by a digest of its content.
create table htcds_imported (
  agency_id uuid not null references agencies(id),
  case_key text not null,
  report_id uuid not null references reports(id) on delete cascade deferrable initially deferred,
  imported_at timestamptz not null default now(),
  primary key (agency_id, case_key)
);
create index htcds_imported_report_idx on htcds_imported (report_id);
