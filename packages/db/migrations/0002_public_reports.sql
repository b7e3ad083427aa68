-- Public reports: what the reporter tells us beyond the report itself, the follow-up channel
-- (reference code + passphrase, nothing else), and the messages exchanged on it.
alter table reports
  add column reporter_relation text check (reporter_relation in ('self', 'someone_else', 'not_said')),
  add column language text,
  add column occurred text,
  add column location_description text,
  add column triage_score integer,
  add column triage_band text check (triage_band in ('low', 'medium', 'high', 'critical'));

-- Live reports number from here; seeded ones use seven digits, so the two never collide.
create sequence report_number_seq start with 10000001;

create table report_follow_up (
  report_id uuid primary key references reports(id) on delete cascade,
  reference_code text not null unique,
  passphrase_hash text not null,
  failed_attempts integer not null default 0,
  locked_until timestamptz
);

create table report_messages (
  id uuid primary key,
  report_id uuid not null references reports(id) on delete cascade,
  author text not null check (author in ('reporter', 'team')),
  author_user_id uuid references users(id),
  body text not null,
  created_at timestamptz not null default now()
);
create index report_messages_report_idx on report_messages (report_id, created_at);

-- Secrets the servers share (e.g. the key that signs public form tokens), made once per store.
create table app_secrets (
  name text primary key,
  value text not null,
  created_at timestamptz not null default now()
);
