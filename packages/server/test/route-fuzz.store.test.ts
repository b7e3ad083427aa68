import { permissionsOf, ROLES, type Permission, type Role } from '@harbour/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE } from '../../../test/test-store';
import { newTestApp, signIn, type Client, type TestApp } from './test-app';

/** The parts of JSON Schema the OpenAPI document uses for request bodies and queries. */
interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

/** Anything at all: any JSON, and strings with every kind of character (NUL, broken pairs, controls). */
const anything: fc.Arbitrary<unknown> = fc.oneof(fc.jsonValue(), fc.string({ unit: 'binary' }), fc.constant(null));

/** Strings as the schema asks for them, where it says how. */
function text(schema: Schema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date')
    return fc.date({ min: new Date('1950-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'date-time')
    return fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((v) => v.length <= (schema.maxLength ?? 200));
    } catch {
      // A pattern fast-check cannot read: plain strings instead.
    }
  }
  return fc.string({ unit: 'grapheme', minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
}

/**
 * Values shaped by a schema: most pass the route's own checks and reach its service, which is
 * where a server error would hide. `route` is fed them with, now and then, anything at all.
 */
function shaped(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 5) return anything;
  const variants: fc.Arbitrary<unknown>[] = [];
  if (schema.enum) variants.push(fc.constantFrom(...schema.enum));
  if (schema.const !== undefined) variants.push(fc.constant(schema.const));
  for (const alternatives of [schema.anyOf, schema.oneOf, schema.allOf]) if (alternatives) variants.push(...alternatives.map((s) => shaped(s, depth + 1)));
  const types = [schema.type ?? []].flat();
  const record = () => {
    const properties = Object.entries(schema.properties ?? {});
    return fc.record(Object.fromEntries(properties.map(([k, s]) => [k, shaped(s, depth + 1)])), {
      requiredKeys: properties.map(([k]) => k).filter((k) => schema.required?.includes(k)),
    });
  };
  if (!schema.enum && schema.const === undefined)
    for (const type of types) {
      if (type === 'string') variants.push(text(schema));
      if (type === 'integer') variants.push(fc.integer({ min: schema.minimum ?? -5, max: schema.maximum ?? 500 }));
      if (type === 'number') variants.push(fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true }));
      if (type === 'boolean') variants.push(fc.boolean());
      if (type === 'null') variants.push(fc.constant(null));
      if (type === 'array')
        variants.push(fc.array(shaped(schema.items, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) }));
      if (type === 'object') variants.push(record());
    }
  if (schema.properties && !types.includes('object')) variants.push(record());
  return variants.length === 0 ? anything : fc.oneof(...variants);
}

/** Mostly what the schema asks for; one time in five, anything at all. */
const wild = (schema: Schema | undefined) => fc.oneof({ weight: 4, arbitrary: shaped(schema) }, { weight: 1, arbitrary: anything });

interface Operation {
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

// Routes that would end the session the run signs in with, or change its password.
const LEFT_OUT = new Set(['DELETE /api/session', 'POST /api/session/password']);

describe(`every route, thrown random and schema-shaped input, never answers with a server error, on ${TEST_STORE}`, () => {
  let t: TestApp;
  const clients = new Map<Role, Client>();
  let operations: { key: string; method: string; path: string; op: Operation; permission: Permission }[] = [];
  beforeAll(async () => {
    t = await newTestApp({ reports: 20 });
    for (const role of ['admin', 'supervisor', 'analyst', 'partner'] as const) clients.set(role, await signIn(t, role));
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, Operation>> }>();
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        const key = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
        const permission = t.routes.find((r) => `${r.method} ${r.url}` === key)?.permission ?? 'public';
        return { key, method: method.toUpperCase(), path, op, permission };
      }),
    );
  });
  afterAll(async () => {
    await t?.svc.imports.stop();
    await t?.close();
  });

  /** A signed-in client whose role holds the permission (any, for public and session routes). */
  const clientFor = (permission: Permission): Client => {
    const role = ROLES.find(
      (r) => clients.has(r) && (permission === 'public' || permission === 'session:second-factor' || permissionsOf(r).includes(permission)),
    );
    return clients.get(role ?? 'supervisor')!;
  };

  it('finds the routes in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(60);
  });

  it('answers every route below 500, whatever it is sent', async () => {
    const failures: string[] = [];
    for (const { key, method, path, op, permission } of operations) {
      if (LEFT_OUT.has(key)) continue;
      const params = op.parameters ?? [];
      const input = fc.record({
        path: fc.record(Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, fc.oneof(fc.uuid(), fc.string({ maxLength: 8 }))]))),
        query: fc.record(Object.fromEntries(params.filter((p) => p.in === 'query').map((p) => [p.name, wild(p.schema)])), { requiredKeys: [] }),
        body: wild(op.requestBody?.content?.['application/json']?.schema),
      });
      const client = clientFor(permission);
      await fc
        .assert(
          fc.asyncProperty(input, async ({ path: pathValues, query, body }) => {
            const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(pathValues[name])));
            const search = new URLSearchParams(
              Object.entries(query).map(([k, v]) => [k, typeof v === 'string' ? v : Array.isArray(v) ? v.join(',') : JSON.stringify(v)]),
            );
            const withBody = method !== 'GET' && method !== 'DELETE';
            const response = await client.request(method as 'GET', `${url}?${search.toString()}`, withBody ? (body ?? {}) : undefined);
            if (response.statusCode >= 500) failures.push(`${key} ${response.statusCode} ${JSON.stringify({ pathValues, query, body }).slice(0, 300)}`);
            return response.statusCode < 500;
          }),
          { numRuns: 20, seed: 20261203, endOnFailure: true },
        )
        .catch(() => undefined);
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
