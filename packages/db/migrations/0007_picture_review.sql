-- Searching, reviewing and correcting the picture (issue 4).

-- How each record is found by the search box: normalised text (trigram-indexed, so typos and
-- partial numbers match) and codes (sounds-alike, consonant skeletons, nickname groups) so that
-- "Jon", "John" and a transliterated "Джон" find one another. Kept on records, not entities, so an
-- entity is found by every name and number it was ever recorded under, and merges and splits need
-- no re-indexing. Written by the application, which owns the normalisers.
alter table entity_records add column search_text text not null default '';
alter table entity_records add column search_codes text[] not null default '{}';
update entity_records set search_text = lower(concat_ws(' ', attributes->>'givenName', attributes->>'familyName', attributes->>'number',
  attributes->>'registration', attributes->>'name', attributes->>'address', attributes->>'postcode'));
create index entity_records_search_trgm_idx on entity_records using gin (search_text gin_trgm_ops) where entity_id is not null;
create index entity_records_search_codes_idx on entity_records using gin (search_codes) where entity_id is not null;

-- A merged entity keeps its row (old links still lead somewhere) and names where it went.
alter table entities add column merged_into uuid references entities(id) deferrable initially deferred;

-- Report text for the search box: 'simple' (no stemming) because reports come in many languages.
create index reports_summary_fts_idx on reports using gin (to_tsvector('simple', summary));

-- The two thresholds set by the team (no row: the defaults below): at or above auto_merge a record joins an entity by
-- itself; from review up to auto_merge the pair waits for an analyst.
create table picture_settings (
  id boolean primary key default true check (id),
  auto_merge double precision not null default 0.95,
  review double precision not null default 0.5,
  updated_by uuid references users(id),
  updated_at timestamptz not null default now(),
  check (review > 0 and review < auto_merge and auto_merge < 1)
);

-- Match models learnt from the store's own records and the analysts' decisions; the newest is used.
create table match_models (
  id uuid primary key,
  model jsonb not null,
  records integer not null,
  decisions integer not null,
  trained_by uuid references users(id),
  trained_at timestamptz not null default now()
);
create index match_models_trained_idx on match_models (trained_at desc);

-- Pairs the model was unsure of, for an analyst: the new record, the known record it resembles,
-- how sure the model was and why (per-field levels and weights), and the analyst's decision.
create table review_pairs (
  id uuid primary key,
  record_a uuid not null references entity_records(id) on delete cascade,
  record_b uuid not null references entity_records(id) on delete cascade,
  probability double precision not null,
  -- The comparison pattern, so decisions can teach the model.
  pattern double precision not null,
  evidence jsonb not null,
  status text not null default 'open' check (status in ('open', 'accepted', 'rejected')),
  skipped_at timestamptz,
  decided_by uuid references users(id),
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  unique (record_a, record_b)
);
create index review_pairs_open_idx on review_pairs (skipped_at nulls first, probability desc, id) where status = 'open';

-- Every merge and split, record by record, so each can be seen and undone.
create table entity_changes (
  id uuid primary key,
  action text not null check (action in ('merge', 'split', 'undo')),
  actor_id uuid references users(id),
  review_pair_id uuid references review_pairs(id),
  undoes uuid references entity_changes(id) deferrable initially deferred,
  undone_by uuid references entity_changes(id) deferrable initially deferred,
  created_at timestamptz not null default now()
);

create table entity_moves (
  change_id uuid not null references entity_changes(id) on delete cascade,
  record_id uuid not null references entity_records(id) on delete cascade,
  from_entity uuid not null references entities(id),
  to_entity uuid not null references entities(id),
  primary key (change_id, record_id)
);
create index entity_moves_from_idx on entity_moves (from_entity);
create index entity_moves_to_idx on entity_moves (to_entity);
