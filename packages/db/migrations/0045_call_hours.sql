-- Call data keeps each way apart (calls made and calls received) and the hours of the day (UK
-- time) the timed calls began in, so a number's busiest hours can be read. Imports made before
-- this have pairs folded either way round and no hours (null).
alter table report_calls add column hours integer[] check (hours is null or cardinality(hours) = 24);
-- A number's calls received are found from the callee's side as quickly as calls made from the caller's.
create index report_calls_to_idx on report_calls (to_phone);
