import { shelterStatuses, type ShelterStatus } from '../../../../shared/shelters/shelterSchema';
import type { ShelterFilter } from '../../db/repositories/shelterRepository';

/** The list's filters live in the URL, so a dashboard figure can link to a filtered list. */
export function filterFromParams(params: URLSearchParams): ShelterFilter {
  const status = params.get('status');
  return {
    search: params.get('q') ?? '',
    municipality: params.get('municipality') ?? '',
    status: (shelterStatuses as readonly string[]).includes(status ?? '') ? (status as ShelterStatus) : undefined,
    archived: params.get('archived') === '1',
  };
}

export function paramsFromFilter(filter: ShelterFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.search) params.set('q', filter.search);
  if (filter.municipality) params.set('municipality', filter.municipality);
  if (filter.status) params.set('status', filter.status);
  if (filter.archived) params.set('archived', '1');
  return params;
}
