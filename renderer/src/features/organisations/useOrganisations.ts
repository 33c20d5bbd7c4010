import { useMemo } from 'react';
import type { ReferralService } from '../../../../shared/referrals/referralSchema';
import { useStore } from '../../app/AppServices';
import { useLiveResult } from '../../hooks/useLiveResult';

/** Every organisation, active ones first (for Settings and for naming them in lists). */
export function useOrganisations() {
  const store = useStore();
  return useLiveResult(() => store.organisations.list(), [store]);
}

/** The active organisations that offer a service, for the referral form. */
export function useOrganisationsOffering(service: ReferralService | '') {
  const store = useStore();
  return useLiveResult(() => store.organisations.offering(service), [store, service]);
}

/** Organisation name by id; an unknown id shows as the id. */
export function useOrganisationName(): (id: string) => string {
  const { data } = useOrganisations();
  return useMemo(() => {
    const names = new Map(data?.map((o) => [o.id, o.name]));
    return (id: string) => names.get(id) ?? id;
  }, [data]);
}
