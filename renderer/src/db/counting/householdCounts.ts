/**
 * How many households there are per status, community and archived state, kept as one row of
 * the `meta` table so that the dashboard and every list total are one read at any size.
 * IndexedDB counts by walking an index entry by entry, so at HQ's 50,000 households a dashboard
 * of index counts walked the table twice over (≈ 1.5 s on the benchmark machine); this row is
 * kept exact by householdCountsMiddleware.ts, in the transaction of every household write.
 *
 * Keys are `<l|a>|<status>|<community>` (`l` live, `a` archived).
 */
export const HOUSEHOLD_COUNTS_KEY = 'householdCounts';

export type HouseholdCounts = Record<string, number>;

export interface CountedHousehold {
  status: string;
  community: string;
  deletedAt: string | null;
}

const SEPARATOR = '|';

export function countKeyOf(h: CountedHousehold): string {
  return [h.deletedAt === null ? 'l' : 'a', h.status, h.community].join(SEPARATOR);
}

export interface CountFilter {
  status?: string;
  community?: string;
  archived?: boolean;
}

/** The households a filter selects: the sum over the keys it matches. */
export function countMatching(counts: HouseholdCounts, filter: CountFilter = {}): number {
  const state = filter.archived ? 'a' : 'l';
  let total = 0;
  for (const [key, count] of Object.entries(counts)) {
    const [keyState, status, community] = key.split(SEPARATOR);
    if (keyState !== state) continue;
    if (filter.status !== undefined && status !== filter.status) continue;
    if (filter.community !== undefined && community !== filter.community) continue;
    total += count;
  }
  return total;
}

/** Adds `sign` (1 or -1) times each household to the counts, dropping keys that reach zero. */
export function addToCounts(
  counts: HouseholdCounts,
  households: readonly CountedHousehold[],
  sign: 1 | -1,
): void {
  for (const h of households) {
    const key = countKeyOf(h);
    const next = (counts[key] ?? 0) + sign;
    if (next === 0) delete counts[key];
    else counts[key] = next;
  }
}

export function countsOf(households: readonly CountedHousehold[]): HouseholdCounts {
  const counts: HouseholdCounts = {};
  addToCounts(counts, households, 1);
  return counts;
}

export function isHouseholdCounts(value: unknown): value is HouseholdCounts {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value).every((n) => Number.isSafeInteger(n) && (n as number) > 0)
  );
}
