-- GIN indexes gather new entries in a "pending list" (up to 4 MB) that every search reads in full
-- until it is merged into the index, by a vacuum or when it fills. The embedded store has no
-- autovacuum, so the list was often full: at a million people each search read some 2,000
-- pending pages, 60 ms of a 90 ms search. A 256 kB list still batches a bulk build's writes
-- (same build time at 100k people) and costs a search at most 32 pages (bench `picture`).
alter index search_terms_trgm_idx set (gin_pending_list_limit = 256);
alter index search_terms_codes_idx set (gin_pending_list_limit = 256);
alter index reports_summary_fts_idx set (gin_pending_list_limit = 256);
-- The limit applies from the next write: merge what is pending now.
select gin_clean_pending_list(i) from unnest(array['search_terms_trgm_idx', 'search_terms_codes_idx',
  'reports_summary_fts_idx']::regclass[]) as i;

-- Entity labels have not been searched since the dictionary of terms (0008) took over.
drop index entities_label_trgm_idx;
