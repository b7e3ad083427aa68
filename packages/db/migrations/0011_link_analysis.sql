-- Charts an analyst saved: the entities on it, where they were placed, what was hidden or pinned,
-- and the filter it was drawn with. Reopened against the picture as it is then.
create table saved_charts (
  id uuid primary key,
  owner_id uuid not null references users(id),
  name text not null check (length(name) between 1 and 120),
  chart jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (owner_id, name)
);

-- When each user last opened a network, and how big it was: a network that has grown since is
-- marked. Networks have no id of their own (they merge and split as reports arrive), so a view is
-- kept against the entities the network was opened through.
create table network_views (
  user_id uuid not null references users(id),
  entity_id uuid not null,
  size int not null,
  viewed_at timestamptz not null default now(),
  primary key (user_id, entity_id)
);
