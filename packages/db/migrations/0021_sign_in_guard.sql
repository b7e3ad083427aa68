-- Sign-in guessing is held back without letting a stranger lock anyone out (core sign-in-guard.ts).
-- Wrong passwords slow the client that sent them, per email as typed: no account-wide lock.
alter table users drop column failed_sign_ins, drop column locked_until;

-- Wrong second-factor codes are counted on their own; a right password does not clear them.
alter table users
  add column second_factor_failures integer not null default 0,
  add column second_factor_locked_at timestamptz;

-- One row per (email as typed, client): a hash of both, never either in clear.
create table sign_in_throttle (
  key text primary key,
  failures integer not null,
  retry_after timestamptz not null,
  updated_at timestamptz not null
);
create index sign_in_throttle_updated on sign_in_throttle (updated_at);

-- What happened to one subject (an account's sign-in activity, a report's history), newest first.
create index audit_log_subject_idx on audit_log (subject_id, seq);
