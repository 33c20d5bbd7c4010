import {
  referralServices,
  referralStatuses,
  type ReferralService,
} from '../../../../shared/referrals/referralSchema';
import type { ReferralFilter, ReferralStatusFilter } from '../../db/repositories/referralRepository';

export const PAGE_SIZE = 50;
export const statusFilters: readonly ReferralStatusFilter[] = ['active', ...referralStatuses];

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

/** The list's filters live in the URL, so a dashboard figure can link to a filtered list. */
export function filterFromParams(params: URLSearchParams): ReferralFilter {
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  return {
    status: oneOf(statusFilters, params.get('status')),
    overdue: params.get('overdue') === '1',
    service: oneOf<ReferralService>(referralServices, params.get('service')),
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}

export function paramsFromFilter(filter: ReferralFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  if (filter.overdue) params.set('overdue', '1');
  if (filter.service) params.set('service', filter.service);
  const page = Math.floor((filter.offset ?? 0) / PAGE_SIZE) + 1;
  if (page > 1) params.set('page', String(page));
  return params;
}
