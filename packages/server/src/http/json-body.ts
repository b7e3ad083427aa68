import { Invalid, hasUnstorable, replaceUnstorable } from '@harbour/core';
import type { FastifyInstance } from 'fastify';

/** The path (as field errors name it) of the first string or key that cannot be stored, if any. */
export function unstorablePath(value: unknown): string | null {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: next, path } = stack.pop()!;
    if (typeof next === 'string') {
      if (hasUnstorable(next)) return path.join('.') || 'body';
    } else if (next !== null && typeof next === 'object') {
      for (const [key, child] of Object.entries(next)) {
        if (hasUnstorable(key)) return [...path, replaceUnstorable(key, '?')].join('.');
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return null;
}

/**
 * JSON bodies parsed as Fastify does (refusing __proto__ and constructor poisoning), then refused
 * with a clear 400 when a string holds a character that cannot be stored.
 */
export function installJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    void parse(request, typeof body === 'string' ? body : body.toString('utf8'), (error: Error | null, parsed?: unknown) => {
      if (error) return done(error);
      const path = unstorablePath(parsed);
      if (path === null) return done(null, parsed);
      done(
        new Invalid('Some of what was sent cannot be stored', [
          { path, message: 'Contains a character that cannot be stored (a NUL byte or a broken character): remove it', reason: 'invalid' },
        ]),
      );
    });
  });
}
