import { useStore } from '../../app/AppServices';
import type { HouseholdFilter } from '../../db/repositories/householdRepository';
import { useLiveResult } from '../../hooks/useLiveResult';

/**
 * One page of the household list and the number of households matching the filter. While the
 * query for a changed filter runs, the previous page is still returned, flagged `isStale`.
 */
export function useHouseholdPage(filter: HouseholdFilter) {
  const store = useStore();
  const key = JSON.stringify(filter);
  const result = useLiveResult(
    async () => ({ key, page: await store.households.list(filter) }),
    [store, key],
  );
  return {
    ...result,
    data: result.data?.page,
    isStale: result.data !== undefined && result.data.key !== key,
  };
}

export function useHousehold(id: string | undefined) {
  const store = useStore();
  return useLiveResult(async () => (id ? ((await store.households.get(id)) ?? null) : null), [store, id]);
}

export function useMembers(householdId: string) {
  const store = useStore();
  return useLiveResult(() => store.households.members(householdId), [store, householdId]);
}

export function useRemovedMembers(householdId: string) {
  const store = useStore();
  return useLiveResult(() => store.households.removedMembers(householdId), [store, householdId]);
}

/** Live collective shelters from the shelter registry, for choosing where a household lives. */
export function useShelterOptions() {
  const store = useStore();
  return useLiveResult(() => store.shelters.list(), [store]);
}

export function useShelterName(shelterId: string) {
  const store = useStore();
  return useLiveResult(
    async () => (shelterId ? ((await store.shelters.get(shelterId))?.name ?? '') : ''),
    [store, shelterId],
  );
}
