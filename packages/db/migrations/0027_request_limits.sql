-- Requests per client per route in a fixed window, kept in the store so a limit holds across
-- every Harbour process on one database. Keys are hashes: no address is stored in clear.
create table request_limits (
  key text primary key,
  hits integer not null,
  window_ends timestamptz not null
);
create index request_limits_window_ends on request_limits (window_ends);
