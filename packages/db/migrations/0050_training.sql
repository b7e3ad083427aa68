-- Training for colleagues (issue 22): the units of the force and the colleagues in them, courses
-- in versions, quiz attempts, completions and courses assigned to units.

-- A unit: a station, team or department, as the force names it; configuration, imported as CSV.
create table training_units (
  id uuid primary key,
  code text not null unique,          -- the force's own code for the unit
  name text not null,
  local_authority text,               -- the area it serves (ONS code), when it serves one
  created_at timestamptz not null default now()
);

-- The force's establishment: every colleague, whether or not they have a Harbour account, so a
-- unit's coverage counts the constable who never signed in as not trained.
create table establishment (
  id uuid primary key,
  staff_number text not null unique,  -- collar or staff number
  name text not null,
  email text,                         -- their Harbour account, when one has this address
  unit_id uuid not null references training_units(id),
  active boolean not null default true,
  updated_at timestamptz not null
);
create index establishment_unit_idx on establishment (unit_id);
create unique index establishment_email_idx on establishment (lower(email)) where email is not null;

create table courses (
  id uuid primary key,
  slug text not null unique,
  created_by uuid references users(id),
  created_at timestamptz not null
);

-- What a course teaches and asks, versioned: a change is a new version, so what a colleague
-- completed stays as they read it. A version is a draft until published, and then never changes.
create table course_versions (
  id uuid primary key,
  course_id uuid not null references courses(id) on delete cascade,
  version integer not null,
  content jsonb not null,             -- the contract's courseContentSchema
  created_by uuid references users(id),
  created_at timestamptz not null,
  published_at timestamptz,
  published_by uuid references users(id),
  unique (course_id, version)
);

-- Each attempt at a version's quiz: the questions drawn for it, and once sent, the answers and mark.
create table quiz_attempts (
  id uuid primary key,
  user_id uuid not null references users(id),
  version_id uuid not null references course_versions(id),
  questions text[] not null,
  answers jsonb,
  score integer,
  total integer,
  passed boolean,
  started_at timestamptz not null,
  submitted_at timestamptz,
  check ((submitted_at is null) = (answers is null) and (submitted_at is null) = (passed is null))
);
create index quiz_attempts_user_idx on quiz_attempts (user_id, version_id, started_at desc);

-- A course completed: by whom, which version, on which day, by which passing attempt.
create table course_completions (
  id uuid primary key,
  user_id uuid not null references users(id),
  course_id uuid not null references courses(id),
  version_id uuid not null references course_versions(id),
  attempt_id uuid not null unique references quiz_attempts(id),
  completed_on date not null,
  certificate text not null unique    -- printed on the certificate, so it can be checked
);
create index course_completions_user_idx on course_completions (user_id, course_id, completed_on desc);

-- A course a supervisor set a unit to complete by a day.
create table course_assignments (
  id uuid primary key,
  course_id uuid not null references courses(id),
  unit_id uuid not null references training_units(id),
  due_on date not null,
  assigned_by uuid references users(id),
  assigned_at timestamptz not null,
  unique (course_id, unit_id, due_on)
);
