import Dexie from 'dexie';
import { AppDatabase } from '../AppDatabase';
import type { StoreKeys } from '../encryption/storeKeys';
import { databaseDigest } from '../sync/databaseDigest';
import { stagingDatabase, verify, writeSnapshot } from './restoreBackup';
import type { Snapshot } from './snapshot';

/**
 * The vault's records copied into a new database, as they are now: after an erasure, the old
 * database's files may still hold the erased values' ciphertext until LevelDB compacts them;
 * deleting that database (once the vault points at the copy) removes those files. Unlike a
 * restore, the device keeps its identity and its sync state: nothing changed but the files.
 */
export async function compactIntoFreshDatabase(snapshot: Snapshot, keys: StoreKeys, databaseName: string): Promise<void> {
  if (await Dexie.exists(databaseName)) throw new Error(`Database ${databaseName} already exists`);
  try {
    await writeSnapshot(stagingDatabase(databaseName, snapshot.schemaVersion, keys.fieldKey), snapshot);
    const db = new AppDatabase(databaseName, keys);
    try {
      await db.open();
      await verify(db, snapshot);
    } finally {
      db.close();
    }
  } catch (error) {
    await Dexie.delete(databaseName).catch(() => undefined);
    throw error;
  }
}

export interface CompactVaultInput {
  /** The live store: its snapshot and its digest before the switch. */
  snapshot(): Promise<Snapshot>;
  liveDigest(): Promise<string>;
  keys: StoreKeys;
  previousDatabaseName: string;
  /** A name no database has yet (`restoredDatabaseName`). */
  databaseName: string;
  /** Points the vault at the copy and reopens the store on it (VaultGate's `replaceDatabase`). */
  switchTo(databaseName: string): Promise<void>;
}

/**
 * Copies the vault into a fresh database, switches to it and deletes the old one. A write that
 * lands in the live database while the copy is made would be lost by the switch, so the live
 * digest is compared with the copy's just before switching, and the copy made again if they
 * differ (three tries, then nothing is switched and the old database stays in use).
 */
export async function compactVault(input: CompactVaultInput): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const name = attempt === 0 ? input.databaseName : `${input.databaseName}-${attempt}`;
    await compactIntoFreshDatabase(await input.snapshot(), input.keys, name);
    const copy = new AppDatabase(name, input.keys);
    await copy.open();
    const copyDigest = await databaseDigest(copy);
    copy.close();
    if (copyDigest !== (await input.liveDigest())) {
      await Dexie.delete(name);
      continue;
    }
    try {
      await input.switchTo(name);
    } catch (error) {
      await Dexie.delete(name).catch(() => undefined);
      throw error;
    }
    await Dexie.delete(input.previousDatabaseName).catch(() => undefined);
    return true;
  }
  return false;
}
