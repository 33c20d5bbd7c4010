import { householdStatuses, type HouseholdStatus } from '../../../../shared/households/householdSchema';
import type { HouseholdFilter } from '../../db/repositories/householdRepository';

export const HOUSEHOLD_PAGE_SIZE = 50;

export interface HouseholdListFilter extends Omit<HouseholdFilter, 'offset' | 'limit'> {
  /** 1-based page of the list. */
  page: number;
}

/** The list's filters live in the URL, so a dashboard figure can link to a filtered list. */
export function filterFromParams(params: URLSearchParams): HouseholdListFilter {
  const status = params.get('status') ?? '';
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    search: params.get('q') ?? '',
    status: (householdStatuses as readonly string[]).includes(status)
      ? (status as HouseholdStatus)
      : undefined,
    community: params.get('community') ?? '',
    shelterId: params.get('shelterId') ?? '',
    archived: params.get('archived') === '1',
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

export function paramsFromFilter(filter: Partial<HouseholdListFilter>): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.search) params.set('q', filter.search);
  if (filter.status) params.set('status', filter.status);
  if (filter.community) params.set('community', filter.community);
  if (filter.shelterId) params.set('shelterId', filter.shelterId);
  if (filter.archived) params.set('archived', '1');
  if (filter.page && filter.page > 1) params.set('page', String(filter.page));
  return params;
}

export function repositoryFilter(filter: HouseholdListFilter): HouseholdFilter {
  const { page, ...rest } = filter;
  return { ...rest, offset: (page - 1) * HOUSEHOLD_PAGE_SIZE, limit: HOUSEHOLD_PAGE_SIZE };
}
