/**
 * Small-number suppression for figures published outside the team: a count of 1 to 4 is shown as
 * "<5", and further cells are withheld ("secondary suppression") so that no withheld count can be
 * worked out from the totals printed beside it.
 *
 * A table is taken with its margins: each row's total, each column's total and the grand total,
 * all of which are published too and may themselves be small. Picture the rows and columns of
 * that extended table as the two sides of a graph, each withheld cell an edge between its row and
 * its column. A withheld cell can be recovered from the published figures exactly when its edge
 * is a bridge (on no cycle): along a cycle, counts can be moved up and down in turn without
 * changing a single total. So every withheld cell is made to lie on a cycle of withheld cells,
 * each at least 1, which leaves room to move either way.
 */

/** Why a cell is not shown: a small number itself, or withheld to protect one. */
export type Withheld = 'small' | 'secondary';

export interface ProtectedTable {
  /** The cells with their margins: `rows + 1` rows of `columns + 1`; the last row and column are totals. */
  readonly counts: readonly (readonly number[])[];
  /** For each cell of `counts`, why it is withheld, or null when it is shown. */
  readonly withheld: readonly (readonly (Withheld | null)[])[];
}

export interface SuppressionOptions {
  /** Counts from 1 to `below - 1` are small. Default 5. */
  readonly below?: number;
}

/** The table with its row totals, column totals and grand total added as a last column and row. */
export function withMargins(cells: readonly (readonly number[])[]): number[][] {
  const width = cells[0]?.length ?? 0;
  for (const row of cells) {
    if (row.length !== width) throw new RangeError('Every row of a table needs the same number of cells');
    for (const n of row) if (!Number.isInteger(n) || n < 0) throw new RangeError(`A count must be a whole number from 0: ${n}`);
  }
  const rows = cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals = Array.from({ length: width + 1 }, (_, c) => rows.reduce((sum, row) => sum + row[c]!, 0));
  return [...rows, totals];
}

/** Whether a published count would be a small number. */
export function isSmall(count: number, below = 5): boolean {
  return count >= 1 && count < below;
}

/**
 * Protects a table of counts (rows of columns, without totals). Small counts anywhere, totals
 * included, are withheld; then, while any withheld cell could be worked out, the cheapest cells
 * that hide it are withheld too (interior cells before totals, smaller counts before larger).
 */
export function suppressTable(cells: readonly (readonly number[])[], options: SuppressionOptions = {}): ProtectedTable {
  const below = options.below ?? 5;
  const counts = withMargins(cells);
  const height = counts.length;
  const width = counts[0]!.length;
  const withheld: (Withheld | null)[][] = counts.map((row) => row.map((n) => (isSmall(n, below) ? 'small' : null)));
  if (cells.length === 0 || width === 1) return { counts, withheld };

  const lastRow = height - 1;
  const lastColumn = width - 1;
  // Totals cost more to withhold than cells, the grand total most: readers need them.
  const cost = (r: number, c: number) => counts[r]![c]! * (r === lastRow && c === lastColumn ? 1_000_000 : r === lastRow || c === lastColumn ? 1_000 : 1);
  const open = (r: number, c: number) => withheld[r]![c] === null && counts[r]![c]! > 0;

  for (;;) {
    const bridge = findBridge(withheld);
    if (!bridge) return { counts, withheld };
    const [r, c] = bridge;
    // Without this cell, the graph falls in two: the side of its row and the side of its column.
    const rowSide = reachableWithout(withheld, ['row', r], r, c);
    const columnSide = reachableWithout(withheld, ['column', c], r, c);
    let best: { cells: [number, number][]; cost: number } | undefined;
    const consider = (candidate: [number, number][]) => {
      if (!candidate.every(([rr, cc]) => withheld[rr]![cc] !== null || open(rr, cc))) return;
      const added = candidate.filter(([rr, cc]) => withheld[rr]![cc] === null);
      const total = added.reduce((sum, [rr, cc]) => sum + cost(rr, cc), 0);
      if (!best || total < best.cost) best = { cells: added, cost: total };
    };
    // One more cell in the same row, whose column reaches back to this column: a cycle.
    // One more cell in the same row, in a column on the other side: a cycle.
    for (let cc = 0; cc < width; cc++) if (cc !== c && columnSide.columns.has(cc)) consider([[r, cc]]);
    // One more in the same column, in a row on this row's side.
    for (let rr = 0; rr < height; rr++) if (rr !== r && rowSide.rows.has(rr)) consider([[rr, c]]);
    // Otherwise a rectangle of three more; one always exists, through the totals if need be.
    for (let rr = 0; rr < height; rr++)
      for (let cc = 0; cc < width; cc++)
        if (rr !== r && cc !== c)
          consider([
            [r, cc],
            [rr, c],
            [rr, cc],
          ]);
    if (!best || best.cells.length === 0) throw new Error('No cells can hide a withheld count');
    for (const [rr, cc] of best.cells) withheld[rr]![cc] = 'secondary';
  }
}

/** Protects a single list of counts published with its total (a one-row table). */
export function suppressList(counts: readonly number[], options: SuppressionOptions = {}): { counts: number[]; withheld: (Withheld | null)[] } {
  const table = suppressTable([counts], options);
  return { counts: [...table.counts[0]!], withheld: [...table.withheld[0]!] };
}

/** The first withheld cell (row, column) that lies on no cycle of withheld cells, if any. */
export function findBridge(withheld: readonly (readonly (Withheld | null)[])[]): [number, number] | undefined {
  for (let r = 0; r < withheld.length; r++)
    for (let c = 0; c < withheld[r]!.length; c++) if (withheld[r]![c] !== null && !reachableWithout(withheld, ['row', r], r, c).columns.has(c)) return [r, c];
  return undefined;
}

/** The rows and columns reachable from `start` through withheld cells other than (r, c). */
function reachableWithout(
  withheld: readonly (readonly (Withheld | null)[])[],
  start: ['row' | 'column', number],
  r: number,
  c: number,
): { rows: Set<number>; columns: Set<number> } {
  const height = withheld.length;
  const width = withheld[0]?.length ?? 0;
  const rows = new Set<number>();
  const columns = new Set<number>();
  (start[0] === 'row' ? rows : columns).add(start[1]);
  const queue = [start];
  while (queue.length > 0) {
    const [side, at] = queue.pop()!;
    if (side === 'row') {
      for (let cc = 0; cc < width; cc++)
        if (withheld[at]![cc] !== null && !(at === r && cc === c) && !columns.has(cc)) {
          columns.add(cc);
          queue.push(['column', cc]);
        }
    } else {
      for (let rr = 0; rr < height; rr++)
        if (withheld[rr]![at] !== null && !(rr === r && at === c) && !rows.has(rr)) {
          rows.add(rr);
          queue.push(['row', rr]);
        }
    }
  }
  return { rows, columns };
}
