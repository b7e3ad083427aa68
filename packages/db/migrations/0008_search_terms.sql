-- The search box looks names and numbers up in a dictionary of distinct terms, not in every
-- record: a million records repeat far fewer names, so a fuzzy (trigram) match is quick, and the
-- records of the best terms are then found by equality.
create table search_terms (
  text text primary key,
  codes text[] not null default '{}'
);
insert into search_terms (text, codes)
select distinct on (search_text) search_text, search_codes from entity_records
where entity_id is not null and search_text <> '' order by search_text, id;
create index search_terms_trgm_idx on search_terms using gin (text gin_trgm_ops);
create index search_terms_codes_idx on search_terms using gin (codes);

drop index entity_records_search_trgm_idx;
drop index entity_records_search_codes_idx;
create index entity_records_search_text_idx on entity_records (search_text) where entity_id is not null;
