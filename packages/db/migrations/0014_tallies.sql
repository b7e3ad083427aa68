-- Figures for dashboards and the problem profile, counted as reports are written rather than
-- from a million rows on every request. Each change to a report or a potential victim appends
-- its +1/-1 to tally_deltas in the same transaction (appends never wait on each other, so
-- reporting stays fast); a background job folds the deltas into the tallies. A figure is the
-- tally plus the deltas not yet folded in: always exact.

-- The country a potential victim's written nationality names (ISO 3166 alpha-2), set by the
-- application, which knows the world's names for countries.
alter table report_persons add column nationality_code text;

create table tally_reports (
  month date not null,
  area text not null,              -- local authority code, '' when not known
  source text not null,
  child boolean not null,
  exploitation_type text not null, -- each of the report's types, 'unknown' for none, and 'all' once per report
  n bigint not null,
  primary key (month, area, source, child, exploitation_type)
);

create table tally_victims (
  month date not null,
  area text not null,
  source text not null,
  child boolean not null,
  exploitation_type text not null,
  gender text not null,            -- female, male, other, unknown
  nationality text not null,       -- ISO alpha-2, '' when not known
  n bigint not null,
  primary key (month, area, source, child, exploitation_type, gender, nationality)
);

-- Reports by place, for the map: the town as written (lower case), else the postcode district
-- ('postcode:NP20'), else ''. The application places these on the map.
create table tally_places (
  month date not null,
  area text not null,
  place text not null,
  source text not null,
  child boolean not null,
  exploitation_type text not null,
  n bigint not null,
  primary key (month, area, place, source, child, exploitation_type)
);

create table tally_deltas (
  id bigserial primary key,
  victims boolean not null,        -- false: a report (counted in tally_reports and tally_places); true: a potential victim
  place text not null default '',
  month date not null,
  area text not null,
  source text not null,
  child boolean not null,
  exploitation_type text not null,
  gender text not null,
  nationality text not null,
  n integer not null
);

create function tally_gender(written text) returns text language sql immutable as $$
  select case
    when written is null or btrim(written) = '' or lower(btrim(written)) in ('unknown', 'not known', 'anhysbys') then 'unknown'
    when lower(btrim(written)) in ('female', 'f', 'woman', 'girl', 'benyw', 'menyw', 'merch') then 'female'
    when lower(btrim(written)) in ('male', 'm', 'man', 'boy', 'gwryw', 'dyn', 'bachgen') then 'male'
    else 'other' end
$$;

create function tally_month(received timestamptz) returns date language sql immutable as $$
  select (date_trunc('month', received at time zone 'Europe/London'))::date
$$;

create function tally_place(town text, postcode text) returns text language sql immutable as $$
  select coalesce(
    nullif(lower(btrim(town)), ''),
    'postcode:' || upper(substring(btrim(postcode) from '^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?')),
    '')
$$;

create function tally_types(types text[]) returns text[] language sql immutable as $$
  select array['all'] || case when cardinality(types) = 0 then array['unknown'] else types end
$$;

-- Triggers run once a statement, on the rows it changed (transition tables), so a bulk insert
-- of a million reports costs a few set-based inserts, not a million function calls. Call data is
-- not a report of trafficking: never counted.
create function reports_tally_insert() returns trigger language plpgsql as $$
begin
  insert into tally_deltas (victims, place, month, area, source, child, exploitation_type, gender, nationality, n)
  select false, tally_place(r.town, r.postcode), tally_month(r.received_at), coalesce(r.local_authority, ''), r.source, r.involves_child, t, '', '', 1
  from inserted r cross join unnest(tally_types(r.exploitation_types)) t where r.source <> 'call_data';
  return null;
end $$;
create trigger reports_tally_insert after insert on reports referencing new table as inserted
  for each statement execute function reports_tally_insert();

-- An update that moves a report (its month, area, place, source, child or types) moves it and its victims.
create function reports_tally_update() returns trigger language plpgsql as $$
begin
  insert into tally_deltas (victims, place, month, area, source, child, exploitation_type, gender, nationality, n)
  with changed as (
    select o.id, o as before, a as after from before_update o join after_update a on a.id = o.id
    where (o.received_at, o.local_authority, o.town, o.postcode, o.source, o.involves_child, o.exploitation_types)
      is distinct from (a.received_at, a.local_authority, a.town, a.postcode, a.source, a.involves_child, a.exploitation_types)
  ), moved as (
    select id, (before).received_at, (before).local_authority, (before).town, (before).postcode, (before).source,
           (before).involves_child, (before).exploitation_types, -1 as sign from changed
    union all
    select id, (after).received_at, (after).local_authority, (after).town, (after).postcode, (after).source,
           (after).involves_child, (after).exploitation_types, 1 from changed
  )
  select false, tally_place(m.town, m.postcode), tally_month(m.received_at), coalesce(m.local_authority, ''), m.source, m.involves_child, t, '', '', m.sign
  from moved m cross join unnest(tally_types(m.exploitation_types)) t where m.source <> 'call_data'
  union all
  select true, '', tally_month(m.received_at), coalesce(m.local_authority, ''), m.source, m.involves_child, t,
         tally_gender(p.gender), coalesce(p.nationality_code, ''), m.sign
  from moved m join report_persons p on p.report_id = m.id and p.role = 'potential_victim'
  cross join unnest(tally_types(m.exploitation_types)) t where m.source <> 'call_data';
  return null;
