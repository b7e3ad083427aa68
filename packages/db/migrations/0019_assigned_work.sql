-- "My work": each team member's open reports, found without reading the whole table.
create index reports_open_by_assignee on reports (assigned_to, received_at) where assigned_to is not null and status <> 'closed';
