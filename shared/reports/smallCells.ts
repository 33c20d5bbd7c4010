import type { ChartBar } from './documentModel';

/**
 * Small-cell suppression for aggregated reports: a count from 1 to 4 is shown as "<5" so that
 * nobody can be recognised from it (0 is shown: it identifies nobody).
 *
 * Totals make suppression leaky: with a total and every other cell of its line visible, the
 * hidden cell is the difference. So a line (a row or column together with its total) may never
 * hold exactly one hidden entry: the smallest other non-zero entry of such a line is hidden as
 * well ("complementary suppression"), shown as "≥5", until no line gives a hidden count away.
 */
export const SMALL_CELL_THRESHOLD = 5;
export const SUPPRESSED_SMALL = '<5';
export const SUPPRESSED_COMPLEMENTARY = '≥5';

export const isSmallCount = (n: number) => n > 0 && n < SMALL_CELL_THRESHOLD;

/** One count on its own (no total beside it to derive it from). */
export function suppressCount(n: number, format: (n: number) => string = String): string {
  return isSmallCount(n) ? SUPPRESSED_SMALL : format(n);
}

export interface ProtectedTable {
  cells: string[][];
  /** Per row; empty when the table has no row totals. */
  rowTotals: string[];
  /** Per column; empty when the table has no column totals. */
  columnTotals: string[];
  /** When both totals are shown, the grand total; with only one kind, the total of that line. */
  grandTotal: string;
  /** Which cells are hidden, same shape as `cells`. */
  hidden: boolean[][];
}

interface Entry {
  value: number;
  hidden: boolean;
  isTotal: boolean;
}

/**
 * Protects a table of counts (rows × columns) with optional row and column totals.
 * `format` turns a visible count into text (number formatting in the report language).
 */
export function protectTable(
  matrix: readonly (readonly number[])[],
  totals: { rows: boolean; columns: boolean },
  format: (n: number) => string = String,
): ProtectedTable {
  const columnCount = matrix[0]?.length ?? 0;
  const entry = (value: number, isTotal: boolean): Entry => ({ value, hidden: isSmallCount(value), isTotal });
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

  const grid: Entry[][] = matrix.map((row) => row.map((v) => entry(v, false)));
  const rowTotals = totals.rows ? matrix.map((row) => entry(sum([...row]), true)) : [];
  const columnTotals = totals.columns
    ? Array.from({ length: columnCount }, (_, c) => entry(sum(matrix.map((row) => row[c] ?? 0)), true))
    : [];
  const grand = entry(sum(matrix.map((row) => sum([...row]))), true);
  const hasGrand = totals.rows || totals.columns;

  // Each additive line: its entries, the total last.
  const lines: Entry[][] = [];
  if (totals.rows) {
    grid.forEach((row, r) => lines.push([...row, rowTotals[r]!]));
    if (totals.columns) lines.push([...columnTotals, grand]);
  }
  if (totals.columns) {
    for (let c = 0; c < columnCount; c++) lines.push([...grid.map((row) => row[c]!), columnTotals[c]!]);
    if (totals.rows) lines.push([...rowTotals, grand]);
  }
  if (totals.rows !== totals.columns) {
    // With totals one way only, the totals line up against the grand total too.
    lines.push(totals.rows ? [...rowTotals, grand] : [...columnTotals, grand]);
  }

  const linesOf = new Map<Entry, Entry[][]>();
  for (const line of lines) for (const e of line) linesOf.set(e, [...(linesOf.get(e) ?? []), line]);
  const hiddenIn = (line: Entry[]) => line.filter((e) => e.hidden).length;
  // Hiding an entry resolves the lines through it that give one count away, and may create
  // such a line elsewhere: prefer the entry that creates the fewest, then a cell over a total,
  // then the smallest count (the least information lost).
  const cost = (e: Entry) =>
    (linesOf.get(e) ?? []).reduce((sum, line) => sum + (hiddenIn(line) === 0 ? 1 : hiddenIn(line) === 1 ? -1 : 0), 0);

  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (hiddenIn(line) !== 1) continue;
      const pick = line
        .filter((e) => !e.hidden && e.value > 0)
        .map((e) => ({ e, cost: cost(e) }))
        .sort((a, b) => a.cost - b.cost || Number(a.e.isTotal) - Number(b.e.isTotal) || a.e.value - b.e.value)[0];
      if (pick) {
        pick.e.hidden = true;
        changed = true;
      }
    }
  }

  const show = (e: Entry) =>
    !e.hidden ? format(e.value) : e.value < SMALL_CELL_THRESHOLD ? SUPPRESSED_SMALL : SUPPRESSED_COMPLEMENTARY;
  return {
    cells: grid.map((row) => row.map(show)),
    rowTotals: rowTotals.map(show),
    columnTotals: columnTotals.map(show),
    grandTotal: hasGrand ? show(grand) : '',
    hidden: grid.map((row) => row.map((e) => e.hidden)),
  };
}

/** A list of labelled counts with its total, protected as one column. */
export function protectList(values: readonly number[], format: (n: number) => string = String) {
  const table = protectTable(
    values.map((v) => [v]),
    { rows: false, columns: true },
    format,
  );
  return {
    cells: table.cells.map((row) => row[0]!),
    hidden: table.hidden.map((row) => row[0]!),
    total: table.columnTotals[0] ?? format(0),
  };
}

/**
 * Bars for a chart of the same counts as a protected list: a hidden count is drawn at a fixed
 * length (half the threshold for "<5", the threshold for "≥5"), so its bar reveals nothing.
 */
export function protectedBars(
  items: readonly { label: string; value: number }[],
  format: (n: number) => string = String,
): ChartBar[] {
  const list = protectList(
    items.map((i) => i.value),
    format,
  );
  return items.map((item, i) => {
    const suppressed = list.hidden[i]!;
    const display = list.cells[i]!;
    const value = !suppressed
      ? item.value
      : display === SUPPRESSED_SMALL
        ? SMALL_CELL_THRESHOLD / 2
        : SMALL_CELL_THRESHOLD;
    return { label: item.label, value, display, suppressed };
  });
}
