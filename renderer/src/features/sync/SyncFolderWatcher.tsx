import { useEffect } from 'react';
import { useServices } from '../../app/AppServices';
import { runSyncFolder } from './syncFolderRun';

/**
 * While the app is open: picks up what arrived in the sync folder at start, then whatever the
 * host reports as ready (main watches the folder; files still being delivered are not reported).
 * Nothing is sent here: sending stays the monitor's "Sync now" or "Send to HQ".
 */
export function SyncFolderWatcher() {
  const { store, host } = useServices();
  useEffect(() => {
    let stopped = false;
    let queue = Promise.resolve();
    const later = (work: () => Promise<unknown>) => {
      // One pass at a time: two passes must never read the same file.
      queue = queue.then(() => (stopped ? undefined : work().then(() => undefined))).catch(() => undefined);
    };
    let unsubscribe = () => undefined as void;
    let unwatch = async () => undefined as void;
    void (async () => {
      const folder = await store.sync.syncFolder();
      if (!folder || stopped) return;
      const role = await store.sync.role();
      const deviceId = (await store.settings.get()).deviceId;
      const reader =
        role === 'hq'
          ? ({ folderId: folder.folderId, role } as const)
          : ({ folderId: folder.folderId, role, deviceId } as const);
      later(() => runSyncFolder(store, host, folder, { send: false }));
      unsubscribe = host.onSyncInboxReady((event) => {
        if (event.folderId === folder.folderId && event.role === role) {
          later(() => runSyncFolder(store, host, folder, { send: false, only: event.files }));
        }
      });
      await host.watchSyncInbox(reader);
      unwatch = async () => {
        await host.unwatchSyncInbox({ folderId: folder.folderId, role });
      };
    })();
    return () => {
      stopped = true;
      unsubscribe();
      void unwatch();
    };
  }, [store, host]);
  return null;
}
