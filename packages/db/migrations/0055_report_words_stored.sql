-- Report search ranks every match by its words, and a common word matches most reports: parsing
-- each report's summary again on every search took a soak's searches from 0.1 s to 1.7 s as the
-- store grew (issue 23: "car wash" matched 17,000 of 18,000 reports; 266 ms, nearly all of it in
-- to_tsvector). Each report's words are now kept beside it, as written ('simple', any language)
-- and by their English stems, and indexed as they are. On a large store this migration rewrites
-- the reports table once (about 6 s for 20,000 reports on the embedded store).
alter table reports
  add column summary_words tsvector not null generated always as (to_tsvector('simple', summary)) stored,
  add column summary_stems tsvector not null generated always as (to_tsvector('english', summary)) stored;

drop index reports_summary_fts_idx;
drop index reports_summary_english_fts_idx;
create index reports_summary_words_idx on reports using gin (summary_words) with (gin_pending_list_limit = 256);
create index reports_summary_stems_idx on reports using gin (summary_stems) with (gin_pending_list_limit = 256);
