import Dexie, { type Table } from 'dexie';

/** What the visit queries read of a visit: its date, when it was recorded, whether it is archived. */
interface VisitRow {
  visitDate: string;
  createdAt: string;
  deletedAt: string | null;
}

/** Newest visit first; on the same day, the one recorded last first. */
export const newestVisitFirst = (
  a: { visitDate: string; createdAt: string },
  b: { visitDate: string; createdAt: string },
) => b.visitDate.localeCompare(a.visitDate) || b.createdAt.localeCompare(a.createdAt);

/**
 * The read queries household and shelter visits share. `ownerIndex` is the compound
 * `[ownerId+visitDate]` index of the table (`[householdId+visitDate]`, `[shelterId+visitDate]`).
 * The table is looked up at each query, as the repositories did, never held from construction.
 */
export function visitQueries<V extends VisitRow>(table: () => Table<V, string>, ownerIndex: string) {
  return {
    /** An owner's visits, newest first, read through the compound owner index. */
    async forOwner(ownerId: string, options: { archived?: boolean } = {}): Promise<V[]> {
      const visits = await table()
        .where(ownerIndex)
        .between([ownerId, Dexie.minKey], [ownerId, Dexie.maxKey])
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
    listSince(date: string, page: { offset: number; limit: number }): Promise<V[]> {
      return table()
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
      return table()
        .where('visitDate')
        .aboveOrEqual(date)
        .filter((v) => v.deletedAt === null)
        .count();
    },
  };
}
