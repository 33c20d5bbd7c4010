import type { HouseholdRecord } from '../../../../shared/households/householdSchema';

/**
 * List keys of a household, kept in its multi-entry `searchTokens` index next to the name
 * tokens, so that every list filter is one index range, already sorted by last update:
 *
 *   ~<l|a><kind>|[status|][community|]<updatedAt>
 *
 * (`l` live, `a` archived; kind 0 = all, 1 = by status, 2 = by community, 3 = by both). A page
 * is then `between(prefix, prefix + '\uffff').reverse().offset().limit()`: no table scan at
 * 100,000 households, and no filter callback. (Totals come from the counts row, ../counting.)
 *
 * They start with "~", which no search token can (search tokens are letters and digits), so a
 * name search never meets them. A dedicated `*listKeys` index (schema v4) would hold them
 * better; until then they live here, recomputed on every write of the household.
 */
export const FACET_MARK = '~';

export const isFacetKey = (token: string) => token.startsWith(FACET_MARK);

export interface FacetFilter {
  status?: string;
  community?: string;
  archived?: boolean;
}

/** The key prefix of the range holding exactly the households a filter selects. */
export function facetPrefix({ status, community, archived }: FacetFilter): string {
  const state = archived ? 'a' : 'l';
  if (status && community) return `${FACET_MARK}${state}3|${status}|${community}|`;
  if (status) return `${FACET_MARK}${state}1|${status}|`;
  if (community) return `${FACET_MARK}${state}2|${community}|`;
  return `${FACET_MARK}${state}0|`;
}

type Faceted = Pick<HouseholdRecord, 'status' | 'community' | 'updatedAt' | 'deletedAt'>;

export function facetKeys(h: Faceted): string[] {
  const archived = h.deletedAt !== null;
  return [
    facetPrefix({ archived }),
    facetPrefix({ archived, status: h.status }),
    facetPrefix({ archived, community: h.community }),
    facetPrefix({ archived, status: h.status, community: h.community }),
  ].map((prefix) => prefix + h.updatedAt);
}

/** Upper end of a prefix range in IndexedDB key order. */
export const rangeEnd = (prefix: string) => `${prefix}\uffff`;
