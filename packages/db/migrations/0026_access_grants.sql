-- A supervisor's grant of named access to a researcher, for a stated purpose and a time: while it
-- lasts the researcher may open reports and the picture; every read is audited under the grant.
create table access_grants (
  id uuid primary key,
  user_id uuid not null references users(id),
  granted_by uuid not null references users(id),
  purpose text not null,
  granted_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_by uuid references users(id)
);
create index access_grants_user on access_grants (user_id, expires_at);
