-- The intelligence picture (DESIGN §2). Every mention of a person, phone, vehicle, business or
-- address in a report is a record, kept with its report (provenance); records resolved to the same
-- real thing share an entity. Resolution only ever changes which entity a record belongs to, so an
-- entity always lists every source record, and a merge can be undone record by record.
create table entities (
  id uuid primary key,
  kind text not null check (kind in ('person', 'phone', 'vehicle', 'business', 'address')),
  label text not null,
  created_at timestamptz not null default now()
);
create index entities_kind_idx on entities (kind);
create index entities_label_trgm_idx on entities using gin (label gin_trgm_ops);

create table entity_records (
  id uuid primary key,
  kind text not null check (kind in ('person', 'phone', 'vehicle', 'business', 'address')),
  report_id uuid not null references reports(id) on delete cascade,
  -- A person's part in the report (potential victim, suspect…).
  role text,
  attributes jsonb not null,
  entity_id uuid references entities(id),
  -- The normalised identity of a phone, vehicle, business or address; null for a person.
  key text,
  resolved_by text check (resolved_by in ('key', 'model', 'new', 'analyst')),
  match_probability double precision,
  created_at timestamptz not null default now()
);
create index entity_records_entity_idx on entity_records (entity_id);
create index entity_records_report_idx on entity_records (report_id);
create index entity_records_pending_idx on entity_records (created_at, id) where entity_id is null;
create index entity_records_key_idx on entity_records (kind, key) where key is not null;

-- Hashed blocking keys of resolved person records: how a new record finds its candidates.
create table person_block_keys (
  key double precision not null,
  record_id uuid not null references entity_records(id) on delete cascade,
  primary key (key, record_id)
);

-- Records mentioned together in one report. Links join records, not entities, so they survive
-- merges and splits; the entity graph is read through entity_records.
create table record_links (
  from_record uuid not null references entity_records(id) on delete cascade,
  to_record uuid not null references entity_records(id) on delete cascade,
  report_id uuid not null references reports(id) on delete cascade,
  primary key (from_record, to_record)
);
create index record_links_to_idx on record_links (to_record);

-- Reports not yet taken into the picture; the background worker takes them, out of the intake
-- transaction, so reporting stays fast.
alter table reports add column pictured_at timestamptz;
create index reports_unpictured_idx on reports (received_at, id) where pictured_at is null;
