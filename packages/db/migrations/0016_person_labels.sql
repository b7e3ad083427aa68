-- One name for each person everywhere. Until now the entity page chose a person's name from their
-- records when it was read, while the chart and search showed the name stored when the entity was
-- made, so one person could be "Eni Rama" on the page and "Eni Raam" on the chart. The stored label
-- is now kept by the rule of core's bestPersonLabel: the fullest name (most words), then the one
-- recorded most often, then the first in byte order; this brings older stores to it.
with names as (
  select entity_id,
         concat_ws(' ', nullif(regexp_replace(attributes->>'givenName', '^\s+|\s+$', '', 'g'), ''),
                        nullif(regexp_replace(attributes->>'familyName', '^\s+|\s+$', '', 'g'), '')) as name
  from entity_records
  where kind = 'person' and entity_id is not null
),
counted as (
  select entity_id, name, count(*) as n from names where name <> '' group by entity_id, name
),
best as (
  select distinct on (entity_id) entity_id, name
  from counted
  order by entity_id, array_length(regexp_split_to_array(name, '\s+'), 1) desc, n desc, name collate "C"
)
update entities e set label = best.name
from best
where e.id = best.entity_id and e.kind = 'person' and e.label <> best.name;
