-- People whose records changed, waiting to be compared whole with the people around them (a
-- background job a few seconds behind resolution): a new report is in the picture at once and
-- its people refined just after.
create table people_to_compare (
  entity_id uuid primary key references entities(id) on delete cascade,
  queued_at timestamptz not null default now()
);
create index people_to_compare_queued_idx on people_to_compare (queued_at, entity_id);
