-- Problem profiles as an analyst's product: the figures for a period and area inside the analyst's
-- own words (key judgements, intelligence gaps, recommendations under the 4P). A draft's figures
-- are counted afresh when read; issuing freezes the whole document as it was read then.
create table problem_profiles (
  id uuid primary key,
  title text not null check (length(title) between 3 and 200),
  period_from text not null check (period_from ~ '^\d{4}-\d{2}$'),
  period_to text not null check (period_to ~ '^\d{4}-\d{2}$' and period_to >= period_from),
  area text check (area ~ '^W\d{8}$'),
  audience text not null check (audience in ('internal', 'external')),
  language text not null check (language in ('en', 'cy')),
  key_judgements text not null default '',
  intelligence_gaps text not null default '',
  pursue text not null default '',
  prevent text not null default '',
  protect text not null default '',
  prepare text not null default '',
  status text not null default 'draft' check (status in ('draft', 'issued')),
  -- Raised by every change: a writer saving over a version they did not start from is refused.
  version integer not null default 1,
  author_id uuid not null references users(id),
  updated_by uuid not null references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  issued_at timestamptz,
  issued_by uuid references users(id),
  issued_document jsonb,
  check ((status = 'issued') = (issued_document is not null and issued_at is not null and issued_by is not null))
);
create index problem_profiles_by_updated on problem_profiles (updated_at desc);
