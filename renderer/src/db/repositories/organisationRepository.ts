import { partnerSeeds } from '../../../../shared/referrals/partnerSeeds';
import {
  organisationSchema,
  type OrganisationInput,
  type OrganisationRecord,
  type ReferralService,
} from '../../../../shared/referrals/referralSchema';
import type { AppDatabase } from '../AppDatabase';
import { RecordNotFoundError, RecordStore } from '../recordStore';
import type { WriteContext } from '../writeContext';

export type Organisation = OrganisationRecord;

const byActiveThenName = (a: Organisation, b: Organisation) =>
  Number(b.active) - Number(a.active) || a.name.localeCompare(b.name);

/**
 * Referral partners. A short list (tens of organisations), so reads load the table; the seeded
 * partners keep fixed ids, so the same partner is one record on every device.
 */
export function createOrganisationRepository(db: AppDatabase, ctx: WriteContext) {
  const store = new RecordStore<OrganisationInput, Organisation>(db, ctx, {
    entity: 'organisation',
    table: (d) => d.organisations,
    inputSchema: organisationSchema,
  });

  const setActive = async (id: string, active: boolean) => {
    const current = await store.get(id);
    if (!current) throw new RecordNotFoundError('organisation', id);
    return store.update(id, { ...current, active });
  };

  return {
    get: (id: string) => store.get(id),
    create: (input: unknown) => store.create(input),
    update: (id: string, input: unknown) => store.update(id, input),
    deactivate: (id: string) => setActive(id, false),
    reactivate: (id: string) => setActive(id, true),

    /**
     * Creates the seeded partners that are missing, with their fixed ids. Runs at every start:
     * one bulkGet when all exist; a partner edited or deactivated locally is never overwritten.
     */
    async seedPartners(): Promise<number> {
      const ids = partnerSeeds.map((p) => p.id);
      const existing = await db.organisations.bulkGet(ids);
      if (existing.every(Boolean)) return 0;
      return db.transaction('rw', [db.organisations, db.audit, db.meta], async () => {
        const present = await db.organisations.bulkGet(ids);
        const missing = partnerSeeds.filter((_, i) => !present[i]);
        for (const { id, ...input } of missing) await store.create(input, {}, id);
        return missing.length;
      });
    },

    /** Active organisations first, then by name; archived records left out. */
    async list(): Promise<Organisation[]> {
      const all = await db.organisations.toArray();
      return all.filter((o) => o.deletedAt === null).sort(byActiveThenName);
    },

    /** The active organisations that offer a service (all active ones without a service). */
    async offering(service?: ReferralService | ''): Promise<Organisation[]> {
      const all = await db.organisations.toArray();
      return all
        .filter((o) => o.deletedAt === null && o.active && (!service || o.services.includes(service)))
        .sort(byActiveThenName);
    },
  };
}

export type OrganisationRepository = ReturnType<typeof createOrganisationRepository>;
