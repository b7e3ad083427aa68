-- Call data (billing records) and other link lists an analyst imports. Each import is a report of
-- its own (source call_data; closed, as there is nothing to triage), its numbers are the report's
-- phones, and its links are the calls between them, not every pair of its numbers as for other
-- reports.
alter table reports drop constraint reports_source_check;
alter table reports add constraint reports_source_check check (source in ('public', 'officer', 'partner', 'nrm', 'call_data'));

create table report_calls (
  report_id uuid not null references reports(id) on delete cascade,
  from_phone uuid not null references report_phones(id) on delete cascade,
  to_phone uuid not null references report_phones(id) on delete cascade,
  calls integer not null check (calls > 0),
  seconds bigint not null default 0 check (seconds >= 0),
  first_at timestamptz,
  last_at timestamptz,
  primary key (from_phone, to_phone)
);
create index report_calls_report_idx on report_calls (report_id);
