import { useStore } from '../../app/AppServices';
import { useLiveResult } from '../../hooks/useLiveResult';

/** Live reads of visits for the visit pages and sections; components never touch tables. */
export function useShelterVisits(shelterId: string, archived = false) {
  const store = useStore();
  return useLiveResult(
    () => store.shelterVisits.forShelter(shelterId, { archived }),
    [store, shelterId, archived],
  );
}

export function useShelterVisit(id: string | undefined) {
  const store = useStore();
  return useLiveResult(async () => (id ? ((await store.shelterVisits.get(id)) ?? null) : null), [store, id]);
}

export function useHouseholdVisits(householdId: string, archived = false) {
  const store = useStore();
  return useLiveResult(
    () => store.householdVisits.forHousehold(householdId, { archived }),
    [store, householdId, archived],
  );
}

export function useHouseholdVisit(id: string | undefined) {
  const store = useStore();
  return useLiveResult(
    async () => (id ? ((await store.householdVisits.get(id)) ?? null) : null),
    [store, id],
  );
}

/** The shelter a visit belongs to (archived shelters included: their visits stay readable). */
export function useVisitShelter(shelterId: string | undefined) {
  const store = useStore();
  return useLiveResult(
    async () => (shelterId ? ((await store.shelters.get(shelterId)) ?? null) : null),
    [store, shelterId],
  );
}

/** The household a visit belongs to. */
export function useVisitHousehold(householdId: string | undefined) {
  const store = useStore();
  return useLiveResult(
    async () => (householdId ? ((await store.households.get(householdId)) ?? null) : null),
    [store, householdId],
  );
}
