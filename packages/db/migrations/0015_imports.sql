-- Partner spreadsheets imported as referrals. An import holds the file's text only until it is
-- done; the rows it refused wait in a quarantine, with their cells and reasons, until someone
-- puts them right or sets them aside. A ledger of the rows each agency has imported makes a
-- second import of the same file add nothing.

-- The column mapping each agency last used: heading as written -> field (null: left out).
create table import_mappings (
  agency_id uuid primary key references agencies(id) on delete cascade,
  columns jsonb not null,
  date_order text not null check (date_order in ('dmy', 'mdy', 'ymd')),
  source text not null check (source in ('partner', 'nrm')),
  updated_by uuid references users(id),
  updated_at timestamptz not null default now()
);

create table imports (
  id uuid primary key,
  agency_id uuid not null references agencies(id),
  created_by uuid not null references users(id),
  file_name text not null,
  encoding text not null,
  delimiter text not null,
  header text[] not null,
  body text,                                  -- the file's text until the import is done
  rows_total integer not null,
  mapping jsonb,                              -- chosen when the import starts
  status text not null check (status in ('mapping', 'running', 'done', 'failed')),
  processed_line integer not null default 1,  -- the file's lines up to here are in (header is line 1)
  rows_done integer not null default 0,
  accepted integer not null default 0,
  already integer not null default 0,
  empty integer not null default 0,
  quarantined integer not null default 0,
  lease_until timestamptz,                    -- a worker holds a running import until then
  failure text,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);
create index imports_agency_idx on imports (agency_id, created_at desc);
create index imports_running_idx on imports (status, lease_until) where status = 'running';

create table import_quarantine (
  import_id uuid not null references imports(id) on delete cascade,
  line integer not null,
  cells text[] not null,
  problems jsonb not null,
  primary key (import_id, line)
);

create table imported_rows (
  agency_id uuid not null references agencies(id),
  row_key text not null,
  report_id uuid not null references reports(id) on delete cascade deferrable initially deferred,
  import_id uuid not null references imports(id) on delete cascade,
  line integer not null,
  primary key (agency_id, row_key)
);
create index imported_rows_report_idx on imported_rows (report_id);
create index imported_rows_import_idx on imported_rows (import_id);
