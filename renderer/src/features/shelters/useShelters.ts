import { useLiveResult } from '../../hooks/useLiveResult';
import { useStore } from '../../app/AppServices';
import type { ShelterFilter } from '../../db/repositories/shelterRepository';

export function useShelters(filter: ShelterFilter) {
  const store = useStore();
  return useLiveResult(
    () => store.shelters.list(filter),
    [store, filter.search, filter.municipality, filter.status, filter.archived],
  );
}

export function useShelter(id: string | undefined) {
  const store = useStore();
  return useLiveResult(async () => (id ? ((await store.shelters.get(id)) ?? null) : null), [store, id]);
}

export function useRecordHistory(recordId: string | undefined) {
  const store = useStore();
  return useLiveResult(async () => (recordId ? store.audit.forRecord(recordId) : []), [store, recordId]);
}
