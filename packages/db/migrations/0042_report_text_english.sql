-- Report text is searched by its words as written and, in English, by their stems ("passports"
-- finds "passport"). PostgreSQL has no Welsh stemmer: Welsh text is found by its words as written.
create index reports_summary_english_fts_idx on reports using gin (to_tsvector('english', summary));
