import Dexie, { type Table } from 'dexie';
import { parseVaultRecord, type VaultRecord } from '../../../shared/vault/vaultRecord';

/** Failed unlock attempts in a row, kept so that restarting the app does not reset the delay. */
export interface UnlockAttempts {
  vaultId: string;
  failures: number;
  lastFailureAt: number;
}

export const VAULT_REGISTRY_NAME = 'protection-monitor-vaults';

/** Each vault's records live in their own database, named after its random id, never its owner. */
export const vaultDatabaseName = (vaultId: string) => `protection-monitor-vault-${vaultId}`;

/** A fresh database for a restore: the vault's name plus a random suffix, so it never meets the live one. */
export const restoredDatabaseName = (vaultId: string) => `${vaultDatabaseName(vaultId)}-${crypto.randomUUID()}`;

/**
 * Where a vault's records are, once a restore moved them to a fresh database (absent: the
 * default `vaultDatabaseName`), and the app version that last opened them (a different one
 * means the app was updated: back up before opening).
 */
export interface VaultDatabaseRecord {
  vaultId: string;
  databaseName?: string;
  appVersion?: string;
}

/**
 * The list of vaults on this laptop, read before anyone has unlocked: display names and key
 * slots (KDF parameters and wrapped data keys), nothing that opens a vault without its secret.
 * A second, tiny database beside the records databases rather than localStorage, because
 * IndexedDB commits durably: a vault record lost after a crash would lose its data for good.
 */
class VaultRegistryDatabase extends Dexie {
  vaults!: Table<VaultRecord, string>;
  attempts!: Table<UnlockAttempts, string>;
  databases!: Table<VaultDatabaseRecord, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({ vaults: 'id', attempts: 'vaultId' });
    // v2: the database pointer and last app version per vault (backups and restore).
    this.version(2).stores({ databases: 'vaultId' });
  }
}

export function openVaultRegistry(name = VAULT_REGISTRY_NAME) {
  const db = new VaultRegistryDatabase(name);
  return {
    /** Valid vault records, oldest first; a damaged one is left out rather than breaking sign-in. */
    async list(): Promise<VaultRecord[]> {
      const rows = await db.vaults.toArray();
      return rows
        .flatMap((row) => {
          try {
            return [parseVaultRecord(row)];
          } catch {
            return [];
          }
        })
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    async get(id: string): Promise<VaultRecord | undefined> {
      const row = await db.vaults.get(id);
      return row && parseVaultRecord(row);
    },
    async put(record: VaultRecord): Promise<void> {
      await db.vaults.put(parseVaultRecord(record));
    },
    async attempts(vaultId: string): Promise<UnlockAttempts> {
      return (await db.attempts.get(vaultId)) ?? { vaultId, failures: 0, lastFailureAt: 0 };
    },
    async recordFailure(vaultId: string, at: number): Promise<UnlockAttempts> {
      return db.transaction('rw', db.attempts, async () => {
        const current = (await db.attempts.get(vaultId)) ?? { vaultId, failures: 0, lastFailureAt: 0 };
        const next = { vaultId, failures: current.failures + 1, lastFailureAt: at };
        await db.attempts.put(next);
        return next;
      });
    },
    async clearFailures(vaultId: string): Promise<void> {
      await db.attempts.delete(vaultId);
    },
    async database(vaultId: string): Promise<VaultDatabaseRecord> {
      return (await db.databases.get(vaultId)) ?? { vaultId };
    },
    /** One put: after a restore, the vault's data are in `databaseName` (atomic switch). */
    async setDatabaseName(vaultId: string, databaseName: string): Promise<void> {
      await db.transaction('rw', db.databases, async () => {
        const current = (await db.databases.get(vaultId)) ?? { vaultId };
        await db.databases.put({ ...current, databaseName });
      });
    },
    async setAppVersion(vaultId: string, appVersion: string): Promise<void> {
      await db.transaction('rw', db.databases, async () => {
        const current = (await db.databases.get(vaultId)) ?? { vaultId };
        await db.databases.put({ ...current, appVersion });
      });
    },
    close: () => db.close(),
  };
}

export type VaultRegistry = ReturnType<typeof openVaultRegistry>;
