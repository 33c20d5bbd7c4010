/**
 * Counts of records per category, kept as one row of the `meta` table per counted table, so
 * that list totals and the dashboard are one read at any size. IndexedDB counts by walking an
 * index entry by entry (Chromium checks each entry against its record), so at HQ's 50,000
 * households a dashboard of index counts took about 1.5 s and a referral list total 0.35 s on
 * the benchmark machine; these rows are kept exact by countsMiddleware.ts, in the transaction
 * of every write.
 *
 * A category key starts with `l` (live) or `a` (archived, `deletedAt` set), then the fields
 * that categorise, joined by `|`.
 */
export type Counts = Record<string, number>;

interface Archivable {
  deletedAt?: string | null;
}

/** One counted table: the meta row its counts live in, and a record's category. */
export interface CountedTable {
  table: string;
  metaKey: string;
  categoryOf(record: Archivable & Record<string, unknown>): string;
}

const SEPARATOR = '|';
const category = (record: Archivable, ...parts: unknown[]) =>
  [record.deletedAt ? 'a' : 'l', ...parts.map(String)].join(SEPARATOR);

export const HOUSEHOLD_COUNTS: CountedTable = {
  table: 'households',
  metaKey: 'householdCounts',
  categoryOf: (h) => category(h, h.status, h.community),
};

export const REFERRAL_COUNTS: CountedTable = {
  table: 'referrals',
  metaKey: 'referralCounts',
  categoryOf: (r) => category(r, r.status),
};

export const COUNTED_TABLES: readonly CountedTable[] = [HOUSEHOLD_COUNTS, REFERRAL_COUNTS];

/**
 * The records a filter selects: the sum over the categories it matches. `fields` are the
 * filter's values in the order of the category's parts; undefined matches any value.
 */
export function countMatching(
  counts: Counts,
  filter: { archived?: boolean; fields: readonly (string | undefined)[] },
): number {
  const state = filter.archived ? 'a' : 'l';
  let total = 0;
  for (const [key, count] of Object.entries(counts)) {
    const [keyState, ...parts] = key.split(SEPARATOR);
    if (keyState !== state) continue;
    if (filter.fields.some((value, i) => value !== undefined && parts[i] !== value)) continue;
    total += count;
  }
  return total;
}

/** Adds `sign` (1 or -1) to the category of each record, dropping categories that reach zero. */
export function addToCounts(counts: Counts, categories: readonly string[], sign: 1 | -1): void {
  for (const key of categories) {
    const next = (counts[key] ?? 0) + sign;
    if (next === 0) delete counts[key];
    else counts[key] = next;
  }
}

export function countsOf(spec: CountedTable, records: readonly Record<string, unknown>[]): Counts {
  const counts: Counts = {};
  addToCounts(
    counts,
    records.map((r) => spec.categoryOf(r)),
    1,
  );
  return counts;
}

export function isCounts(value: unknown): value is Counts {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value).every((n) => Number.isSafeInteger(n) && (n as number) > 0)
  );
}
