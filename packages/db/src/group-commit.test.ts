import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GroupCommit } from './group-commit';

/** A writer that records each transaction it was given and refuses any batch holding a "bad" item. */
function recordingWriter() {
  const batches: string[][] = [];
  const write = async (items: readonly string[]) => {
    await new Promise((r) => setTimeout(r, 1));
    batches.push([...items]);
    if (items.some((i) => i.startsWith('bad'))) throw new Error(`refused ${items.join(',')}`);
    return items.map((i) => `ok:${i}`);
  };
  return { batches, write };
}

describe('GroupCommit', () => {
  it('writes a lone item at once, in a transaction of its own', async () => {
    const w = recordingWriter();
    const g = new GroupCommit(w.write);
    await expect(g.write('a')).resolves.toBe('ok:a');
    expect(w.batches).toEqual([['a']]);
  });

  it('groups writes made in the same turn of the event loop, and answers each with its own result', async () => {
    const w = recordingWriter();
    const g = new GroupCommit(w.write);
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((i) => g.write(i)));
    expect(results).toEqual(['ok:a', 'ok:b', 'ok:c', 'ok:d']);
    expect(w.batches).toEqual([['a', 'b', 'c', 'd']]);
  });

  it('groups writes that arrive while one is committing into the next transaction', async () => {
    const w = recordingWriter();
    const g = new GroupCommit(w.write);
    const first = g.write('a');
    await new Promise((r) => setImmediate(r)); // 'a' is now committing
    const later = ['b', 'c'].map((i) => g.write(i));
    await Promise.all([first, ...later]);
    expect(w.batches).toEqual([['a'], ['b', 'c']]);
  });

  it('keeps batches within the limit', async () => {
    const w = recordingWriter();
    const g = new GroupCommit(w.write, 2);
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((i) => g.write(i)));
    expect(w.batches.every((b) => b.length <= 2)).toBe(true);
    expect(w.batches.flat()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('refuses only the bad item when a shared transaction fails; its neighbours are stored', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }), async (badness) => {
        const w = recordingWriter();
        const g = new GroupCommit(w.write, 5);
        const items = badness.map((bad, i) => (bad ? `bad${i}` : `good${i}`));
        const settled = await Promise.allSettled(items.map((i) => g.write(i)));
        settled.forEach((s, i) => expect(s.status).toBe(badness[i] ? 'rejected' : 'fulfilled'));
        // Every good item is acknowledged exactly once, by a transaction that succeeded.
        const committed = w.batches.filter((b) => !b.some((i) => i.startsWith('bad'))).flat();
        expect(committed.sort()).toEqual(items.filter((i) => i.startsWith('good')).sort());
      }),
      { numRuns: 50 },
    );
  });
});
