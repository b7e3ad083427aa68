import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MOST_JSON_DEPTH, unstorablePath } from './json-body';

describe('strings a store cannot hold', () => {
  it('are found wherever they sit, by path; well-formed text passes', () => {
    expect(unstorablePath({ description: 'Men live at the car wash 🚗', people: [{ name: 'Zoë' }] })).toBeNull();
    expect(unstorablePath({ people: [{ name: 'A\u0000B' }] })).toBe('people.0.name');
    expect(unstorablePath({ summary: 'x\ud800' })).toBe('summary');
    expect(unstorablePath({ ['k\u0000']: 1 })).toBe('k?');
    expect(unstorablePath('\udc00')).toBe('body');
  });

  it('pass any well-formed JSON, and catch a NUL put anywhere in a string of it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        // fast-check's JSON strings are well formed unless they hold a NUL.
        const text = JSON.stringify(value);
        if (!text.includes('\\u0000')) expect(unstorablePath(value)).toBeNull();
        expect(unstorablePath({ wrapper: [value, 'a\u0000'] })).toBe('wrapper.1');
      }),
    );
  });

  it('a body nested deeper than any request is refused at once, however deep (not walked step by step)', () => {
    const nest = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));
    expect(unstorablePath(nest(MOST_JSON_DEPTH))).toBeNull();
    expect(unstorablePath(nest(MOST_JSON_DEPTH + 1))).toEqual({ tooDeep: true });
    // Walked with a copied path at each level, this (a 2 MB body) took minutes, past the test's limit.
    expect(unstorablePath(nest(1_000_000))).toEqual({ tooDeep: true });
    expect(unstorablePath({ a: { b: [{ c: 'x\u0000' }] } })).toBe('a.b.0.c');
  });
});
