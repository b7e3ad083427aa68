-- An analyst's assertion: a link between two entities made by hand, not read from a report
-- ("the controller uses this phone", from an intelligence log), with its own 3x5x2 grading, the
-- reason it rests on, and who said it. It joins entities (as case_entities do), followed through
-- merges; `seq` numbers it from the link graph's own sequence, so link analysis keys it beside the
-- links of reports. Withdrawn, it stays for the record but links nothing.
create table link_assertions (
  id uuid primary key,
  seq bigint not null unique default nextval('graph_change_seq'),
  from_entity uuid not null references entities(id) on delete cascade,
  to_entity uuid not null references entities(id) on delete cascade,
  relation text not null check (relation in ('controls', 'uses_phone', 'lives_at', 'works_at', 'drives', 'mentioned')),
  grading text not null check (grading ~ '^[123][A-E][PC]$'),
  note text not null check (length(note) between 1 and 1000),
  -- The far end was added by hand with this assertion (no report names it).
  added_entity boolean not null default false,
  asserted_by uuid not null references users(id),
  asserted_at timestamptz not null,
  withdrawn_by uuid references users(id),
  withdrawn_at timestamptz,
  check (from_entity <> to_entity),
  check ((withdrawn_by is null) = (withdrawn_at is null))
);
create index link_assertions_from_idx on link_assertions (from_entity);
create index link_assertions_to_idx on link_assertions (to_entity);
