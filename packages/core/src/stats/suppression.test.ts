import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressList, suppressTable, withMargins, type ProtectedTable } from './suppression';

/**
 * Tries to show that a withheld cell cannot be recovered: finds a cycle of withheld cells through
 * it, moves the counts along it by one up and down in turn, and returns the other table, which has
 * every published figure the same, every row and column still adding up, no count below zero and
 * this cell different. Undefined when there is no such table along any cycle found.
 */
function anotherTableHiding(table: ProtectedTable, r: number, c: number): number[][] | undefined {
  const height = table.counts.length;
  const width = table.counts[0]!.length;
  // Breadth-first from column c back to row r through withheld cells other than (r, c).
  type Node = ['row' | 'column', number];
  const key = ([side, at]: Node) => `${side}${at}`;
  const previous = new Map<string, { node: Node; cell: [number, number] } | null>([[key(['column', c]), null]]);
  const queue: Node[] = [['column', c]];
  while (queue.length > 0 && !previous.has(key(['row', r]))) {
    const node = queue.shift()!;
    const [side, at] = node;
    const steps: [Node, [number, number]][] =
      side === 'column'
        ? Array.from({ length: height }, (_, rr): [Node, [number, number]] => [
            ['row', rr],
            [rr, at],
          ])
        : Array.from({ length: width }, (_, cc): [Node, [number, number]] => [
            ['column', cc],
            [at, cc],
          ]);
    for (const [next, [rr, cc]] of steps) {
      if (table.withheld[rr]![cc] === null || (rr === r && cc === c) || previous.has(key(next))) continue;
      previous.set(key(next), { node, cell: [rr, cc] });
      queue.push(next);
    }
  }
  if (!previous.has(key(['row', r]))) return undefined;
  const cycle: [number, number][] = [[r, c]];
  for (let at = previous.get(key(['row', r])); at; at = previous.get(key(at.node))) cycle.push(at.cell);
  // Along the cycle, consecutive cells share a row or a column; a total is the sum of the others,
  // so beside a total the change keeps its sign, beside a cell it flips.
  const lastRow = height - 1;
  const lastColumn = width - 1;
  for (const step of [1, -1]) {
    const other = table.counts.map((row) => [...row]);
    let change = step;
    for (let i = 0; i < cycle.length; i++) {
      const [rr, cc] = cycle[i]!;
      other[rr]![cc]! += change;
      const [nr, nc] = cycle[(i + 1) % cycle.length]!;
      const shared = nr === rr ? (cc === lastColumn || nc === lastColumn ? 'total' : 'cell') : rr === lastRow || nr === lastRow ? 'total' : 'cell';
      change = shared === 'total' ? change : -change;
    }
    if (other.some((row) => row.some((n) => n < 0))) continue;
    const margins = withMargins(other.slice(0, lastRow).map((row) => row.slice(0, lastColumn)));
    if (margins.every((row, rr) => row.every((n, cc) => n === other[rr]![cc]))) return other;
  }
  return undefined;
}

const tables = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })).chain(([rows, columns]) =>
  fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 60 })), { minLength: columns, maxLength: columns }), {
    minLength: rows,
    maxLength: rows,
  }),
);

describe('small-number suppression', () => {
  it('adds the totals as a last column and row', () => {
    expect(
      withMargins([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([
      [1, 2, 3],
      [3, 4, 7],
      [4, 6, 10],
    ]);
  });

  it('withholds nothing when no count is small', () => {
    const table = suppressTable([
      [10, 20],
      [0, 30],
    ]);
    expect(table.withheld.flat().every((w) => w === null)).toBe(true);
  });

  it('withholds a lone small count and the three cells that hide it at least cost, so the totals cannot give it away', () => {
    const table = suppressTable([
      [3, 20, 11],
      [12, 30, 40],
      [9, 25, 50],
    ]);
    expect(table.withheld[0]![0]).toBe('small');
    // A cell of its row, one of its column and the cell where they meet, withholding the least:
    // 20, 9 and 25 (54) rather than 11, 9 and 50 (70) or 20, 12 and 30 (62).
    expect(table.withheld[0]![1]).toBe('secondary');
    expect(table.withheld[2]![0]).toBe('secondary');
    expect(table.withheld[2]![1]).toBe('secondary');
    expect(table.withheld.flat().filter((w) => w !== null)).toHaveLength(4);
    // Totals are untouched.
    expect(table.withheld[3]!.every((w) => w === null)).toBe(true);
  });

  it('withholds a small total too', () => {
    const table = suppressTable([
      [2, 1],
      [40, 50],
    ]);
    expect(table.withheld[0]![2]).toBe('small');
  });

  it('in a list, withholds a small count and the next smallest, never the total when a count will do', () => {
    const list = suppressList([40, 3, 12, 7]);
    expect(list.counts).toEqual([40, 3, 12, 7, 62]);
    expect(list.withheld).toEqual([null, 'small', null, 'secondary', null]);
  });

  it('every small count, totals included, is withheld', () => {
    fc.assert(
      fc.property(tables, (cells) => {
        const table = suppressTable(cells);
        table.counts.forEach((row, r) => row.forEach((n, c) => n >= 1 && n <= 4 && expect(table.withheld[r]![c]).toBe('small')));
      }),
    );
  });

  it('no withheld count can be worked out from the published figures: another table fits them all', () => {
    fc.assert(
      fc.property(tables, (cells) => {
        const table = suppressTable(cells);
        table.withheld.forEach((row, r) =>
          row.forEach((w, c) => {
            if (w !== null) expect(anotherTableHiding(table, r, c), `cell ${r},${c} of ${JSON.stringify(table.counts)}`).toBeDefined();
          }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a ragged table or a count that is not a whole number from 0', () => {
    expect(() => suppressTable([[1, 2], [3]])).toThrow(/same number of cells/);
    expect(() => suppressTable([[1, -2]])).toThrow(/whole number/);
    expect(() => suppressTable([[1.5]])).toThrow(/whole number/);
  });
});
