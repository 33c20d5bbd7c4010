import Dexie from 'dexie';
import type { HostApi } from '../../../../shared/host/hostApi';
import type { BackupWriteResult } from '../../../../shared/ipc/contract';
import { isRoutineBackup, type BackupKind } from '../../../../shared/vault/backupFiles';
import type { StoreKeys } from '../encryption/storeKeys';
import { sealingMiddleware } from '../encryption/sealingMiddleware';
import { CURRENT_SCHEMA_VERSION } from '../schemaVersions';
import { BackupError } from './backupErrors';
import { readSnapshot, type Snapshot } from './snapshot';
import { writeVaultBackup, type BackupVault } from './vaultBackup';

/** A routine backup is due when the newest is this old. */
export const DAILY_BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** An unlocked vault and the database it opens (a `VaultSession` is one). */
export interface OpeningVault extends BackupVault {
  keys: BackupVault['keys'] & StoreKeys;
  databaseName: string;
}

/** Remembers which app version last opened each vault's data (the vault registry). */
export interface AppVersionLedger {
  lastAppVersion(vaultId: string): Promise<string | undefined>;
  setLastAppVersion(vaultId: string, appVersion: string): Promise<void>;
}

type BackupHost = Pick<HostApi, 'writeBackup' | 'listBackups'>;

/**
 * The Dexie schema version a database was last opened at, without opening it (so without
 * upgrading it), or null when it does not exist. IndexedDB stores Dexie's version × 10; a
 * version Dexie patched in place (41) is still that version (4).
 */
export async function storedSchemaVersion(name: string): Promise<number | null> {
  const factory = globalThis.indexedDB as IDBFactory | undefined;
  if (factory && typeof factory.databases === 'function') {
    const found = (await factory.databases()).find((d) => d.name === name);
    return found?.version === undefined ? null : Math.floor(found.version / 10);
  }
  if (!(await Dexie.exists(name))) return null;
  const db = new Dexie(name);
  try {
    await db.open();
    return Math.floor(db.verno);
  } finally {
    db.close();
  }
}

/** A database read as it is on disk, whatever its version: no schema declared, nothing upgraded. */
async function snapshotAsStored(name: string, keys: StoreKeys): Promise<Snapshot> {
  const db = new Dexie(name);
  db.use(sealingMiddleware(keys.fieldKey));
  try {
    return await readSnapshot(db);
  } finally {
    db.close();
  }
}

export interface BeforeOpeningInput {
  session: OpeningVault;
  host: BackupHost;
  appVersion: string;
  ledger: AppVersionLedger;
  schemaVersion?: number;
  now?: () => Date;
  /** A pre-update backup that failed (the database still opens). */
  onBackupError?: (error: unknown) => void;
}

/**
 * What must happen before a vault's database is opened by this app:
 * - a database written by a newer app is refused (`database-too-new`) and not opened at all:
 *   Dexie would otherwise open it at its newer version, or patch its schema, and this app would
 *   then write records the newer one does not expect;
 * - a database at an older schema version is backed up (`pre-migration`) before opening runs
 *   the migration; if that backup cannot be written the database is not opened
 *   (`pre-migration-backup-failed`): no migration without a way back;
 * - a database last opened by another app version is backed up (`pre-update`); a failure there
 *   is reported but does not keep the monitor from working.
 * Returns the kind of backup written, if any.
 */
export async function backUpBeforeOpening(input: BeforeOpeningInput): Promise<BackupKind | null> {
  const { session } = input;
  const supported = input.schemaVersion ?? CURRENT_SCHEMA_VERSION;
  const stored = await storedSchemaVersion(session.databaseName);
  if (stored === null) return null;
  if (stored > supported) {
    throw new BackupError('database-too-new', 'Database written by a newer app version', {
      stored,
      supported,
    });
  }
  const lastAppVersion = await input.ledger.lastAppVersion(session.vault.id);
  const kind: BackupKind | null =
    stored < supported
      ? 'pre-migration'
      : lastAppVersion !== undefined && lastAppVersion !== input.appVersion
        ? 'pre-update'
        : null;
  if (kind === null) return null;
  try {
    const snapshot = await snapshotAsStored(session.databaseName, session.keys);
    await writeVaultBackup(input.host, snapshot, session, {
      kind,
      appVersion: input.appVersion,
      now: input.now?.(),
    });
    return kind;
  } catch (cause) {
    if (kind === 'pre-migration') {
      throw new BackupError(
        'pre-migration-backup-failed',
        'No backup before the migration',
        { stored, supported },
        { cause },
      );
    }
    input.onBackupError?.(cause);
    return null;
  }
}

export interface DailyBackupInput {
  session: BackupVault;
  host: BackupHost;
  appVersion: string;
  snapshot: () => Promise<Snapshot>;
  now?: () => Date;
}

/**
 * Writes a `daily` backup when the newest routine backup (daily or manual) of this vault is at
 * least a day old, or dated in the future (a clock set back). Resolves to null when none was due.
 */
export async function backUpIfDue(input: DailyBackupInput): Promise<BackupWriteResult | null> {
  const now = input.now?.() ?? new Date();
  const listed = await input.host.listBackups({ vaultId: input.session.vault.id });
  if (!listed.ok) throw new BackupError('host-failed', listed.error.message, { hostCode: listed.error.code });
  const newest = listed.value.find((file) => isRoutineBackup(file.kind));
  const age = newest ? now.getTime() - Date.parse(newest.createdAt) : Infinity;
  if (age >= 0 && age < DAILY_BACKUP_INTERVAL_MS) return null;
  return writeVaultBackup(input.host, await input.snapshot(), input.session, {
    kind: 'daily',
    appVersion: input.appVersion,
    now,
  });
}

export interface OpenVaultStoreInput<S> extends BeforeOpeningInput {
  /** Opens the data store (`openDataStore`); runs after the checks and backups above. */
  open: () => Promise<S>;
  /** A failed background backup: logged, never in the monitor's way. */
  onBackgroundError?: (error: unknown) => void;
}

/**
 * Opens a vault's store the safe way: `backUpBeforeOpening`, then the store, then the app
 * version recorded, then a daily backup if one is due, in the background (not awaited: the
 * monitor is already working while it runs; its read transaction only delays writes briefly).
 */
export async function openVaultStore<S extends { backup: { snapshot(): Promise<Snapshot> } }>(
  input: OpenVaultStoreInput<S>,
): Promise<S> {
  const report = input.onBackgroundError ?? ((error: unknown) => console.warn('Backup:', error));
  await backUpBeforeOpening({ onBackupError: report, ...input });
  const store = await input.open();
  const vaultId = input.session.vault.id;
  await input.ledger.setLastAppVersion(vaultId, input.appVersion).catch(report);
  void backUpIfDue({ ...input, snapshot: () => store.backup.snapshot() }).catch(report);
  return store;
}
