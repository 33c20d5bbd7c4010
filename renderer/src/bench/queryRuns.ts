import { householdStatuses } from '../../../shared/households/householdSchema';
import { communities } from '../../../shared/reference/communities';
import { municipalityCodes } from '../../../shared/reference/municipalities';
import { referralStatuses } from '../../../shared/referrals/referralSchema';
import { shelterStatuses } from '../../../shared/shelters/shelterSchema';
import { localToday } from '../../../shared/validation/fields';
import type { DataStore } from '../db/dataStore';
import type { SearchQuery } from './dataset/searchQueries';
import { seededRandom } from './dataset/seededRandom';
import { summarize, timeEach } from './stats';

/**
 * The read side, timed query by query through the repositories the pages use (the time a page
 * waits for its data; rendering is measured by the cold-start scenario).
 */
type Figures = Record<string, number>;

const flatten = (prefix: string, summary: ReturnType<typeof summarize>): Figures => ({
  [`${prefix}MedianMs`]: summary.median,
  [`${prefix}P95Ms`]: summary.p95,
  [`${prefix}MaxMs`]: summary.max,
});

/** The household list filtered by status and community, newest first, first page of 50, with its total. */
export async function householdListRun(store: DataStore, count: number, seed: number): Promise<Figures> {
  const random = seededRandom(seed);
  const filters = Array.from({ length: count }, () => ({
    status: random.pick(householdStatuses),
    community: random.pick(communities).code,
    limit: 50,
  }));
  let rows = 0;
  const times = await timeEach(filters, async (filter) => {
    rows += (await store.households.list(filter)).rows.length;
  });
  return { ...flatten('query', summarize(times)), meanRows: Math.round(rows / count) };
}

/** Referrals by status, ordered by due date, first page of 50, with the total. */
export async function referralListRun(store: DataStore, count: number, seed: number): Promise<Figures> {
  const random = seededRandom(seed);
  const filters = Array.from({ length: count }, () => ({
    status: random.pick([...referralStatuses, 'active' as const]),
    limit: 50,
  }));
  let rows = 0;
  const times = await timeEach(filters, async (filter) => {
    rows += (await store.referrals.list(filter)).rows.length;
  });
  return { ...flatten('query', summarize(times)), meanRows: Math.round(rows / count) };
}

/** The shelter registry by municipality and status (the one list with a municipality filter). */
export async function shelterListRun(store: DataStore, count: number, seed: number): Promise<Figures> {
  const random = seededRandom(seed);
  const filters = Array.from({ length: count }, () => ({
    municipality: random.pick(municipalityCodes.slice(0, 14)),
    status: random.pick(shelterStatuses),
  }));
  let rows = 0;
  const times = await timeEach(filters, async (filter) => {
    rows += (await store.shelters.list(filter)).length;
  });
  return { ...flatten('query', summarize(times)), meanRows: Math.round(rows / count) };
}

/**
 * Name searches made from the data set's own people, in the other script or without
 * diacritics half of the time; each must find at least one household.
 */
export async function nameSearchRun(store: DataStore, queries: readonly SearchQuery[]): Promise<Figures> {
  const count = queries.length;
  let matches = 0;
  let empty = 0;
  const times = await timeEach(queries, async ({ query }) => {
    const page = await store.households.list({ search: query, limit: 50 });
    matches += page.total;
    if (page.total === 0) empty++;
  });
  return {
    ...flatten('query', summarize(times)),
    meanMatches: Math.round(matches / count),
    emptyResults: empty,
  };
}

/** Every dashboard figure, as the dashboard asks for them. */
export async function dashboardRun(store: DataStore, count: number): Promise<Figures> {
  const today = localToday();
  let households = 0;
  const times = await timeEach(Array.from({ length: count }), async () => {
    const counts = await store.dashboard.counts(today);
    households = counts.households.byStatus.displaced + counts.households.byStatus.returned;
  });
  return {
    ...flatten('counts', summarize(times)),
    firstMs: Math.round(times[0]! * 100) / 100,
    liveHouseholds: households,
  };
}
