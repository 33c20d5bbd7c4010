import { useTranslation } from 'react-i18next';
import { SYNC_FOLDER_LAYOUT } from '../../../../shared/sync/syncFolderNames';
import { useServices } from '../../app/AppServices';
import { useLiveResult } from '../../hooks/useLiveResult';
import { runSyncFolder, type SyncFolderOutcome } from './syncFolderRun';
import { ActionOutcome, useSyncAction } from './useSyncAction';
import { CancelledError } from './syncFiles';

/** Settings of the sync folder (a USB stick, or a folder a sync service carries) and "Sync now". */
export function SyncFolderSection() {
  const { t } = useTranslation();
  const { store, host } = useServices();
  const { data: folder } = useLiveResult(() => store.sync.syncFolder(), [store]);
  const action = useSyncAction();

  const summary = (outcome: SyncFolderOutcome) =>
    [
      outcome.sent ? t('sync.folder.sent', { count: outcome.sent.records }) : '',
      t('sync.folder.read', { count: outcome.files.length }),
      outcome.files.some((f) => f.status === 'refused')
        ? t('sync.folder.refused', { count: outcome.files.filter((f) => f.status === 'refused').length })
        : '',
      outcome.acknowledged.length > 0
        ? t('sync.folder.acknowledged', { count: outcome.acknowledged.length })
        : '',
      outcome.reference ? t('sync.folder.referenceWritten') : '',
    ]
      .filter(Boolean)
      .join(' ');

  const choose = () =>
    action.run(async () => {
      const picked = await host.pickFolder();
      if (!picked.ok && picked.error.code === 'cancelled') throw new CancelledError();
      if (!picked.ok) throw new Error(picked.error.message);
      await store.sync.setSyncFolder(picked.value);
      return t('sync.folder.chosen', { name: picked.value.displayName });
    });
  const syncNow = () => action.run(async () => summary(await runSyncFolder(store, host, folder!)));

  return (
    <section aria-labelledby="sync-folder">
      <h2 id="sync-folder">{t('sync.folder.title')}</h2>
      <p>
        {t('sync.folder.intro', {
          services: 'OneDrive, Nextcloud, Syncthing',
          toHq: SYNC_FOLDER_LAYOUT.toHq,
          fromHq: SYNC_FOLDER_LAYOUT.fromHq,
        })}
      </p>
      {folder && <p>{t('sync.folder.current', { name: folder.displayName })}</p>}
      <div className="actions">
        <button type="button" onClick={() => void choose()} disabled={action.busy}>
          {folder ? t('sync.folder.change') : t('sync.folder.choose')}
        </button>
        {folder && (
          <button type="button" className="primary" onClick={() => void syncNow()} disabled={action.busy}>
            {t('sync.folder.syncNow')}
          </button>
        )}
      </div>
      <ActionOutcome message={action.message} error={action.error} />
    </section>
  );
}
