-- Potential victims and suspects counted as people, fast at a million reports. A person named in
-- many reports of a period is one person; counting distinct people over the reports of a year
-- took seconds. So people are tallied too, in a way that stays a sum:
--
-- A person is counted once in a period, under the last month of it in which a report names them.
-- For each month a person is named in, the tally keeps the next month they are named in again
-- (next_month, 'infinity' for none): the people of months a..b are the rows with
-- a <= month <= b and next_month > b, summed. "Next" depends on the filter (the next report
-- naming them in that area, or of that type), so each row says which of the filter's parts it was
-- counted for (parts: area 1, source 2, child 4, exploitation type 8), the others standing as '*'.
--
-- A person's gender and nationality are what their records say most often (of those that say),
-- their date of birth likewise; the age band is their age on the day of their latest report in
-- the period. Counted by the application (PeopleTallyRepository.catchUp), not by triggers: a
-- change to one record can move every row of a person, so triggers only note which records
-- changed, and a figure catches up on them before it is read. Always exact.

-- The records as last counted: one per potential victim or suspect of a report that is not call data.
create table people_facts (
  record_id uuid primary key,
  report_id uuid not null,
  person uuid not null,            -- the person in the picture, or the record itself until resolved
  role text not null,
  received_at timestamptz not null,
  area text not null,              -- local authority code, '' when not known
  source text not null,
  child boolean not null,
  exploitation_types text[] not null,
  gender text not null,            -- tally_gender()
  nationality text not null,       -- ISO alpha-2, '' when not known
  dob date
);
create index people_facts_person_idx on people_facts (person);
create index people_facts_received_idx on people_facts (received_at);

-- What each person is counted as (see above), for the people behind a figure.
create table people_attributes (
  person uuid primary key,
  gender text not null,
  nationality text not null,
  dob date
);

create table tally_people (
  parts smallint not null,
  area text not null,
  source text not null,
  child boolean not null,
  exploitation_type text not null,
  month date not null,
  next_month date not null,
  role text not null,
  gender text not null,
  nationality text not null,
  age_band text not null,
  n integer not null,
  primary key (parts, area, source, child, exploitation_type, month, next_month, role, gender, nationality, age_band)
);
-- Rows a change brought to nought, found without reading the whole tally.
create index tally_people_nought_idx on tally_people (parts) where n = 0;

-- Records whose counting may have changed: noted by triggers, taken by the catch-up.
create table people_dirty (
  id bigserial primary key,
  record_id uuid not null
);
-- Every change waiting of a person's records, taken together.
create index people_dirty_record_idx on people_dirty (record_id);

create function people_dirty_persons() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into people_dirty (record_id) select id from changed_new where role in ('potential_victim', 'suspect');
  elsif tg_op = 'DELETE' then
    insert into people_dirty (record_id) select id from changed_old where role in ('potential_victim', 'suspect');
  else
    insert into people_dirty (record_id)
    select a.id from changed_old o join changed_new a on a.id = o.id
    where (o.role in ('potential_victim', 'suspect') or a.role in ('potential_victim', 'suspect'))
      and (o.report_id, o.role, o.gender, o.nationality_code, o.dob) is distinct from (a.report_id, a.role, a.gender, a.nationality_code, a.dob);
  end if;
  return null;
end $$;
create trigger report_persons_people_insert after insert on report_persons referencing new table as changed_new
  for each statement execute function people_dirty_persons();
create trigger report_persons_people_update after update on report_persons referencing old table as changed_old new table as changed_new
  for each statement execute function people_dirty_persons();
create trigger report_persons_people_delete after delete on report_persons referencing old table as changed_old
  for each statement execute function people_dirty_persons();

-- A person's record joining, leaving or moving between people of the picture.
create function people_dirty_records() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into people_dirty (record_id) select id from changed_new where kind = 'person';
  elsif tg_op = 'DELETE' then
    insert into people_dirty (record_id) select id from changed_old where kind = 'person';
  else
    insert into people_dirty (record_id)
    select a.id from changed_old o join changed_new a on a.id = o.id
    where a.kind = 'person' and o.entity_id is distinct from a.entity_id;
  end if;
  return null;
end $$;
create trigger entity_records_people_insert after insert on entity_records referencing new table as changed_new
  for each statement execute function people_dirty_records();
create trigger entity_records_people_update after update on entity_records referencing old table as changed_old new table as changed_new
  for each statement execute function people_dirty_records();
create trigger entity_records_people_delete after delete on entity_records referencing old table as changed_old
  for each statement execute function people_dirty_records();

-- A report moved (its date, area, source, child or types) moves its people.
create function people_dirty_reports() returns trigger language plpgsql as $$
begin
  insert into people_dirty (record_id)
  select p.id from changed_old o join changed_new a on a.id = o.id join report_persons p on p.report_id = a.id
  where p.role in ('potential_victim', 'suspect')
    and (o.received_at, o.local_authority, o.source, o.involves_child, o.exploitation_types)
      is distinct from (a.received_at, a.local_authority, a.source, a.involves_child, a.exploitation_types);
  return null;
end $$;
create trigger reports_people_update after update on reports referencing old table as changed_old new table as changed_new
  for each statement execute function people_dirty_reports();

-- What is already stored, counted at the first catch-up.
insert into people_dirty (record_id) select id from report_persons where role in ('potential_victim', 'suspect') order by id;
