import {
  shelterInputSchema,
  type ShelterInput,
  type ShelterStatus,
} from '../../../../shared/shelters/shelterSchema';
import { matchesSearch, normalizeForSearch, searchTokens } from '../../../../shared/text/normalize';
import type { AppDatabase, StoredShelter } from '../AppDatabase';
import { RecordStore } from '../recordStore';
import type { WriteContext } from '../writeContext';

export interface ShelterFilter {
  search?: string;
  municipality?: string;
  status?: ShelterStatus;
  /** Archived (soft-deleted) shelters instead of live ones. */
  archived?: boolean;
}

export type Shelter = StoredShelter;

/** Fields kept for search and sorting, computed from the name (also by the sync import at HQ). */
export const deriveShelterFields = (shelter: Pick<ShelterInput, 'name'>) => ({
  nameKey: normalizeForSearch(shelter.name),
  searchTokens: searchTokens(shelter.name),
});

export function createShelterRepository(db: AppDatabase, ctx: WriteContext) {
  const store = new RecordStore<ShelterInput, StoredShelter>(db, ctx, {
    entity: 'shelter',
    table: (d) => d.shelters,
    inputSchema: shelterInputSchema,
    derive: deriveShelterFields,
  });

  return {
    get: (id: string) => store.get(id),
    create: (input: unknown) => store.create(input),
    update: (id: string, input: unknown) => store.update(id, input),
    archive: (id: string) => store.softDelete(id),
    restore: (id: string) => store.restore(id),

    /**
     * Narrows with the most selective index available (search token, municipality, status)
     * and filters the rest in memory: the registry holds tens of shelters, not thousands.
     */
    async list(filter: ShelterFilter = {}): Promise<Shelter[]> {
      const firstToken = filter.search ? searchTokens(filter.search)[0] : undefined;
      const candidates = firstToken
        ? await db.shelters.where('searchTokens').startsWith(firstToken).distinct().toArray()
        : filter.municipality
          ? await db.shelters.where('municipality').equals(filter.municipality).toArray()
          : filter.status
            ? await db.shelters.where('status').equals(filter.status).toArray()
            : await db.shelters.toArray();
      return candidates
        .filter(
          (s) =>
            (filter.archived ? s.deletedAt !== null : s.deletedAt === null) &&
            (!filter.municipality || s.municipality === filter.municipality) &&
            (!filter.status || s.status === filter.status) &&
            (!filter.search || matchesSearch(s.searchTokens, filter.search)),
        )
        .sort((a, b) => a.nameKey.localeCompare(b.nameKey));
    },
  };
}

export type ShelterRepository = ReturnType<typeof createShelterRepository>;
