-- What each named background job (resolution, folding figures, imports, housekeeping) last did,
-- for the administrator's page. The queue itself is pg-boss's, in its own schema (pgboss); this
-- table keeps one row per job, so it stays small however often the jobs run. Reasons are the
-- store's or the code's, never a record's content.
create table job_runs (
  name text primary key,
  every_seconds integer not null,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_succeeded_at timestamptz,
  last_failed_at timestamptz,
  last_failure text,
  -- What the last successful run did, as counts (records resolved, rows folded…).
  last_summary jsonb not null default '{}',
  runs bigint not null default 0,
  failures bigint not null default 0,
  -- Failed runs since the last success: a job failing now, not once last month.
  failing_runs integer not null default 0
);
