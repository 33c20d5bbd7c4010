import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readBackupHeader } from '../../../../shared/vault/backupContainer';
import { MAX_BACKUP_BYTES, type BackupFileInfo } from '../../../../shared/vault/backupFiles';
import { useServices } from '../../app/AppServices';
import { useNotice } from '../../app/Notices';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { BackupError } from '../../db/backup/backupErrors';
import { restoreBackup, type RestoreReport, type RestoreStep } from '../../db/backup/restoreBackup';
import { exportFileName, sealSnapshot, writeVaultBackup } from '../../db/backup/vaultBackup';
import { CURRENT_SCHEMA_VERSION } from '../../db/schemaVersions';
import { restoredDatabaseName } from '../../vault/vaultRegistry';
import { formatBytes } from '../settings/useStorageHealth';
import { HostRefusal, restoreErrorMessage } from './backupErrorMessage';
import { useBackups } from './useBackups';

type State =
  | { kind: 'idle' }
  | { kind: 'busy'; message: string }
  | { kind: 'confirm'; file: Uint8Array; createdAt: string }
  | { kind: 'restoring'; step: RestoreStep | 'safety' }
  | { kind: 'restored'; report: RestoreReport }
  | { kind: 'error'; message: string };

/** The tables named in a restore report; the others (settings, log, drafts, sync) are summed. */
const REPORTED_TABLES = [
  'shelters',
  'households',
  'persons',
  'shelterVisits',
  'householdVisits',
  'referrals',
  'followUps',
  'organisations',
  'attachments',
] as const;

const BACKUP_EXTENSION = 'pmbackup';

/**
 * Settings → Backups: the backups kept on this computer, backing up now or to a file, and
 * restoring one, after a confirmation, with its progress and what it restored. A restore is
 * verified in a new database before it replaces the current records (db/backup/restoreBackup.ts);
 * every refusal says that nothing was changed.
 */
