import Dexie from 'dexie';
import { openBackup, readBackupHeader, type BackupHeader } from '../../../../shared/vault/backupContainer';
import type { VaultKeys } from '../../../../shared/vault/dataKey';
import type { VaultRecord } from '../../../../shared/vault/vaultRecord';
import { AppDatabase } from '../AppDatabase';
import { sealingMiddleware } from '../encryption/sealingMiddleware';
import { CURRENT_SCHEMA_VERSION, schemaVersions } from '../schemaVersions';
import { META_KEYS } from '../writeContext';
import { BackupError } from './backupErrors';
import { recordValidatorFor, type InvalidRecord } from './recordValidators';
import { decodeSnapshot, type Snapshot, type SnapshotRow } from './snapshot';

/** What a restore needs of the unlocked vault (a `VaultSession` is one). */
export interface RestoreVault {
  vault: Pick<VaultRecord, 'id' | 'keyId'>;
  keys: Pick<VaultKeys, 'backupKey' | 'keyId' | 'fieldKey' | 'blindIndexKey'>;
}

export type RestoreStep = 'checking' | 'decrypting' | 'writing' | 'validating' | 'verifying' | 'switching';

export interface RestoreReport {
  /** When the backup was made. */
  backupCreatedAt: string;
  backupSchemaVersion: number;
  /** Rows restored per table, after any migration, in table-name order. */
  tables: { name: string; count: number }[];
  total: number;
  /** The restored database's new device id (see `resetDeviceIdentity`). */
  deviceId: string;
  databaseName: string;
}

export interface RestoreInput {
  file: Uint8Array;
  session: RestoreVault;
  /** A database that does not exist yet (`restoredDatabaseName`). */
  databaseName: string;
  onProgress?: (step: RestoreStep) => void;
  /** The app's schema version; tests lower it. */
  appSchemaVersion?: number;
}

/** Sync bookkeeping tied to the old device id: a restored database starts its own (docs/security-design.md). */
const DEVICE_OUTGOING_TABLES = ['syncState', 'sentBundles'] as const;
/** At most this many problems are kept for the message; the count covers all. */
const MAX_REPORTED_PROBLEMS = 20;

/**
 * Checks the file (structure, checksum, versions) and decrypts it with this vault's keys. A
 * backup of another vault is refused (`wrong-vault`): its records are another person's. Every
 * `VaultError` of the container (`backup-truncated`, `backup-corrupted`, …) passes through.
 */
async function openForVault(
  file: Uint8Array,
  session: RestoreVault,
  appSchemaVersion: number,
  progress: (step: RestoreStep) => void,
) {
  // Before decrypting: a truncated file says so rather than "wrong key".
  const header: BackupHeader = await readBackupHeader(file, { appSchemaVersion });
  if (header.vaultId !== session.vault.id || header.keySlots.keyId !== session.keys.keyId) {
    throw new BackupError('wrong-vault', 'Backup belongs to another vault', {
      backupVaultId: header.vaultId,
    });
  }
  progress('decrypting');
  const { payload } = await openBackup(file, session.keys, { appSchemaVersion });
  const snapshot = decodeSnapshot(payload);
  if (snapshot.schemaVersion !== header.appSchemaVersion) {
    throw new BackupError('invalid-snapshot', 'Snapshot and header disagree on the schema version');
  }
  const version = schemaVersions.find((v) => v.version === snapshot.schemaVersion);
  const expected = Object.keys(version?.stores ?? {}).sort();
  const actual = snapshot.tables.map((t) => t.name).sort();
  if (!version || expected.join() !== actual.join()) {
    throw new BackupError('invalid-snapshot', 'Snapshot tables do not match its schema version');
  }
  return { header, snapshot };
}

/** The database exactly as the backup's schema version shipped, sealed like the app's. */
export function stagingDatabase(name: string, schemaVersion: number, fieldKey: Uint8Array): Dexie {
  const db = new Dexie(name);
  db.use(sealingMiddleware(fieldKey));
  for (const v of schemaVersions.filter((s) => s.version <= schemaVersion))
    db.version(v.version).stores(v.stores);
  return db;
}

export async function writeSnapshot(db: Dexie, snapshot: Snapshot): Promise<void> {
  try {
    await db.open();
    await db.transaction('rw', db.tables, async () => {
      for (const table of snapshot.tables) await db.table(table.name).bulkAdd(table.rows);
    });
  } catch (cause) {
    // A row IndexedDB cannot store: no or a duplicate primary key, an envelope where none belongs.
    throw new BackupError(
      'invalid-records',
      'Backup rows cannot be stored',
      { count: 1, first: String(cause) },
      { cause },
    );
  } finally {
    db.close();
  }
}

const keyOf = (db: Dexie, table: string, row: SnapshotRow): string => {
  const keyPath = db.table(table).schema.primKey.keyPath;
  return typeof keyPath === 'string' ? String(row[keyPath]) : '';
};

/** Every row of every table against its validator (recordValidators.ts). */
async function invalidRecords(db: Dexie): Promise<{ count: number; first: InvalidRecord[] }> {
  const found: InvalidRecord[] = [];
  let count = 0;
  for (const table of db.tables) {
    const validate = recordValidatorFor(table.name);
    const rows = (await table.toArray()) as SnapshotRow[];
    for (const row of rows) {
      const problem = validate ? validate(row) : 'no validator for this table';
      if (problem === null) continue;
      count += 1;
      if (found.length < MAX_REPORTED_PROBLEMS)
        found.push({ table: table.name, key: keyOf(db, table.name, row), problem });
    }
  }
  return { count, first: found };
}

