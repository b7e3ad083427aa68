/**
 * DATABASE_URL as libpq reads it, including a list of servers:
 * `postgres://harbour@db1:5432,db2:5432/harbour?target_session_attrs=read-write`. node-postgres
 * reads one host only (brianc/node-postgres#2781), so Harbour splits the list itself: one URL for
 * each server, the same user, database and options, tried in order for the one that accepts writes.
 */
export interface DatabaseServers {
  /** One single-server URL for each server named, in the order given. */
  readonly urls: readonly string[];
  /** Each server as `host:port`, for messages (never the user or password). */
  readonly names: readonly string[];
}

export class InvalidDatabaseUrl extends Error {}

const URL_PARTS = /^(postgres(?:ql)?:\/\/)(?:([^@/?#]*)@)?([^/?#]*)(.*)$/;
/** Harbour writes on every request (the audit log at least): only a server that takes writes will do. */
const WRITABLE_ATTRS = new Set(['read-write', 'primary', 'any']);

export function parseDatabaseUrl(url: string): DatabaseServers {
  const parts = URL_PARTS.exec(url);
  if (!parts) throw new InvalidDatabaseUrl('DATABASE_URL must start with postgres:// or postgresql://');
  const [, scheme, userinfo, hostList, rest] = parts as unknown as [string, string, string | undefined, string, string];
  // No host at all is libpq's default (a local socket, or `?host=`): one server, as written.
  if (hostList === '') return { urls: [url], names: ['the default server'] };
  const hosts = hostList.split(',');
  if (hosts.some((h) => h.trim() === '')) throw new InvalidDatabaseUrl('DATABASE_URL names an empty server: write host:port, separated by commas');
  const { path, query } = splitQuery(rest);
  const attrs = query.get('target_session_attrs');
  if (attrs !== null && !WRITABLE_ATTRS.has(attrs))
    throw new InvalidDatabaseUrl(`DATABASE_URL asks for target_session_attrs=${attrs}, but Harbour writes: use read-write`);
  query.delete('target_session_attrs');
  const search = query.size > 0 ? `?${query.toString()}` : '';
  const names = hosts.map((h) => withDefaultPort(h.trim()));
  return {
    urls: names.map((name) => `${scheme}${userinfo !== undefined ? `${userinfo}@` : ''}${name}${path}${search}`),
    names,
  };
}

function splitQuery(rest: string): { path: string; query: URLSearchParams } {
  const withoutFragment = rest.split('#')[0]!;
  const at = withoutFragment.indexOf('?');
  if (at < 0) return { path: withoutFragment, query: new URLSearchParams() };
  return { path: withoutFragment.slice(0, at), query: new URLSearchParams(withoutFragment.slice(at + 1)) };
}

/** `db1` → `db1:5432`; `[::1]` → `[::1]:5432`; a port given stays. */
function withDefaultPort(host: string): string {
  const port = host.startsWith('[') ? /\]:(\d+)$/.exec(host) : /:(\d+)$/.exec(host);
  if (port) return host;
  if (/:/.test(host.startsWith('[') ? host.slice(host.indexOf(']')) : host))
    throw new InvalidDatabaseUrl(`DATABASE_URL names a server with a port that is not a number: ${host}`);
  return `${host}:5432`;
}
