-- Foundation: agencies, accounts, sessions, the hash-chained audit log, and the demo picture.
create extension if not exists pg_trgm;
create extension if not exists fuzzystrmatch;
create extension if not exists unaccent;

create table agencies (
  id uuid primary key,
  name text not null unique,
  kind text not null check (kind in ('police', 'local_authority', 'health', 'charity', 'glaa', 'home_office', 'other')),
  created_at timestamptz not null default now()
);

create table users (
  id uuid primary key,
  agency_id uuid not null references agencies(id),
  email text not null,
  display_name text not null,
  role text not null check (role in ('admin', 'supervisor', 'investigator', 'researcher', 'analyst', 'officer', 'partner')),
  password_hash text not null,
  totp_secret text,
  totp_pending_secret text,
  totp_enabled_at timestamptz,
  totp_last_step bigint,
  failed_sign_ins integer not null default 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));

create table recovery_codes (
  user_id uuid not null references users(id) on delete cascade,
  code_hash text not null,
  used_at timestamptz,
  primary key (user_id, code_hash)
);

-- A session is known by the SHA-256 of its cookie token, so a leaked table gives no usable cookie.
create table sessions (
  token_hash text primary key,
  user_id uuid not null references users(id) on delete cascade,
  stage text not null check (stage in ('second-factor', 'enrol-second-factor', 'complete')),
  csrf_token text not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions (user_id);

create table audit_log (
  seq bigint primary key,
  at timestamptz not null,
  actor_id uuid,
  actor_role text,
  action text not null,
  subject_type text,
  subject_id text,
  reason text,
  details jsonb not null default '{}'::jsonb,
  prev_hash text not null,
  hash text not null
);
create index audit_log_at_idx on audit_log (at);
create index audit_log_actor_idx on audit_log (actor_id, seq);
create index audit_log_action_idx on audit_log (action, seq);

-- Append-only: rows can be added, never changed or removed through ordinary SQL.
create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_refuse_change();

-- Reports and what they mention. Later migrations add entities and links resolved from these.
create table reports (
  id uuid primary key,
  reference text not null unique,
  source text not null check (source in ('public', 'officer', 'partner', 'nrm')),
  received_at timestamptz not null,
  local_authority text,
  town text,
  postcode text,
  summary text not null,
  exploitation_types text[] not null default '{}',
  involves_child boolean not null default false,
  status text not null check (status in ('new', 'triaged', 'closed')),
  created_at timestamptz not null default now()
);
create index reports_received_idx on reports (received_at);
create index reports_la_idx on reports (local_authority, received_at);

create table report_persons (
  id uuid primary key,
  report_id uuid not null references reports(id) on delete cascade,
  role text not null check (role in ('potential_victim', 'suspect', 'witness', 'reporter')),
  given_name text,
  family_name text,
  dob date,
  gender text,
  nationality text,
  phone text,
  address text,
  postcode text,
  town text
);
create index report_persons_report_idx on report_persons (report_id);

create table report_phones (
  id uuid primary key,
  report_id uuid not null references reports(id) on delete cascade,
  number text not null
);
create index report_phones_report_idx on report_phones (report_id);

create table report_vehicles (
  id uuid primary key,
  report_id uuid not null references reports(id) on delete cascade,
  registration text not null,
  make text,
  model text,
  colour text
);
create index report_vehicles_report_idx on report_vehicles (report_id);

create table report_businesses (
  id uuid primary key,
  report_id uuid not null references reports(id) on delete cascade,
  name text not null,
  kind text,
  address text,
  postcode text,
  town text
);
create index report_businesses_report_idx on report_businesses (report_id);

-- Ground truth of seeded data, kept apart for tests and benchmarks; never shown to users.
create table seed_networks (
  id uuid primary key,
  name text not null,
  exploitation_type text not null,
  local_authority text not null,
  town text not null
);

create table seed_truth (
  record_type text not null check (record_type in ('person', 'phone', 'vehicle', 'business')),
  record_id uuid not null,
  entity_key text not null,
  network_id uuid,
  primary key (record_type, record_id)
);
create index seed_truth_entity_idx on seed_truth (record_type, entity_key);