/** Deep equality of stored values: plain objects (undefined members ignored), arrays, bytes. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return (
      a instanceof Uint8Array &&
      b instanceof Uint8Array &&
      a.length === b.length &&
      a.every((x, i) => x === b[i])
    );
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]))
    );
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const defined = (o: object) => Object.entries(o).filter(([, v]) => v !== undefined);
  const left = defined(a);
  const right = new Map(defined(b));
  return left.length === right.size && left.every(([k, v]) => right.has(k) && sameValue(v, right.get(k)));
}

/**
 * Reads back what was written and compares it with the backup: per table the same number of
 * rows, and, when no migration ran in between, the same rows in the same order.
 */
export async function verify(db: Dexie, snapshot: Snapshot): Promise<void> {
  const migrated = snapshot.schemaVersion !== Math.floor(db.verno);
  for (const table of snapshot.tables) {
    const rows = await db.table(table.name).toArray();
    if (rows.length !== table.rows.length) {
      throw new BackupError(
        'verification-failed',
        `${table.name}: ${rows.length} rows read back, ${table.rows.length} in the backup`,
      );
    }
    if (!migrated && !rows.every((row, i) => sameValue(row, table.rows[i]))) {
      throw new BackupError('verification-failed', `${table.name}: rows read back differ from the backup`);
    }
  }
}

/**
 * A restored database is a new device for HQ: two laptops (or one laptop before and after a
 * restore) must never send changes under one device id. So it gets a new id, and the outgoing
 * sync starts over from the beginning under it (HQ merges records by their field stamps, so
 * sending again what HQ already has changes nothing there).
 */
async function resetDeviceIdentity(db: Dexie): Promise<string> {
  const deviceId = crypto.randomUUID();
  const outgoing = db.tables.filter((t) => (DEVICE_OUTGOING_TABLES as readonly string[]).includes(t.name));
  await db.transaction('rw', [db.table('meta'), ...outgoing], async () => {
    await db.table('meta').put({ key: META_KEYS.deviceId, value: deviceId });
    for (const table of outgoing) await table.clear();
  });
  return deviceId;
}

/**
 * Restores a backup into a new database and checks it, without touching the live one:
 * 1. the file's structure, checksum and versions, then decryption with this vault's keys;
 * 2. the rows written, sealed, into `databaseName` at the backup's schema version;
 * 3. that database opened by the app's `AppDatabase`, which migrates it to the current version;
 * 4. every record validated, every table counted (and compared row by row when nothing was
 *    migrated), a new device id written.
 * On any failure the new database is deleted and the error thrown; the live database, and the
 * vault's pointer to it, are never touched here.
 */
export async function restoreIntoFreshDatabase(input: RestoreInput): Promise<RestoreReport> {
  const { session, databaseName } = input;
  const appSchemaVersion = input.appSchemaVersion ?? CURRENT_SCHEMA_VERSION;
  const progress = input.onProgress ?? (() => undefined);
  progress('checking');
  const { header, snapshot } = await openForVault(input.file, session, appSchemaVersion, progress);
  if (await Dexie.exists(databaseName)) throw new Error(`Database ${databaseName} already exists`);

  try {
    progress('writing');
    await writeSnapshot(
      stagingDatabase(databaseName, snapshot.schemaVersion, session.keys.fieldKey),
      snapshot,
    );
    const db = new AppDatabase(databaseName, session.keys);
    try {
      await db.open();
      progress('validating');
      const invalid = await invalidRecords(db);
      if (invalid.count > 0) {
        const first = invalid.first[0]!;
        throw new BackupError('invalid-records', `${invalid.count} invalid records`, {
          count: invalid.count,
          first: `${first.table} ${first.key}: ${first.problem}`,
        });
      }
      progress('verifying');
      await verify(db, snapshot);
      const deviceId = await resetDeviceIdentity(db);
      const tables = await Promise.all(
        [...db.tables]
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
          .map(async (t) => ({ name: t.name, count: await t.count() })),
      );
      return {
        backupCreatedAt: header.createdAt,
        backupSchemaVersion: snapshot.schemaVersion,
        tables,
        total: tables.reduce((sum, t) => sum + t.count, 0),
        deviceId,
        databaseName,
      };
    } finally {
      db.close();
    }
  } catch (error) {
    await Dexie.delete(databaseName).catch(() => undefined);
    throw error;
  }
}

export interface RestoreAndSwitchInput extends RestoreInput {
  /** The live database, deleted once the vault has switched to the restored one. */
  previousDatabaseName: string;
  /**
   * Points the vault at the restored database and reopens the store on it (VaultGate's
   * `replaceDatabase`). If it throws, it must have left the pointer unchanged.
   */
  switchTo(databaseName: string): Promise<void>;
}

/**
 * The whole restore: a verified fresh database (`restoreIntoFreshDatabase`), then the switch,
 * then the old database deleted. Until the switch the live data are untouched; if the switch
 * fails, the fresh database is deleted and the live one stays in use.
 */
export async function restoreBackup(input: RestoreAndSwitchInput): Promise<RestoreReport> {
  const report = await restoreIntoFreshDatabase(input);
  input.onProgress?.('switching');
  try {
    await input.switchTo(input.databaseName);
  } catch (error) {
    await Dexie.delete(input.databaseName).catch(() => undefined);
    throw error;
  }
  // Best effort: a database left behind is still encrypted, and no pointer leads to it.
  await Dexie.delete(input.previousDatabaseName).catch(() => undefined);
  return report;
}
