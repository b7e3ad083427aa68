-- Tasks: a piece of work on a case, owned by one account or by a partner agency (whose users
-- see and work it), with a due date, its status, and a short record of what was done.
create table tasks (
  id uuid primary key,
  case_id uuid not null references cases(id) on delete cascade,
  title text not null,
  details text not null default '',
  owner_user_id uuid references users(id),
  owner_agency_id uuid references agencies(id),
  due_on date,
  status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
  outcome text,
  created_by uuid not null references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  finished_by uuid references users(id),
  finished_at timestamptz,
  constraint tasks_one_owner check ((owner_user_id is null) <> (owner_agency_id is null))
);
create index tasks_case_idx on tasks (case_id, created_at);
create index tasks_open_user_idx on tasks (owner_user_id, due_on) where status = 'open';
create index tasks_open_agency_idx on tasks (owner_agency_id, due_on) where status = 'open';
