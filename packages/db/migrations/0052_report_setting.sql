-- The kind of place a public report was made about from a self-check page (issue 22): a car wash,
-- a nail bar, a farm, a hotel, a private home, as the contract's AWARENESS_SETTINGS name them.
alter table reports add column setting text;
