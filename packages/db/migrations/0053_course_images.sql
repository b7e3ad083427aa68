-- Pictures in the courses' modules (issue 22): uploaded by the team's authors, decoded and
-- re-encoded before they are kept, so nothing but pixels survives (no camera, place or time).
create table course_images (
  id uuid primary key,
  content_type text not null check (content_type in ('image/jpeg', 'image/png')),
  bytes bytea not null,
  width integer not null,
  height integer not null,
  sha256 text not null,
  uploaded_by uuid references users(id),
  uploaded_at timestamptz not null
);
