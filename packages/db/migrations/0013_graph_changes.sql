-- Link analysis keeps the picture's links in memory and catches up by reading only what changed
-- since it last looked: each link, each record's entity and each report's facts carry the number
-- of the change that last touched them, from one sequence.
create sequence graph_change_seq;

alter table record_links add column seq bigint not null default nextval('graph_change_seq');
create index record_links_seq_idx on record_links (seq);

-- A record is stamped when it is taken into the picture and whenever it moves to another entity
-- (resolved, merged, split, undone).
alter table entity_records add column entity_seq bigint not null default nextval('graph_change_seq');
create function entity_records_stamp() returns trigger language plpgsql as $$
begin
  new.entity_seq := nextval('graph_change_seq');
  return new;
end $$;
create trigger entity_records_stamp before update of entity_id on entity_records
  for each row when (old.entity_id is distinct from new.entity_id) execute function entity_records_stamp();
create index entity_records_entity_seq_idx on entity_records (entity_seq);

-- A report is stamped when a fact a link filter asks about changes (a grading at triage).
alter table reports add column facts_seq bigint not null default nextval('graph_change_seq');
create function reports_stamp() returns trigger language plpgsql as $$
begin
  new.facts_seq := nextval('graph_change_seq');
  return new;
end $$;
create trigger reports_stamp before update of grading, exploitation_types, involves_child, local_authority, received_at on reports
  for each row execute function reports_stamp();
create index reports_facts_seq_idx on reports (facts_seq);
