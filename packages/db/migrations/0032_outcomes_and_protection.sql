-- What a case achieves and whom it protects. Outcomes are recorded against a case's suspects:
-- arrests, charges (Modern Slavery Act s1, s2, s4, or a related offence by its code), the court's
-- results, Prevention and Risk Orders with their end dates, and, for a suspect who is also a
-- potential victim, the s45 defence question. For each potential victim: the NRM referral or the
-- Duty to Notify with its decisions, and the safeguarding plan with its reviews. Each row keeps the
-- entity as it was linked; reads follow later merges.
create table case_outcomes (
  id uuid primary key,
  case_id uuid not null references cases(id) on delete cascade,
  entity_id uuid not null references entities(id),
  kind text not null check (kind in ('arrest', 'charge', 'court_result', 'order', 's45')),
  occurred_on date not null,
  offence text check (offence in ('msa_s1', 'msa_s2', 'msa_s4', 'other')),
  offence_code text,
  result text check (result in ('convicted', 'acquitted', 'discontinued', 'may_apply', 'raised', 'does_not_apply')),
  order_type text check (order_type in ('stpo', 'stro')),
  ends_on date,
  until_further_order boolean not null default false,
  details text not null default '',
  recorded_by uuid not null references users(id),
  recorded_at timestamptz not null
);
create index case_outcomes_case_idx on case_outcomes (case_id, occurred_on);
create index case_outcomes_kind_idx on case_outcomes (kind, occurred_on);

create table nrm_records (
  id uuid primary key,
  case_id uuid not null references cases(id) on delete cascade,
  entity_id uuid not null references entities(id),
  route text not null check (route in ('nrm', 'dtn')),
  child boolean not null,
  consent text not null check (consent in ('given', 'refused', 'not_needed')),
  referred_on date not null,
  first_responder text not null,
  exploitation_types text[] not null default '{}',
  -- The Home Office's reference for the referral or notification, once given.
  home_office_reference text,
  rg_decision text check (rg_decision in ('positive', 'negative')),
  rg_decided_on date,
  cg_decision text check (cg_decision in ('positive', 'negative')),
  cg_decided_on date,
  support_status text not null default 'not_yet' check (support_status in ('not_yet', 'offered', 'receiving', 'declined', 'ended')),
  notes text not null default '',
  recorded_by uuid not null references users(id),
  recorded_at timestamptz not null,
  updated_by uuid not null references users(id),
  updated_at timestamptz not null,
  -- One referral or notification per person in a case.
  unique (case_id, entity_id)
);
create index nrm_records_open_idx on nrm_records (referred_on) where rg_decision is null;

create table safeguarding_plans (
  id uuid primary key,
  case_id uuid not null references cases(id) on delete cascade,
  entity_id uuid not null references entities(id),
  immediate_risks text not null,
  accommodation text not null default '',
  support_provider text not null default '',
  interpreter_needed boolean not null default false,
  language text,
  lead_agency_id uuid references agencies(id),
  next_review_on date not null,
  recorded_by uuid not null references users(id),
  recorded_at timestamptz not null,
  updated_by uuid not null references users(id),
  updated_at timestamptz not null,
  unique (case_id, entity_id)
);
create index safeguarding_plans_review_idx on safeguarding_plans (next_review_on);

-- Each review of a plan: when, by whom, what was found; the plan's next review date moves on.
create table safeguarding_reviews (
  id uuid primary key,
  plan_id uuid not null references safeguarding_plans(id) on delete cascade,
  reviewed_on date not null,
  note text not null,
  reviewed_by uuid not null references users(id),
  recorded_at timestamptz not null
);
create index safeguarding_reviews_plan_idx on safeguarding_reviews (plan_id, reviewed_on);
