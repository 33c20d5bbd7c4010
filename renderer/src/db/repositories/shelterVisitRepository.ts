import {
  shelterVisitSchema,
  type ShelterVisitInput,
  type ShelterVisitRecord,
} from '../../../../shared/visits/shelterVisitSchema';
import type { AppDatabase } from '../AppDatabase';
import { RecordStore, RecordValidationError } from '../recordStore';
import type { WriteContext } from '../writeContext';
import { visitQueries } from './visitQueries';

export type ShelterVisit = ShelterVisitRecord;

/** Visits to collective shelters: residents met, the conditions checklist, needs and follow-up. */
export function createShelterVisitRepository(db: AppDatabase, ctx: WriteContext) {
  const store = new RecordStore<ShelterVisitInput, ShelterVisitRecord>(db, ctx, {
    entity: 'shelterVisit',
    table: (d) => d.shelterVisits,
    inputSchema: shelterVisitSchema,
  });
  const queries = visitQueries(() => db.shelterVisits, '[shelterId+visitDate]');

  /** A visit belongs to a shelter on record; checked before anything is written. */
  async function requireShelter(raw: unknown) {
    const shelterId = (raw as { shelterId?: unknown } | null)?.shelterId;
    if (typeof shelterId === 'string' && !(await db.shelters.get(shelterId))) {
      throw new RecordValidationError([
        { code: 'custom', path: ['shelterId'], message: 'validation.visitShelterMissing' },
      ]);
    }
  }

  return {
    get: (id: string) => store.get(id),

    async create(input: unknown): Promise<ShelterVisit> {
      await requireShelter(input);
      return store.create(input);
    },

    /** The shelter of a visit never changes: the stored one is kept. */
    async update(id: string, input: unknown): Promise<ShelterVisit> {
      const current = await store.get(id);
      return store.update(id, current ? { ...(input as object), shelterId: current.shelterId } : input);
    },

    softDelete: (id: string) => store.softDelete(id),
    restore: (id: string) => store.restore(id),

    /** A shelter's visits, newest first, read through the [shelterId+visitDate] index. */
    forShelter: queries.forOwner,
    listSince: queries.listSince,
    countSince: queries.countSince,
  };
}

export type ShelterVisitRepository = ReturnType<typeof createShelterVisitRepository>;
