import type {
  IpcHandlers,
  SyncFolderChannel,
  SyncInboxArgs,
  SyncInboxReadyEvent,
} from '../../shared/ipc/contract';
import { fail, ok, type HostResult } from '../../shared/result';
import type { FileService } from '../services/fileService';
import { watchInbox, type InboxWatcher, type WatchInboxOptions } from '../services/syncFolder/inboxWatcher';
import {
  archiveInboxFile,
  listReadyInbox,
  readInboxFile,
  SyncFolderRefusal,
  writeOutboxFile,
  type SyncFolderOptions,
  type SyncReader,
  type SyncRole,
} from '../services/syncFolder/syncFolder';
import { errnoCode, errorMessage } from '../util/errnoCode';

/** Files per `sync-folder:inbox-ready` event (the contract allows up to 10 000). */
export const EVENT_FILES_MAX = 1_000;

export interface SyncFolderHandlerDeps {
  /** Where picked folders are: the renderer only ever holds their ids. */
  folders: Pick<FileService, 'folderPath'>;
  /** Sends the event to the app's window (Electron: `webContents.send`). */
  notify(channel: 'sync-folder:inbox-ready', payload: SyncInboxReadyEvent): void;
  /** Settle time, clock and watch intervals; tests shorten them. */
  options?: SyncFolderOptions & Pick<WatchInboxOptions, 'debounceMs' | 'rescanIntervalMs' | 'watch'>;
  /** A watcher's failed scan (stick pulled out); the watcher goes on. */
  onWatchError?: (folderId: string, error: unknown, role: SyncRole) => void;
}

export interface SyncFolderHandlers {
  handlers: Pick<IpcHandlers, SyncFolderChannel>;
  /** Stops every watcher (on quit). */
  closeAll(): Promise<void>;
}

/** The reader an inbox channel's arguments describe (the contract checked them). */
const readerOf = (args: SyncInboxArgs): SyncReader =>
  args.role === 'hq' ? { role: 'hq' } : { role: 'field', deviceId: args.deviceId };

const readerKey = (reader: SyncReader) => (reader.role === 'hq' ? 'hq' : `field:${reader.deviceId}`);

/**
 * The sync folder channels. Arguments arrive validated (plain file names, folder ids, the
 * side); the services check again, because main trusts nothing. One watcher per folder and
 * role, kept until unwatch or quit: a reloaded renderer that asks again gets the same watcher,
 * and one asking for another device id replaces it.
 */
export function createSyncFolderHandlers(deps: SyncFolderHandlerDeps): SyncFolderHandlers {
  const options = deps.options ?? {};
  const watchers = new Map<string, { reader: string; watcher: InboxWatcher }>();
  const watchKey = (folderId: string, role: SyncRole) => `${role}:${folderId}`;

  async function inFolder<T>(
    folderId: string,
    operation: (root: string) => Promise<T>,
  ): Promise<HostResult<T>> {
    const root = deps.folders.folderPath(folderId);
    if (!root.ok) return root;
    try {
      return ok(await operation(root.value));
    } catch (error) {
      if (error instanceof SyncFolderRefusal) return fail(error.code, error.message);
      const code = errnoCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return fail('not-found', 'File or folder not found.');
      return fail('io-error', errorMessage(error));
    }
  }

  const handlers: Pick<IpcHandlers, SyncFolderChannel> = {
    'sync-folder:list-inbox': (args) =>
      inFolder(args.folderId, (root) => listReadyInbox(root, readerOf(args), options)),

    'sync-folder:read-inbox': (args) =>
      inFolder(args.folderId, (root) => readInboxFile(root, readerOf(args), args.name, options)),

    'sync-folder:write-outbox': ({ folderId, role, name, data }) =>
      inFolder(folderId, async (root) => {
        await writeOutboxFile(root, role, name, data);
        return null;
      }),

    'sync-folder:archive-inbox': (args) =>
      inFolder(args.folderId, (root) => archiveInboxFile(root, readerOf(args), args.name, args.disposition)),

    'sync-folder:watch': (args) =>
      inFolder(args.folderId, async (root) => {
        const { folderId, role } = args;
        const reader = readerOf(args);
        const key = watchKey(folderId, role);
        const existing = watchers.get(key);
        if (existing?.reader === readerKey(reader)) return null;
        const watcher = watchInbox(
          root,
          reader,
          (files) => {
            // The event schema caps one event's list; a full stick arrives as several events.
            for (let start = 0; start < files.length; start += EVENT_FILES_MAX) {
              deps.notify('sync-folder:inbox-ready', {
                folderId,
                role,
                files: files.slice(start, start + EVENT_FILES_MAX),
              });
            }
          },
          {
            ...options,
            onError: (error) => deps.onWatchError?.(folderId, error, role),
          },
        );
        // Set before any await, so two calls at once cannot both start a watcher.
        watchers.set(key, { reader: readerKey(reader), watcher });
        await existing?.watcher.close();
        return null;
      }),

    'sync-folder:unwatch': async ({ folderId, role }) => {
      const key = watchKey(folderId, role);
      const existing = watchers.get(key);
      watchers.delete(key);
      await existing?.watcher.close();
      return ok(null);
    },
  };

  return {
    handlers,
    async closeAll() {
      const all = [...watchers.values()];
      watchers.clear();
      await Promise.all(all.map((w) => w.watcher.close()));
    },
  };
}
