-- Cases (Pursue): investigations and operations opened from reports, referrals, entities or
-- networks, with the people and things of the picture linked to them, a status workflow whose
-- every change keeps its reason, and notes. The force's agency owns each case; sharing with
-- partner agencies comes with information-sharing agreements.
create sequence case_numbers;

create table cases (
  id uuid primary key,
  reference text not null unique,
  kind text not null check (kind in ('investigation', 'operation')),
  title text not null,
  summary text not null default '',
  status text not null default 'new'
    check (status in ('new', 'investigating', 'charged', 'no_further_action', 'referred', 'closed')),
  agency_id uuid not null references agencies(id),
  officer_in_charge uuid references users(id),
  opened_by uuid not null references users(id),
  opened_at timestamptz not null,
  updated_at timestamptz not null,
  -- A request to close, waiting for a supervisor.
  close_requested_by uuid references users(id),
  close_requested_at timestamptz,
  close_reason text,
  closed_at timestamptz
);
create index cases_status_idx on cases (status, updated_at desc);
create index cases_officer_idx on cases (officer_in_charge) where status <> 'closed';

-- Every change of status, with its reason: the case's history.
create table case_status_changes (
  id uuid primary key,
  case_id uuid not null references cases(id) on delete cascade,
  from_status text,
  to_status text not null,
  reason text not null,
  changed_by uuid not null references users(id),
  changed_at timestamptz not null,
  -- For closing: who asked, when a supervisor approved another's request.
  requested_by uuid references users(id)
);
create index case_status_changes_case_idx on case_status_changes (case_id, changed_at);

create table case_reports (
  case_id uuid not null references cases(id) on delete cascade,
  report_id uuid not null references reports(id) on delete cascade,
  added_by uuid not null references users(id),
  added_at timestamptz not null,
  primary key (case_id, report_id)
);
create index case_reports_report_idx on case_reports (report_id);

-- People and things of the picture in the case. A person may be both a suspect and a potential
-- victim (criminal exploitation): one row for each role. An entity merged later is followed
-- through its merged_into chain when read.
create table case_entities (
  case_id uuid not null references cases(id) on delete cascade,
  entity_id uuid not null references entities(id),
  role text not null check (role in ('potential_victim', 'suspect', 'associated')),
  added_by uuid not null references users(id),
  added_at timestamptz not null,
  primary key (case_id, entity_id, role)
);
create index case_entities_entity_idx on case_entities (entity_id);

create table case_notes (
  id uuid primary key,
  case_id uuid not null references cases(id) on delete cascade,
  body text not null,
  author_id uuid not null references users(id),
  written_at timestamptz not null
);
create index case_notes_case_idx on case_notes (case_id, written_at);
