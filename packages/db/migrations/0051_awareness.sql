-- Awareness work (issue 22, Prevent): campaigns, the posters and leaflets made for them, the
-- events held, and which public reports came by a campaign's QR code.

-- A campaign: its code is the tag in the QR code's address, the same for everyone who scans it,
-- so reports are counted by campaign without telling one reporter from another.
create table awareness_campaigns (
  code text primary key check (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  name text not null,
  created_by uuid references users(id),
  created_at timestamptz not null
);

-- The resource library: each poster or leaflet made, remade as a PDF when asked for.
create table awareness_materials (
  id uuid primary key,
  campaign_code text not null references awareness_campaigns(code),
  setting text not null,
  language text not null,
  size text not null check (size in ('A4', 'A5')),
  made_by uuid references users(id),
  made_at timestamptz not null
);
create index awareness_materials_campaign_idx on awareness_materials (campaign_code, made_at);

-- An awareness event: a visit to car washes, a talk to taxi drivers, a stand at a hospital.
create table awareness_events (
  id uuid primary key,
  held_on date not null,
  title text not null,
  place text not null,
  local_authority text not null,
  latitude double precision,
  longitude double precision,
  audiences text[] not null,
  partners text[] not null default '{}',
  attendance integer not null check (attendance >= 0),
  handed_out integer not null default 0 check (handed_out >= 0),
  campaign_code text references awareness_campaigns(code),
  notes text,
  recorded_by uuid references users(id),
  recorded_at timestamptz not null,
  check ((latitude is null) = (longitude is null))
);
create index awareness_events_held_idx on awareness_events (held_on);

-- The campaign a public report came by, checked against the campaigns when it arrives (an
-- unknown tag is dropped, never the report), so no key here.
alter table reports add column campaign text;
create index reports_campaign_idx on reports (campaign, received_at) where campaign is not null;
