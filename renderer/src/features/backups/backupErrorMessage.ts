import type { TFunction } from 'i18next';
import type { HostError } from '../../../../shared/result';
import { isVaultError } from '../../../../shared/vault/errors';
import { isBackupError } from '../../db/backup/backupErrors';

/** A refusal from the host (read a backup, pick a file), as an error for the messages below. */
export class HostRefusal extends Error {
  constructor(readonly error: HostError) {
    super(error.message);
    this.name = 'HostRefusal';
  }
}

/** Errors opening a vault's database: a newer app's data, or no backup before a migration. */
export function databaseOpenErrorMessage(t: TFunction, error: unknown): string | null {
  if (isBackupError(error, 'database-too-new')) return t('backups.error.databaseTooNew');
  // Dexie's own refusal, should a newer app's database slip past the check before opening.
  if (error instanceof Error && error.name === 'VersionError') return t('backups.error.databaseTooNew');
  if (isBackupError(error, 'pre-migration-backup-failed')) return t('backups.error.preMigrationFailed');
  return null;
}

/** What to tell the monitor when a backup could not be read, checked or restored. Never "unknown". */
export function restoreErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof HostRefusal) {
    if (error.error.code === 'too-large') return t('backups.error.tooLarge');
    if (error.error.code === 'not-found') return t('backups.error.notFound');
    return t('backups.error.readFailed');
  }
  if (isVaultError(error)) {
    switch (error.code) {
      case 'backup-truncated':
        return t('backups.error.truncated');
      case 'backup-not-a-backup':
        return t('backups.error.notABackup');
      case 'backup-newer-format':
      case 'backup-newer-app-version':
        return t('backups.error.newerVersion');
      case 'backup-wrong-key':
        return t('backups.error.wrongVault');
      default:
        // backup-corrupted, backup-invalid-header, and anything the decryption refuses.
        return t('backups.error.corrupted');
    }
  }
  if (isBackupError(error)) {
    switch (error.code) {
      case 'wrong-vault':
        return t('backups.error.wrongVault');
      case 'invalid-snapshot':
        return t('backups.error.corrupted');
      case 'invalid-records':
        return t('backups.error.invalidRecords', { count: Number(error.details.count ?? 1) });
      case 'verification-failed':
        return t('backups.error.verificationFailed');
      case 'host-failed':
        return t('backups.error.safetyBackupFailed');
      default:
        return databaseOpenErrorMessage(t, error) ?? t('backups.error.failed');
    }
  }
  return t('backups.error.failed');
}
