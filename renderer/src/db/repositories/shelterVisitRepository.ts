import Dexie from 'dexie';
import {
  shelterVisitSchema,
  type ShelterVisitInput,
  type ShelterVisitRecord,
} from '../../../../shared/visits/shelterVisitSchema';
import type { AppDatabase } from '../AppDatabase';
import { RecordStore, RecordValidationError } from '../recordStore';
import type { WriteContext } from '../writeContext';

export type ShelterVisit = ShelterVisitRecord;

/** Newest visit first; on the same day, the one recorded last first. */
export const newestVisitFirst = (
  a: { visitDate: string; createdAt: string },
  b: { visitDate: string; createdAt: string },
) => b.visitDate.localeCompare(a.visitDate) || b.createdAt.localeCompare(a.createdAt);

/** Visits to collective shelters: residents met, the conditions checklist, needs and follow-up. */
export function createShelterVisitRepository(db: AppDatabase, ctx: WriteContext) {
  const store = new RecordStore<ShelterVisitInput, ShelterVisitRecord>(db, ctx, {
    entity: 'shelterVisit',
    table: (d) => d.shelterVisits,
    inputSchema: shelterVisitSchema,
  });

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
    async forShelter(shelterId: string, options: { archived?: boolean } = {}): Promise<ShelterVisit[]> {
      const visits = await db.shelterVisits
        .where('[shelterId+visitDate]')
        .between([shelterId, Dexie.minKey], [shelterId, Dexie.maxKey])
        .reverse()
        .toArray();
      return visits
        .filter((v) => (options.archived ? v.deletedAt !== null : v.deletedAt === null))
        .sort(newestVisitFirst);
    },

    /**
     * One page of live visits on or after this date, newest first, walking the visitDate index
     * backwards: only the rows of the page are read, however many visits there are.
     */
    listSince(date: string, page: { offset: number; limit: number }) {
      return db.shelterVisits
        .where('visitDate')
        .aboveOrEqual(date)
        .reverse()
        .filter((v) => v.deletedAt === null)
        .offset(page.offset)
        .limit(page.limit)
        .toArray();
    },

    /** Live visits on or after this date (YYYY-MM-DD), through the visitDate index. */
    countSince(date: string): Promise<number> {
      return db.shelterVisits
        .where('visitDate')
        .aboveOrEqual(date)
        .filter((v) => v.deletedAt === null)
        .count();
    },
  };
}

export type ShelterVisitRepository = ReturnType<typeof createShelterVisitRepository>;
