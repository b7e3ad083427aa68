import { Invalid, hasUnstorable, replaceUnstorable } from '@harbour/core';
import type { FastifyInstance } from 'fastify';

/** Deeper than any request Harbour takes (an HTCDS case is a few levels): refused, not walked. */
export const MOST_JSON_DEPTH = 64;

interface Visit {
  readonly value: unknown;
  readonly key: string | null;
  readonly parent: Visit | null;
  readonly depth: number;
}

/**
 * The path (as field errors name it) of the first string or key that cannot be stored, if any; or
 * `tooDeep` for a body nested deeper than MOST_JSON_DEPTH. Each step keeps its parent, not a copy
 * of its path, so a body nested a hundred thousand deep costs a walk, not minutes of copying.
 */
export function unstorablePath(value: unknown): string | null | { tooDeep: true } {
  const stack: Visit[] = [{ value, key: null, parent: null, depth: 0 }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const next = visit.value;
    if (typeof next === 'string') {
      if (hasUnstorable(next)) return pathOf(visit) || 'body';
    } else if (next !== null && typeof next === 'object') {
      if (visit.depth >= MOST_JSON_DEPTH) return { tooDeep: true };
      for (const [key, child] of Object.entries(next)) {
        if (hasUnstorable(key)) return [pathOf(visit), replaceUnstorable(key, '?')].filter(Boolean).join('.');
        stack.push({ value: child, key, parent: visit, depth: visit.depth + 1 });
      }
    }
  }
  return null;
}

function pathOf(visit: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | null = visit; at && at.key !== null; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.');
}

/**
 * JSON bodies parsed as Fastify does (refusing __proto__ and constructor poisoning), then refused
 * with a clear 400 when a string holds a character that cannot be stored. JSON is UTF-8 (RFC 8259):
 * a body in another encoding (a Windows-1252 file, say) is refused as such, not read with its
 * accented letters turned into replacement characters and stored so.
 */
export function installJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = typeof body === 'string' ? body : utf8.decode(body);
    } catch {
      return done(
        new Invalid('What was sent is not UTF-8 text', [
          { path: 'body', message: 'is not UTF-8 text: send JSON encoded as UTF-8 (save the file as UTF-8)', reason: 'invalid' },
        ]),
      );
    }
    void parse(request, text, (error: Error | null, parsed?: unknown) => {
      if (error) return done(error);
      const path = unstorablePath(parsed);
      if (path === null) return done(null, parsed);
      if (typeof path === 'object')
        return done(
          new Invalid('What was sent is nested too deep', [{ path: 'body', message: `is nested more than ${MOST_JSON_DEPTH} deep`, reason: 'invalid' }]),
        );
      done(
        new Invalid('Some of what was sent cannot be stored', [
          { path, message: 'Contains a character that cannot be stored (a NUL byte or a broken character): remove it', reason: 'invalid' },
        ]),
      );
    });
  });
}
