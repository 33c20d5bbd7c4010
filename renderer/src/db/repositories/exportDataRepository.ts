import type { Table } from 'dexie';
import type { ExportRecords, ExportRecordType } from '../../../../shared/exports/exportTypes';
import type { ExportSource } from '../../../../shared/exports/runExport';
import type { AppDatabase } from '../AppDatabase';

/**
 * Reads whole tables for the analysts' export (shared/exports), a page at a time by primary key,
 * each page in its own short read transaction: a large export never holds one long transaction
 * open nor the whole table in memory, and the page can paint between pages. Tombstones are
 * returned too; the export leaves them out.
 */
export function createExportDataRepository(db: AppDatabase): ExportSource {
  // The stored rows carry derived keys on top of the record (nameKey, openDue): a superset of it.
  const tables = {
    shelters: db.shelters,
    households: db.households,
    persons: db.persons,
    shelterVisits: db.shelterVisits,
    householdVisits: db.householdVisits,
    referrals: db.referrals,
    followUps: db.followUps,
  } satisfies { [T in ExportRecordType]: Table<ExportRecords[T], string> };

  const tableOf = <T extends ExportRecordType>(type: T) =>
    tables[type] as unknown as Table<ExportRecords[T], string>;

  return {
    count: (type) => tableOf(type).count(),

    async *chunks<T extends ExportRecordType>(
      type: T,
      size: number,
    ): AsyncGenerator<readonly ExportRecords[T][]> {
      const table = tableOf(type);
      let after: string | null = null;
      for (;;) {
        const page: ExportRecords[T][] = await (
          after === null ? table.orderBy(':id') : table.where(':id').above(after)
        )
          .limit(size)
          .toArray();
        if (!page.length) return;
        after = page[page.length - 1]!.id;
        yield page;
      }
    },

    async organisationNames() {
      const organisations = await db.organisations.toArray();
      return new Map(organisations.map((o) => [o.id, o.name]));
    },
  };
}

export type ExportDataRepository = ReturnType<typeof createExportDataRepository>;
