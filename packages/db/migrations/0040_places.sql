-- A business named without a place of its own is looked for in its report's town: kept beside its
-- own attributes as `reportTown` (the business's own town stays as written, or absent).
update entity_records r set attributes = r.attributes || jsonb_build_object('reportTown', rep.town)
from reports rep
where r.kind = 'business' and rep.id = r.report_id and rep.town is not null;

-- One-off work on a store's picture done in code (re-keying addresses and businesses when the rule
-- for which records are one place changes), each done once.
create table picture_upkeep (
  task text primary key,
  done_at timestamptz not null default now()
);
