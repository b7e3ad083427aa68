-- A public form token is good for one submission: each one used is kept until it would have
-- expired anyway (the portal's FORM_MAX_HOURS), then pruned.
create table used_form_tokens (
  token_hash text primary key,
  used_at timestamptz not null
);
create index used_form_tokens_used_at on used_form_tokens (used_at);
