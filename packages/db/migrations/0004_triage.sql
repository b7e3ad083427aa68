-- Triage decisions on a report: who it is assigned to, and who marked it triaged and when.
alter table reports
  add column assigned_to uuid references users(id),
  add column triaged_by uuid references users(id),
  add column triaged_at timestamptz;
