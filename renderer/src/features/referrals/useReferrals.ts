import { useStore } from '../../app/AppServices';
import type { ReferralFilter } from '../../db/repositories/referralRepository';
import { useLiveResult } from '../../hooks/useLiveResult';

/** One page of referrals, with the head of household's name for each row. */
export function useReferralList(filter: ReferralFilter) {
  const store = useStore();
  return useLiveResult(async () => {
    const page = await store.referrals.list(filter);
    const heads = await store.referrals.headNames(page.rows.map((r) => r.householdId));
    return { ...page, heads };
  }, [store, filter.status, filter.overdue, filter.service, filter.offset, filter.limit]);
}

export function useReferral(id: string | undefined) {
  const store = useStore();
  return useLiveResult(async () => (id ? ((await store.referrals.get(id)) ?? null) : null), [store, id]);
}

/** A household's referrals, or only those made on one of its visits. */
export function useHouseholdReferrals(householdId: string, visitId?: string) {
  const store = useStore();
  return useLiveResult(
    () =>
      visitId ? store.referrals.forVisit(visitId, householdId) : store.referrals.forHousehold(householdId),
    [store, householdId, visitId],
  );
}

/** The household being referred and its members (for the person field). */
export function useHouseholdWithMembers(householdId: string | null) {
  const store = useStore();
  return useLiveResult(async () => {
    if (!householdId) return null;
    const household = await store.households.get(householdId);
    if (!household || household.deletedAt !== null) return null;
    return { household, members: await store.households.members(householdId) };
  }, [store, householdId]);
}
