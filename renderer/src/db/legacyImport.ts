import Dexie from 'dexie';
import type { HouseholdRecord } from '../../../shared/households/householdSchema';
import type { PersonRecord } from '../../../shared/households/personSchema';
import { AppDatabase } from './AppDatabase';
import type { StoreKeys } from './encryption/storeKeys';
import { derivePersonFields, deriveHouseholdFields, liveMembersOf } from './repositories/householdRepository';
import { DATABASE_NAME } from './schemaVersions';

export interface LegacyImportReport {
  /** Rows copied per table. */
  tables: Record<string, number>;
}

async function legacyExists(): Promise<boolean> {
  // Chromium and Electron list databases; elsewhere, opening would create an empty one.
  const list = await indexedDB.databases?.();
  return list?.some((d) => d.name === DATABASE_NAME) ?? false;
}

/**
 * Data written by a build from before vaults existed sit unencrypted in the one database
 * `protection-monitor`. The first vault set up on this laptop takes them over: every row is
 * copied through the sealing middleware (so it is encrypted), name search tags are made again
 * with the vault's key, and only after that transaction committed is the old database deleted,
 * taking its plaintext files with it. Nothing is lost: a failure leaves the old database whole.
 */
export async function importLegacyDatabase(targetName: string, keys: StoreKeys): Promise<LegacyImportReport | null> {
  if (!(await legacyExists())) return null;
  const legacy = new Dexie(DATABASE_NAME);
  await legacy.open();
  const target = new AppDatabase(targetName, keys);
  await target.open();
  const tables: Record<string, number> = {};
  try {
    const names = target.tables.map((t) => t.name).filter((name) => legacy.tables.some((t) => t.name === name));
    // Read first: awaiting another database inside the write transaction would end it.
    const read = new Map<string, Record<string, unknown>[]>();
    for (const name of names) read.set(name, await legacy.table(name).toArray());
    await target.transaction('rw', target.tables, async () => {
      for (const [name, rows] of read) {
        if (name === 'persons') {
          for (const person of rows as unknown as PersonRecord[]) Object.assign(person, derivePersonFields(target.nameIndex, person));
        }
        await target.table(name).bulkPut(rows);
        tables[name] = rows.length;
      }
      for (const household of await target.households.toArray()) {
        const members = liveMembersOf(await target.persons.where('householdId').equals(household.id).toArray());
        await target.households.put({ ...household, ...deriveHouseholdFields(household as HouseholdRecord, members) });
      }
    });
  } finally {
    legacy.close();
    target.close();
  }
  await Dexie.delete(DATABASE_NAME);
  return { tables };
}
