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

create table tally_deltas (
  id bigserial primary key,
  victims boolean not null,        -- false: a report; true: a potential victim
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

create function tally_types(types text[]) returns text[] language sql immutable as $$
  select array['all'] || case when cardinality(types) = 0 then array['unknown'] else types end
$$;

-- A report's own rows (not its victims'), with a sign. Call data is not a report of trafficking.
create function tally_report(r reports, sign integer) returns void language plpgsql as $$
begin
  if r.source = 'call_data' then return; end if;
  insert into tally_deltas (victims, month, area, source, child, exploitation_type, gender, nationality, n)
  select false, tally_month(r.received_at), coalesce(r.local_authority, ''), r.source, r.involves_child, t, '', '', sign
  from unnest(tally_types(r.exploitation_types)) t;
end $$;

-- The rows of the potential victims of report r (as it stands in r), with a sign.
create function tally_report_victims(r reports, sign integer) returns void language plpgsql as $$
begin
  if r.source = 'call_data' then return; end if;
  insert into tally_deltas (victims, month, area, source, child, exploitation_type, gender, nationality, n)
  select true, tally_month(r.received_at), coalesce(r.local_authority, ''), r.source, r.involves_child, t,
         tally_gender(p.gender), coalesce(p.nationality_code, ''), sign
  from report_persons p cross join unnest(tally_types(r.exploitation_types)) t
  where p.report_id = r.id and p.role = 'potential_victim';
end $$;

create function tally_person(p report_persons, sign integer) returns void language plpgsql as $$
declare r reports;
begin
  if p.role <> 'potential_victim' then return; end if;
  select * into r from reports where id = p.report_id;
  -- Gone with its report: the report's own deletion took its victims off.
  if not found or r.source = 'call_data' then return; end if;
  insert into tally_deltas (victims, month, area, source, child, exploitation_type, gender, nationality, n)
  select true, tally_month(r.received_at), coalesce(r.local_authority, ''), r.source, r.involves_child, t,
         tally_gender(p.gender), coalesce(p.nationality_code, ''), sign
  from unnest(tally_types(r.exploitation_types)) t;
end $$;

create function reports_tally() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform tally_report(old, -1);
    perform tally_report_victims(old, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform tally_report(new, 1);
    perform tally_report_victims(new, 1);
  end if;
  return null;
end $$;
-- Before delete: its victims are still there to be taken off.
create trigger reports_tally_insert after insert on reports for each row execute function reports_tally();
create trigger reports_tally_update after update of received_at, local_authority, source, involves_child, exploitation_types on reports
  for each row when ((old.received_at, old.local_authority, old.source, old.involves_child, old.exploitation_types)
    is distinct from (new.received_at, new.local_authority, new.source, new.involves_child, new.exploitation_types))
  execute function reports_tally();
create function reports_tally_delete() returns trigger language plpgsql as $$
begin
  perform tally_report(old, -1);
  perform tally_report_victims(old, -1);
  return old;
end $$;
create trigger reports_tally_delete before delete on reports for each row execute function reports_tally_delete();

create function report_persons_tally() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then perform tally_person(old, -1); end if;
  if tg_op in ('INSERT', 'UPDATE') then perform tally_person(new, 1); end if;
  return null;
end $$;
create trigger report_persons_tally_insert after insert on report_persons for each row execute function report_persons_tally();
create trigger report_persons_tally_update after update of role, gender, nationality_code, report_id on report_persons
  for each row when ((old.role, old.gender, old.nationality_code, old.report_id) is distinct from (new.role, new.gender, new.nationality_code, new.report_id))
  execute function report_persons_tally();
create trigger report_persons_tally_delete after delete on report_persons for each row execute function report_persons_tally();

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