end $$;
create trigger reports_tally_update after update on reports referencing old table as before_update new table as after_update
  for each statement execute function reports_tally_update();

-- Deleted one by one (rarely), before the delete: its victims are still there to be taken off.
create function reports_tally_delete() returns trigger language plpgsql as $$
begin
  if old.source = 'call_data' then return old; end if;
  insert into tally_deltas (victims, place, month, area, source, child, exploitation_type, gender, nationality, n)
  select false, tally_place(old.town, old.postcode), tally_month(old.received_at), coalesce(old.local_authority, ''), old.source, old.involves_child, t, '', '', -1
  from unnest(tally_types(old.exploitation_types)) t
  union all
  select true, '', tally_month(old.received_at), coalesce(old.local_authority, ''), old.source, old.involves_child, t,
         tally_gender(p.gender), coalesce(p.nationality_code, ''), -1
  from report_persons p cross join unnest(tally_types(old.exploitation_types)) t
  where p.report_id = old.id and p.role = 'potential_victim';
  return old;
end $$;
create trigger reports_tally_delete before delete on reports for each row execute function reports_tally_delete();

-- Potential victims, counted under their report as it stands. One deleted with its report is
-- not found here: the report's deletion took it off.
create function report_persons_tally_insert() returns trigger language plpgsql as $$
begin
  insert into tally_deltas (victims, month, area, source, child, exploitation_type, gender, nationality, n)
  select true, tally_month(r.received_at), coalesce(r.local_authority, ''), r.source, r.involves_child, t,
         tally_gender(c.gender), coalesce(c.nationality_code, ''), 1
  from added c join reports r on r.id = c.report_id
  cross join unnest(tally_types(r.exploitation_types)) t
  where c.role = 'potential_victim' and r.source <> 'call_data';
  return null;
end $$;

create function report_persons_tally_delete() returns trigger language plpgsql as $$
begin
  insert into tally_deltas (victims, month, area, source, child, exploitation_type, gender, nationality, n)
  select true, tally_month(r.received_at), coalesce(r.local_authority, ''), r.source, r.involves_child, t,
         tally_gender(c.gender), coalesce(c.nationality_code, ''), -1
  from removed c join reports r on r.id = c.report_id
  cross join unnest(tally_types(r.exploitation_types)) t
  where c.role = 'potential_victim' and r.source <> 'call_data';
  return null;
end $$;

create function report_persons_tally_update() returns trigger language plpgsql as $$
begin
  insert into tally_deltas (victims, month, area, source, child, exploitation_type, gender, nationality, n)
  with changed as (
    select o.report_id, o.role, o.gender, o.nationality_code, -1 as sign from removed o join added a on a.id = o.id
    where (o.report_id, o.role, o.gender, o.nationality_code) is distinct from (a.report_id, a.role, a.gender, a.nationality_code)
    union all
    select a.report_id, a.role, a.gender, a.nationality_code, 1 from removed o join added a on a.id = o.id
    where (o.report_id, o.role, o.gender, o.nationality_code) is distinct from (a.report_id, a.role, a.gender, a.nationality_code)
  )
  select true, tally_month(r.received_at), coalesce(r.local_authority, ''), r.source, r.involves_child, t,
         tally_gender(c.gender), coalesce(c.nationality_code, ''), c.sign
  from changed c join reports r on r.id = c.report_id
  cross join unnest(tally_types(r.exploitation_types)) t
  where c.role = 'potential_victim' and r.source <> 'call_data';
  return null;
end $$;

create trigger report_persons_tally_insert after insert on report_persons referencing new table as added
  for each statement execute function report_persons_tally_insert();
create trigger report_persons_tally_update after update on report_persons referencing old table as removed new table as added
  for each statement execute function report_persons_tally_update();
create trigger report_persons_tally_delete after delete on report_persons referencing old table as removed
  for each statement execute function report_persons_tally_delete();

-- What is already stored, counted once.
insert into tally_reports (month, area, source, child, exploitation_type, n)
select tally_month(r.received_at), coalesce(r.local_authority, ''), r.source, r.involves_child, t, count(*)
from reports r cross join unnest(tally_types(r.exploitation_types)) t
where r.source <> 'call_data'
group by 1, 2, 3, 4, 5;

insert into tally_victims (month, area, source, child, exploitation_type, gender, nationality, n)
select tally_month(r.received_at), coalesce(r.local_authority, ''), r.source, r.involves_child, t, tally_gender(p.gender), '', count(*)
from reports r join report_persons p on p.report_id = r.id and p.role = 'potential_victim'
cross join unnest(tally_types(r.exploitation_types)) t
where r.source <> 'call_data'
group by 1, 2, 3, 4, 5, 6;

insert into tally_places (month, area, place, source, child, exploitation_type, n)
select tally_month(r.received_at), coalesce(r.local_authority, ''), tally_place(r.town, r.postcode), r.source, r.involves_child, t, count(*)
from reports r cross join unnest(tally_types(r.exploitation_types)) t
where r.source <> 'call_data'
group by 1, 2, 3, 4, 5, 6;
