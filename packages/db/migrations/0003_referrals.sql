-- Referrals from officers and partner agencies: who made them, the indicators ticked (with the
-- catalogue version that gives them meaning), the victim details, and the explained triage.
alter table reports
  add column created_by uuid references users(id),
  add column agency_id uuid references agencies(id),
  add column catalogue_version text,
  add column indicator_ids text[] not null default '{}',
  add column victim jsonb,
  add column triage jsonb,
  add column grading text check (grading ~ '^[123][A-E][PC]$');
create index reports_queue_idx on reports (status, triage_score desc, received_at);

-- A referral being written on the street survives a dropped signal: drafts live on the server.
create table referral_drafts (
  id uuid primary key,
  user_id uuid not null references users(id) on delete cascade,
  data jsonb not null,
  updated_at timestamptz not null default now()
);
create index referral_drafts_user_idx on referral_drafts (user_id, updated_at desc);

create table report_addresses (
  id uuid primary key,
  report_id uuid not null references reports(id) on delete cascade,
  address text not null,
  postcode text,
  town text,
  description text
);
create index report_addresses_report_idx on report_addresses (report_id);
