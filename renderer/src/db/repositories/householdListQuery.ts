import type { HouseholdRecord, HouseholdStatus } from '../../../../shared/households/householdSchema';
import type { AppDatabase } from '../AppDatabase';
import { countMatching, HOUSEHOLD_COUNTS, type Counts } from '../counting/counts';
import { storedCounts } from '../counting/storedCounts';
import { facetPrefix, rangeEnd, type FacetFilter } from './householdFacets';

export interface HouseholdFilter {
  /** Any member's name, diacritics- and script-insensitive. */
  search?: string;
  status?: HouseholdStatus;
  community?: string;
  shelterId?: string;
  /** Archived (soft-deleted) households instead of live ones. */
  archived?: boolean;
  offset?: number;
  limit?: number;
}

export interface HouseholdPage {
  rows: HouseholdRecord[];
  total: number;
  /** A very broad name search stops counting at the search limit: `total` is then "at least". */
  totalIsLowerBound: boolean;
  /** The search has no word of two letters or more: the blind index cannot look it up. */
  searchTooShort?: boolean;
}

const DEFAULT_PAGE_SIZE = 50;
/** Name matches up to this many are loaded, filtered and sorted; beyond, the search is too broad. */
export const SEARCH_LIMIT = 2000;

const newestFirst = (a: HouseholdRecord, b: HouseholdRecord) => b.updatedAt.localeCompare(a.updatedAt);

function matchesFilter(h: HouseholdRecord, filter: HouseholdFilter): boolean {
  return (
    (filter.archived ? h.deletedAt !== null : h.deletedAt === null) &&
    (!filter.status || h.status === filter.status) &&
    (!filter.community || h.community === filter.community) &&
    (!filter.shelterId || h.shelterId === filter.shelterId)
  );
}

/**
 * Pages of the household list at 100,000 households without reading more than needed:
 * - a plain list (status, community, archived) is one range of list keys, newest first, paged
 *   with offset/limit on the index;
 * - a name search intersects the primary keys holding each query word's blind-index tag (keys
 *   only; a tag stands for a prefix, so this is a prefix search), then loads just those
 *   households; a shelter's households come from the shelter index;
 * - totals come from the counts row (../counting), one read whatever the size.
 */
export function createHouseholdListQuery(db: AppDatabase, searchLimit = SEARCH_LIMIT) {
  const householdCounts = (): Promise<Counts> => storedCounts(db, HOUSEHOLD_COUNTS);

  const countFacet = async ({ archived, status, community }: FacetFilter) =>
    countMatching(await householdCounts(), { archived, fields: [status, community] });

  /** Households holding every query tag; null when too many. */
  async function nameMatches(tags: string[]): Promise<string[] | null> {
    const [first, ...rest] = tags;
    const keysFor = (tag: string) => db.households.where('searchTokens').equals(tag).primaryKeys();
    let ids = new Set(first === undefined ? [] : await keysFor(first));
    for (const token of rest) {
      if (ids.size === 0) break;
      const keys = await keysFor(token);
      const previous = ids;
      ids = new Set(keys.filter((k) => previous.has(k)));
    }
    return ids.size > searchLimit ? null : [...ids];
  }

  /** Too broad a search: page through the first tag's households and count up to the limit. */
  async function broadSearch(filter: HouseholdFilter, tags: string[], offset: number, limit: number) {
    const collection = () =>
      db.households
        .where('searchTokens')
        .equals(tags[0]!)
        .filter((h) => matchesFilter(h, filter) && tags.every((t) => h.searchTokens.includes(t)));
    const [rows, counted] = await Promise.all([
      collection().offset(offset).limit(limit).toArray(),
      collection()
        .limit(searchLimit + 1)
        .count(),
    ]);
    const capped = counted > searchLimit;
    return { rows, total: capped ? searchLimit : counted, totalIsLowerBound: capped };
  }

  function pageOf(
    all: HouseholdRecord[],
    filter: HouseholdFilter,
    offset: number,
    limit: number,
  ): HouseholdPage {
    const matching = all.filter((h) => matchesFilter(h, filter)).sort(newestFirst);
    return { rows: matching.slice(offset, offset + limit), total: matching.length, totalIsLowerBound: false };
  }

  async function list(filter: HouseholdFilter = {}): Promise<HouseholdPage> {
    const offset = Math.max(0, filter.offset ?? 0);
    const limit = Math.max(1, filter.limit ?? DEFAULT_PAGE_SIZE);
    const tags = filter.search ? db.nameIndex.queryTags(filter.search) : [];
    if (filter.search?.trim() && tags.length === 0) {
      return { rows: [], total: 0, totalIsLowerBound: false, searchTooShort: true };
    }
    return db.transaction('r', db.households, db.meta, async () => {
      if (tags.length > 0) {
        const ids = await nameMatches(tags);
        if (!ids) return broadSearch(filter, tags, offset, limit);
        const found = await db.households.bulkGet(ids);
        return pageOf(
          found.filter((h): h is HouseholdRecord => h !== undefined),
          filter,
          offset,
          limit,
        );
      }
      if (filter.shelterId) {
        return pageOf(
          await db.households.where('shelterId').equals(filter.shelterId).toArray(),
          filter,
          offset,
          limit,
        );
      }
      const prefix = facetPrefix(filter);
      const [rows, total] = await Promise.all([
        db.households
          .where('searchTokens')
          .between(prefix, rangeEnd(prefix))
          .reverse()
          .offset(offset)
          .limit(limit)
          .toArray(),
        countFacet(filter),
      ]);
      return { rows, total, totalIsLowerBound: false };
    });
  }

  /** How many live (or archived) households have a status and/or community. */
  const count = (filter: FacetFilter = {}) =>
    db.transaction('r', db.households, db.meta, () => countFacet(filter));

  /** Every count at once (the dashboard's figures), in one read. */
  const counts = () => db.transaction('r', db.households, db.meta, householdCounts);

  return { list, count, counts };
}
