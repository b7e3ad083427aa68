import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../src');
const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(SRC, f));
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
/** Imports that stay in the compiled code (`import type` is erased). */
const valueImportsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^import (?!type )[^;]*? from '([^']+)'/gms)].map((m) => m[1]!);

describe('the contract', () => {
  it('runs in a browser: it imports zod and itself, nothing of node or of the rest of Harbour', () => {
    const foreign = files.flatMap((f) =>
      importsOf(f)
        .filter((i) => i !== 'zod' && !i.startsWith('.'))
        .map((i) => `${f}: ${i}`),
    );
    expect(foreign).toEqual([]);
  });

  it('keeps zod out of its word lists and its chart drawing, which the web bundles', () => {
    const vocabulary = files.filter((f) => f.includes('/vocabulary/') || f.includes('/chart/'));
    expect(vocabulary.length).toBeGreaterThan(7);
    const withZod = vocabulary.filter((f) => valueImportsOf(f).some((i) => i === 'zod' || i.startsWith('../api')));
    expect(withZod).toEqual([]);
  });
});
