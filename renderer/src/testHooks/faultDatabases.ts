import Dexie from 'dexie';
import { AppDatabase } from '../db/AppDatabase';
import type { StoreKeys } from '../db/encryption/storeKeys';

/** Every database of the fault test is named so; a vault's (`protection-monitor-vault-…`) never is. */
export const FAULT_DB_PREFIX = 'pm-fault-';

/** `base` (which must be a fault test name), with an optional `-suffix`. */
export function faultDatabaseName(base: string, suffix?: string): string {
  if (!base.startsWith(FAULT_DB_PREFIX) || !/^[a-z0-9-]+$/.test(base))
    throw new Error(`The fault test only opens databases named ${FAULT_DB_PREFIX}…, not ${base}`);
  return suffix ? `${base}-${suffix}` : base;
}

/**
 * Copies a database row for row as IndexedDB holds it (sealed, primary keys and all) into a new
 * database of the same schema, so the copy opens with the same keys and reads the same. The
 * copy is created by the app's own class (every schema version), then emptied and filled
 * through Dexie's dynamic mode, which reads the schema from IndexedDB and has no middleware.
 */
export async function copyDatabase(from: string, to: string, keys: StoreKeys): Promise<void> {
  faultDatabaseName(from);
  faultDatabaseName(to);
  await Dexie.delete(to);
  const created = new AppDatabase(to, keys);
  await created.open();
  created.close();

  const source = new Dexie(from);
  const target = new Dexie(to);
  await Promise.all([source.open(), target.open()]);
  try {
    const tables = await source.transaction('r', source.tables, async () =>
      Promise.all(
        source.tables.map(async (table) => ({
          name: table.name,
          outbound: !table.schema.primKey.keyPath,
          keys: await table.toCollection().primaryKeys(),
          rows: await table.toArray(),
        })),
      ),
    );
    await target.transaction('rw', target.tables, async () => {
      for (const table of target.tables) await table.clear();
      for (const { name, outbound, keys: primaryKeys, rows } of tables) {
        if (rows.length === 0) continue;
        if (outbound) await target.table(name).bulkAdd(rows, primaryKeys);
        else await target.table(name).bulkAdd(rows);
      }
    });
  } finally {
    source.close();
    target.close();
  }
}