export function BackupSettings() {
  const { t } = useTranslation();
  const { store, host, appInfo, vault } = useServices();
  const notice = useNotice();
  const id = useId();
  const backups = useBackups();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const working = state.kind === 'busy' || state.kind === 'restoring';
  const session = vault.session;
  const fileFilters = [{ name: t('backups.fileType'), extensions: [BACKUP_EXTENSION] }];
  const dateTime = (iso: string) => t('format.dateTime', { value: new Date(iso) });

  const backUpNow = async () => {
    setState({ kind: 'busy', message: t('backups.backingUp') });
    try {
      await writeVaultBackup(host, await store.backup.snapshot(), session, {
        kind: 'manual',
        appVersion: appInfo.version,
      });
      backups.reload();
      setState({ kind: 'idle' });
      notice(t('backups.saved'));
    } catch {
      setState({ kind: 'error', message: t('backups.error.writeFailed') });
    }
  };

  const backUpToFile = async () => {
    setState({ kind: 'busy', message: t('backups.backingUp') });
    try {
      const sealed = await sealSnapshot(await store.backup.snapshot(), session, {
        appVersion: appInfo.version,
      });
      const saved = await host.saveFileWithDialog({
        suggestedName: exportFileName(sealed.createdAt),
        data: sealed.bytes,
        filters: fileFilters,
      });
      setState({ kind: 'idle' });
      if (saved.ok) notice(t('backups.savedToFile', { location: saved.value.location }));
      else if (saved.error.code !== 'cancelled')
        setState({ kind: 'error', message: t('backups.error.writeFailed') });
    } catch {
      setState({ kind: 'error', message: t('backups.error.writeFailed') });
    }
  };

  /** Checks the file before asking: a damaged or foreign backup is refused at once. */
  const prepare = async (file: Uint8Array) => {
    const header = await readBackupHeader(file, { appSchemaVersion: CURRENT_SCHEMA_VERSION });
    if (header.vaultId !== session.vault.id || header.keySlots.keyId !== session.keys.keyId) {
      throw new BackupError('wrong-vault', 'Backup of another vault');
    }
    setState({ kind: 'confirm', file, createdAt: header.createdAt });
  };

  const choose = async (read: () => Promise<Uint8Array | null>) => {
    setState({ kind: 'busy', message: t('backups.step.checking') });
    try {
      const file = await read();
      if (file === null) setState({ kind: 'idle' });
      else await prepare(file);
    } catch (error) {
      setState({ kind: 'error', message: restoreErrorMessage(t, error) });
    }
  };

  const restoreFromList = (backup: BackupFileInfo) =>
    choose(async () => {
      const read = await host.readBackup({ name: backup.name });
      if (!read.ok) throw new HostRefusal(read.error);
      return read.value;
    });

  const restoreFromFile = () =>
    choose(async () => {
      const opened = await host.openFileWithDialog({ filters: fileFilters, maxBytes: MAX_BACKUP_BYTES });
      if (!opened.ok && opened.error.code === 'cancelled') return null;
      if (!opened.ok) throw new HostRefusal(opened.error);
      return opened.value.data;
    });

  const restore = async (file: Uint8Array) => {
    setState({ kind: 'restoring', step: 'safety' });
    try {
      // The current records first, so that a restore can itself be undone.
      await writeVaultBackup(host, await store.backup.snapshot(), session, {
        kind: 'pre-restore',
        appVersion: appInfo.version,
      });
      const report = await restoreBackup({
        file,
        session,
        databaseName: restoredDatabaseName(session.vault.id),
        previousDatabaseName: session.databaseName,
        switchTo: vault.replaceDatabase,
        onProgress: (step) => setState({ kind: 'restoring', step }),
      });
      backups.reload();
      setState({ kind: 'restored', report });
    } catch (error) {
      backups.reload();
      setState({ kind: 'error', message: restoreErrorMessage(t, error) });
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="backups">
      <h2 id={`${id}-title`}>{t('backups.title')}</h2>
      <p className="hint">{t('backups.intro')}</p>
      <div className="actions">
        <button type="button" onClick={() => void backUpNow()} disabled={working}>
          {t('backups.backUpNow')}
        </button>
        <button type="button" onClick={() => void backUpToFile()} disabled={working}>
          {t('backups.backUpToFile')}
        </button>
        <button type="button" onClick={() => void restoreFromFile()} disabled={working}>
          {t('backups.restoreFromFile')}
        </button>
      </div>

      {/* Present from the start, so screen readers announce progress and results as they come. */}
      <div aria-live="polite" data-testid="backup-status">
        {state.kind === 'busy' && <p>{state.message}</p>}
        {state.kind === 'restoring' && <p>{t(`backups.step.${state.step}`)}</p>}
        {state.kind === 'restored' && <RestoreSummary report={state.report} />}
      </div>
      {state.kind === 'error' && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}

      <h3 id={`${id}-list`}>{t('backups.listTitle')}</h3>
      {backups.failed && <p className="error">{t('backups.error.listFailed')}</p>}
      {backups.files?.length === 0 && <p>{t('backups.empty')}</p>}
      {backups.files && backups.files.length > 0 && (
        <table aria-labelledby={`${id}-list`}>
          <thead>
            <tr>
              <th scope="col">{t('backups.column.date')}</th>
              <th scope="col">{t('backups.column.kind')}</th>
              <th scope="col">{t('backups.column.size')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('backups.column.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.files.map((backup) => (
              <tr key={backup.name}>
                <td>{dateTime(backup.createdAt)}</td>
                <td>{t(`backups.kind.${backup.kind}`)}</td>
                <td>{formatBytes(t, backup.size)}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => void restoreFromList(backup)}
                    disabled={working}
                    aria-label={t('backups.restoreLabel', { date: dateTime(backup.createdAt) })}
                  >
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <ConfirmDialog
        open={state.kind === 'confirm'}
        title={t('backups.confirm.title')}
        text={state.kind === 'confirm' ? t('backups.confirm.text', { date: dateTime(state.createdAt) }) : ''}
        confirmLabel={t('backups.confirm.action')}
        onConfirm={() => state.kind === 'confirm' && void restore(state.file)}
        onCancel={() => setState({ kind: 'idle' })}
      />
    </section>
  );
}

function RestoreSummary({ report }: { report: RestoreReport }) {
  const { t } = useTranslation();
  const count = (name: string) => report.tables.find((table) => table.name === name)?.count ?? 0;
  const named = REPORTED_TABLES.reduce((sum, name) => sum + count(name), 0);
  return (
    <>
      <p>
        {t('backups.restored', {
          count: report.total,
          date: t('format.dateTime', { value: new Date(report.backupCreatedAt) }),
        })}
      </p>
      <dl className="details">
        {REPORTED_TABLES.map((name) => (
          <div key={name}>
            <dt>{t(`backups.table.${name}`)}</dt>
            <dd>{count(name)}</dd>
          </div>
        ))}
        <div>
          <dt>{t('backups.table.other')}</dt>
          <dd>{report.total - named}</dd>
        </div>
      </dl>
    </>
  );
}
