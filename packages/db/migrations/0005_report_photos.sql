-- Photos a reporter adds (e.g. of an advert), stored only after their metadata is removed.
create table report_photos (
  id uuid primary key,
  report_id uuid not null references reports(id) on delete cascade,
  content_type text not null check (content_type in ('image/jpeg', 'image/png')),
  bytes bytea not null,
  width integer not null,
  height integer not null,
  sha256 text not null,
  created_at timestamptz not null default now()
);
create index report_photos_report_idx on report_photos (report_id, created_at);
