import { wipeVaultKeys, type VaultKeys } from '../../../shared/vault/dataKey';
import { VaultError, isVaultError } from '../../../shared/vault/errors';
import type { KdfOptions } from '../../../shared/vault/keyDerivation';
import { nextUnlockAllowedAt } from '../../../shared/vault/unlockThrottle';
import {
  changePassphrase,
  createVault,
  regenerateRecoveryKey,
  resetPassphraseWithRecoveryKey,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  upgradeKdf,
  type VaultRecord,
} from '../../../shared/vault/vaultRecord';
import { vaultDatabaseName, type VaultRegistry } from './vaultRegistry';

/** An unlocked vault: its record, its keys (in memory only) and the database they open. */
export interface VaultSession {
  vault: VaultRecord;
  keys: VaultKeys;
  databaseName: string;
}

/** Thrown instead of trying a passphrase while the delay after wrong ones has not passed. */
export class UnlockThrottledError extends Error {
  constructor(readonly retryAtMs: number) {
    super('Too many wrong passphrases; wait before the next try');
    this.name = 'UnlockThrottledError';
  }
}

export interface VaultServiceOptions {
  now?: () => number;
  /** Tests lower nothing here: the KDF minimum is enforced by shared/vault. */
  kdf?: KdfOptions;
}

/** The vault's database: where the last restore put it, else the one named after the vault. */
const sessionOf = async (registry: VaultRegistry, vault: VaultRecord, keys: VaultKeys): Promise<VaultSession> => ({
  vault,
  keys,
  databaseName: (await registry.database(vault.id)).databaseName ?? vaultDatabaseName(vault.id),
});

/**
 * Setting up, unlocking and re-keying the vaults of this laptop. Every change to a vault record
 * is computed first and stored only once it succeeded, so a failed attempt changes nothing.
 */
export function createVaultService(registry: VaultRegistry, options: VaultServiceOptions = {}) {
  const now = options.now ?? (() => Date.now());

  async function requireVault(id: string): Promise<VaultRecord> {
    const vault = await registry.get(id);
    if (!vault) throw new VaultError('invalid-vault-record', 'No such vault');
    return vault;
  }

  async function assertNotThrottled(id: string): Promise<void> {
    const { failures, lastFailureAt } = await registry.attempts(id);
    const retryAt = nextUnlockAllowedAt(failures, lastFailureAt, now());
    if (retryAt > now()) throw new UnlockThrottledError(retryAt);
  }

  /** Runs an attempt with a secret; a wrong one is counted, a right one clears the count. */
  async function attempt<T>(id: string, work: () => Promise<T>): Promise<T> {
    await assertNotThrottled(id);
    try {
      const result = await work();
      await registry.clearFailures(id);
      return result;
    } catch (error) {
      if (isVaultError(error, 'wrong-passphrase') || isVaultError(error, 'wrong-recovery-key')) {
        await registry.recordFailure(id, now());
      }
      throw error;
    }
  }

  return {
    list: () => registry.list(),

    async create(input: { displayName: string; passphrase: string; userInputs?: string[] }) {
      const created = await createVault({ ...input, kdf: options.kdf });
      await registry.put(created.record);
      return { session: await sessionOf(registry, created.record, created.keys), recoveryKey: created.recoveryKey };
    },

    /** Throws `wrong-passphrase` (counted) or UnlockThrottledError (not tried). */
    unlock(id: string, passphrase: string): Promise<VaultSession> {
      return attempt(id, async () => {
        let vault = await requireVault(id);
        const unlocked = await unlockWithPassphrase(vault, passphrase);
        if (unlocked.needsKdfUpgrade) {
          vault = await upgradeKdf(vault, passphrase);
          await registry.put(vault);
        }
        return sessionOf(registry, vault, unlocked.keys);
      });
    },

    /** The forgotten-passphrase path: the recovery key opens the vault and sets a new passphrase. */
    recover(id: string, recoveryKey: string, nextPassphrase: string, userInputs: string[] = []): Promise<VaultSession> {
      return attempt(id, async () => {
        const vault = await requireVault(id);
        const unlocked = await unlockWithRecoveryKey(vault, recoveryKey);
        const next = await resetPassphraseWithRecoveryKey(vault, recoveryKey, nextPassphrase, { userInputs });
        await registry.put(next);
        return sessionOf(registry, next, unlocked.keys);
      });
    },

    async changePassphrase(session: VaultSession, current: string, next: string, userInputs: string[] = []) {
      const updated = await attempt(session.vault.id, () =>
        changePassphrase(session.vault, current, next, { userInputs }),
      );
      await registry.put(updated);
      session.vault = updated;
    },

    /** The app version that last opened this vault's data (undefined before the first time). */
    lastAppVersion: async (vaultId: string) => (await registry.database(vaultId)).appVersion,
    setLastAppVersion: (vaultId: string, appVersion: string) => registry.setAppVersion(vaultId, appVersion),

    /** After a verified restore: from now on this vault's data are in `databaseName`. */
    async switchDatabase(session: VaultSession, databaseName: string): Promise<void> {
      await registry.setDatabaseName(session.vault.id, databaseName);
      session.databaseName = databaseName;
    },

    /** A new recovery key; the old one stops opening this vault. Show the result once. */
    async newRecoveryKey(session: VaultSession, passphrase: string): Promise<string> {
      const { record, recoveryKey } = await attempt(session.vault.id, () =>
        regenerateRecoveryKey(session.vault, passphrase),
      );
      await registry.put(record);
      session.vault = record;
      return recoveryKey;
    },
  };
}

export type VaultService = ReturnType<typeof createVaultService>;

/** Locking: the byte keys are overwritten; the caller drops the session and reloads the page. */
export function endSession(session: VaultSession): void {
  wipeVaultKeys(session.keys);
}
