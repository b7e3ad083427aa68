/**
 * CSV cells a spreadsheet would run as a formula (OWASP "CSV injection"): a leading =, +, -, @,
 * tab or carriage return, also after spaces. Such a cell is written with a leading apostrophe,
 * which spreadsheets read as "this is text" and do not show; a file coming back (a quarantine put
 * right and imported again) has the apostrophe taken off. A cell that already starts with an
 * apostrophe before such a character gets one more, so every cell comes back exactly as it went.
 */
const FORMULA_START = /^(?:[=+\-@\t\r]|[ \n]+[=+\-@])/;

function risky(cell: string): boolean {
  return FORMULA_START.test(cell) || (cell.startsWith("'") && risky(cell.slice(1)));
}

/** A cell as it may safely be written to a CSV file that someone may open in a spreadsheet. */
export function spreadsheetSafe(cell: string): string {
  return risky(cell) ? `'${cell}` : cell;
}

/** A cell read back from such a file: the guarding apostrophe taken off. */
export function fromSpreadsheetSafe(cell: string): string {
  return cell.startsWith("'") && risky(cell.slice(1)) ? cell.slice(1) : cell;
}
