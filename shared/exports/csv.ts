import type { Cell } from './exportTypes';

/**
 * CSV as RFC 4180 describes it, with what Excel needs on top (docs/exports.md):
 * - comma separator, CRLF after every record, the header first;
 * - a field is quoted when it holds a comma, a double quote, CR or LF; quotes inside are doubled;
 * - UTF-8 with a byte order mark, without which Excel reads the file as the local code page and
 *   mangles ë, ç, č, đ and Cyrillic;
 * - formula injection: a text cell starting with = + - @ tab or CR is what a spreadsheet would
 *   run as a formula (`=HYPERLINK(…)`), so such text gets a leading apostrophe, the usual
 *   neutralisation. Numbers are written as numbers (a negative number stays a number).
 */
export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** The text a cell is written as, before quoting. */
export function csvText(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvField(value: Cell): string {
  const text = csvText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRecord(cells: readonly Cell[]): string {
  return cells.map(csvField).join(',') + CSV_EOL;
}

/** A whole file as text, with the BOM: for small files and tests; exports stream by records. */
export function csvDocument(rows: readonly (readonly Cell[])[]): string {
  return CSV_BOM + rows.map(csvRecord).join('');
}
