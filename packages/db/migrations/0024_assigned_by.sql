-- Who made a report's assignment: an investigator may take an unassigned report, or give back one
-- they took, but not take or clear one a supervisor gave out.
alter table reports add column assigned_by uuid references users(id);
