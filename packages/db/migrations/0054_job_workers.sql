-- Background runs left by a process that died (issue 23, the crash drill). The queue keeps one
-- run of each job active at a time and waits out a run's expiry (hours, for an import) before
-- another may start: a killed process would stall that job for as long. Each process notes here
-- that it is alive, and which runs it holds; a live process fails the runs of one fallen silent,
-- so the queue tries them again within seconds.
create table job_workers (
  id uuid primary key,
  started_at timestamptz not null default now(),
  seen_at timestamptz not null default now()
);

create table job_holds (
  job_id uuid primary key,
  job_name text not null,
  worker_id uuid not null,
  taken_at timestamptz not null default now()
);
