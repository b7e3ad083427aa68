import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidDatabaseUrl, parseDatabaseUrl } from './database-url';

describe('parseDatabaseUrl', () => {
  it('splits a libpq list of servers into one URL each, with the same user, database and options', () => {
    const parsed = parseDatabaseUrl('postgres://harbour:s%40cret@db1:5432,db2:5433,[::1]/harbour?sslmode=require&target_session_attrs=read-write');
    expect(parsed.names).toEqual(['db1:5432', 'db2:5433', '[::1]:5432']);
    expect(parsed.urls).toEqual([
      'postgres://harbour:s%40cret@db1:5432/harbour?sslmode=require',
      'postgres://harbour:s%40cret@db2:5433/harbour?sslmode=require',
      'postgres://harbour:s%40cret@[::1]:5432/harbour?sslmode=require',
    ]);
  });

  it('keeps a single server as written, adding only the default port', () => {
    expect(parseDatabaseUrl('postgresql://harbour@127.0.0.1/postgres').urls).toEqual(['postgresql://harbour@127.0.0.1:5432/postgres']);
    expect(parseDatabaseUrl('postgres://db.example:6543').urls).toEqual(['postgres://db.example:6543']);
    // No host is libpq's default server (a local socket): left for node-postgres to read.
    expect(parseDatabaseUrl('postgres:///harbour?host=/run/postgresql').urls).toEqual(['postgres:///harbour?host=/run/postgresql']);
  });

  it('names what is wrong with a URL it cannot use', () => {
    expect(() => parseDatabaseUrl('mysql://db1/harbour')).toThrow(/must start with postgres:\/\//);
    expect(() => parseDatabaseUrl('postgres://harbour@db1:5432,,db2/harbour')).toThrow(/empty server/);
    expect(() => parseDatabaseUrl('postgres://db1:fivefour/harbour')).toThrow(/port that is not a number: db1:fivefour/);
    expect(() => parseDatabaseUrl('postgres://db1,db2/harbour?target_session_attrs=read-only')).toThrow(/Harbour writes: use read-write/);
    expect(() => parseDatabaseUrl('postgres://db1')).not.toThrow();
  });

  it('gives every server named, in order, the rest of the URL unchanged (property)', () => {
    const host = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}(\.[a-z0-9-]{1,10}){0,2}$/);
    const port = fc.integer({ min: 1, max: 65535 });
    const path = fc.constantFrom('', '/harbour', '/postgres');
    const options = fc.constantFrom('', '?sslmode=require', '?application_name=harbour&connect_timeout=5');
    fc.assert(
      fc.property(fc.array(fc.tuple(host, port), { minLength: 1, maxLength: 5 }), path, options, (servers, db, query) => {
        const list = servers.map(([h, p]) => `${h}:${p}`);
        const parsed = parseDatabaseUrl(`postgres://harbour:pw@${list.join(',')}${db}${query}`);
        expect(parsed.names).toEqual(list);
        expect(parsed.urls).toEqual(list.map((s) => `postgres://harbour:pw@${s}${db}${query}`));
      }),
    );
  });

  it('throws its own error, so start-up can say the URL is at fault', () => {
    expect(() => parseDatabaseUrl('postgres://,')).toThrow(InvalidDatabaseUrl);
  });
});
