import type { TFunction } from 'i18next';
import { isVaultError } from '../../../../shared/vault/errors';
import { UnlockThrottledError } from '../../vault/vaultService';
import { databaseOpenErrorMessage } from '../backups/backupErrorMessage';

/** What to tell someone whose passphrase or recovery key did not open the vault. */
export function vaultErrorMessage(t: TFunction, error: unknown, now = Date.now()): string {
  if (error instanceof UnlockThrottledError) {
    return t('vault.unlock.throttled', { count: Math.max(1, Math.ceil((error.retryAtMs - now) / 1000)) });
  }
  const opening = databaseOpenErrorMessage(t, error);
  if (opening !== null) return opening;
  if (isVaultError(error, 'wrong-passphrase')) return t('vault.unlock.wrongPassphrase');
  if (isVaultError(error, 'invalid-recovery-key')) return t('vault.recover.mistyped');
  if (isVaultError(error, 'wrong-recovery-key')) return t('vault.recover.wrongKey');
  return t('vault.unlock.failed');
}
