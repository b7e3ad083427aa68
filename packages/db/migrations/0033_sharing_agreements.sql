-- Information-sharing agreements between the force and a partner agency: what for, on what lawful
-- basis, which categories of data, from when until when. Nothing is shared with an agency outside
-- an agreement in force; ending one (or its expiry) stops the sharing at once.
create table sharing_agreements (
  id uuid primary key,
  agency_id uuid not null references agencies(id),
  purpose text not null,
  lawful_basis text not null,
  categories text[] not null default '{}',
  starts_on date not null,
  ends_on date not null,
  created_by uuid not null references users(id),
  created_at timestamptz not null,
  ended_by uuid references users(id),
  ended_at timestamptz,
  end_reason text,
  check (ends_on >= starts_on)
);
create index sharing_agreements_agency_idx on sharing_agreements (agency_id, ends_on);

-- A case shared with an agency, and when the sharing was withdrawn. Sharing again reopens the row.
create table case_shares (
  case_id uuid not null references cases(id) on delete cascade,
  agency_id uuid not null references agencies(id),
  reason text not null,
  shared_by uuid not null references users(id),
  shared_at timestamptz not null,
  revoked_by uuid references users(id),
  revoked_at timestamptz,
  primary key (case_id, agency_id)
);
create index case_shares_agency_idx on case_shares (agency_id) where revoked_at is null;
