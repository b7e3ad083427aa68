-- A saved chart can be shared with the owner's team: everyone of the same agency who may chart the
-- picture can open it (and save a copy of their own); only its owner changes or deletes it.
alter table saved_charts add column shared_at timestamptz;
create index saved_charts_shared on saved_charts (shared_at) where shared_at is not null;
