import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { VaultError, type VaultErrorCode } from '../../../../shared/vault/errors';
import { BackupError, backupErrorCodes } from '../../db/backup/backupErrors';
import { catalogs } from '../../i18n/catalogs';
import { vaultErrorMessage } from '../vault/vaultErrorMessage';
import { databaseOpenErrorMessage, HostRefusal, restoreErrorMessage } from './backupErrorMessage';

async function english() {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { translation: catalogs.en } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

const backupCodes: VaultErrorCode[] = [
  'backup-not-a-backup',
  'backup-truncated',
  'backup-corrupted',
  'backup-invalid-header',
  'backup-newer-format',
  'backup-newer-app-version',
  'backup-wrong-key',
];

describe('restore messages', () => {
  it('say what happened and that nothing was changed, for every refusal', async () => {
    const t = await english();
    const refusals = [
      ...backupCodes.map((code) => new VaultError(code, 'x')),
      ...backupErrorCodes
        .filter((code) => code !== 'host-failed')
        .map((code) => new BackupError(code, 'x', { count: 3 })),
      new HostRefusal({ code: 'too-large', message: 'x' }),
      new HostRefusal({ code: 'io-error', message: 'x' }),
      new Error('anything else'),
    ];
    for (const refusal of refusals) {
      const message = restoreErrorMessage(t, refusal);
      expect(message, `${refusal.name} ${'code' in refusal ? String(refusal.code) : ''}`).toMatch(
        /Nothing was changed\./,
      );
    }
    expect(restoreErrorMessage(t, new VaultError('backup-truncated', 'x'))).toMatch(
      /^This backup file is incomplete/,
    );
    expect(restoreErrorMessage(t, new BackupError('invalid-records', 'x', { count: 3 }))).toMatch(
      /holds 3 records that are not valid/,
    );
  });

  it('explain on the unlock screen why records from a newer app do not open', async () => {
    const t = await english();
    const tooNew = new BackupError('database-too-new', 'x', { stored: 5, supported: 4 });
    expect(vaultErrorMessage(t, tooNew)).toBe(t('backups.error.databaseTooNew'));
    const dexieRefusal = Object.assign(new Error('version'), { name: 'VersionError' });
    expect(vaultErrorMessage(t, dexieRefusal)).toBe(t('backups.error.databaseTooNew'));
    expect(vaultErrorMessage(t, new BackupError('pre-migration-backup-failed', 'x'))).toMatch(
      /Nothing was changed\./,
    );
    expect(databaseOpenErrorMessage(t, new VaultError('wrong-passphrase', 'x'))).toBeNull();
  });
});
