import { showInvisible, spreadsheetSafe } from '@harbour/core';
import { stringify, type Options } from 'csv-stringify/sync';

/**
 * A CSV for people to open in a spreadsheet: no cell runs as a formula there (spreadsheet-safe),
 * and no invisible control reorders or hides what a cell says (shown as its code instead).
 */
export function spreadsheetCsv(rows: readonly (readonly unknown[])[] | readonly Record<string, unknown>[], options: Options = {}): string {
  return stringify(rows as unknown[], { ...options, cast: { ...options.cast, string: (value) => spreadsheetSafe(showInvisible(value)) } });
}
