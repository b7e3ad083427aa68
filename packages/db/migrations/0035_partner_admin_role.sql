-- A partner agency's administrator: a partner user who also answers for what the agency's staff
-- do in Harbour, and so reads their activity.
alter table users drop constraint users_role_check;
alter table users add constraint users_role_check
  check (role in ('admin', 'supervisor', 'investigator', 'researcher', 'analyst', 'officer', 'partner', 'partner_admin'));
