import type { z } from 'zod';
import type { HostApi } from '../../shared/host/hostApi';
import {
  ipcEventSchemas,
  type IpcChannel,
  type IpcEventChannel,
  type IpcEventPayload,
  type IpcResults,
} from '../../shared/ipc/contract';
import { fail, type HostResult } from '../../shared/result';

/** `ipcRenderer.invoke`, typed loosely as Electron types it. */
export type RawInvoke = (channel: IpcChannel, ...args: unknown[]) => Promise<unknown>;

/** The event schemas seen per channel, so a generic subscribe gets its own payload type. */
const eventSchemasByChannel: { [C in IpcEventChannel]: z.ZodType<IpcEventPayload<C>> } = ipcEventSchemas;

/** `ipcRenderer.on` + `removeListener`, wrapped: subscribes and returns the unsubscribe. */
export type RawSubscribe = (channel: IpcEventChannel, listener: (payload: unknown) => void) => () => void;

/**
 * The object the preload exposes: one named method per channel and nothing generic, so page
 * scripts can only reach the operations listed in HostApi. Main validates every argument
 * again; this side only forwards.
 */
export function createHostApi(rawInvoke: RawInvoke, rawSubscribe: RawSubscribe) {
  function invoke<C extends IpcChannel>(channel: C, args?: unknown): Promise<HostResult<IpcResults[C]>> {
    const sent = args === undefined ? rawInvoke(channel) : rawInvoke(channel, args);
    // Main never rejects on purpose; a rejection means the channel itself broke (no handler,
    // uncloneable argument). Callers still get a typed result instead of an exception.
    return sent.then(
      // Main is the trusted side and implements IpcHandlers, which fixes this shape.
      (result) => result as HostResult<IpcResults[C]>,
      (error: unknown) =>
        fail('io-error', `${channel}: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  /** Passes on only payloads that match the event's schema; the page never sees the raw event. */
  function subscribe<C extends IpcEventChannel>(channel: C, listener: (payload: IpcEventPayload<C>) => void) {
    return rawSubscribe(channel, (payload) => {
      const parsed = eventSchemasByChannel[channel].safeParse(payload);
      if (parsed.success) listener(parsed.data);
    });
  }

  return {
    appInfo: () => invoke('app:info'),
    saveFileWithDialog: (args) => invoke('files:save-with-dialog', args),
    pickFolder: () => invoke('folders:pick'),
    readFile: (args) => invoke('folders:read-file', args),
    writeFile: (args) => invoke('folders:write-file', args),
    listFiles: (args) => invoke('folders:list', args),
    openExternal: (args) => invoke('shell:open-external', args),
    storageStatus: () => invoke('app:storage-status'),
    onLockRequested: (listener) => subscribe('vault:lock-requested', listener),
    listSyncInbox: (args) => invoke('sync-folder:list-inbox', args),
    readSyncInboxFile: (args) => invoke('sync-folder:read-inbox', args),
    writeSyncOutboxFile: (args) => invoke('sync-folder:write-outbox', args),
    archiveSyncInboxFile: (args) => invoke('sync-folder:archive-inbox', args),
    watchSyncInbox: (args) => invoke('sync-folder:watch', args),
    unwatchSyncInbox: (args) => invoke('sync-folder:unwatch', args),
    onSyncInboxReady: (listener) => subscribe('sync-folder:inbox-ready', listener),
    writeBackup: (args) => invoke('backups:write', args),
    listBackups: (args) => invoke('backups:list', args),
    readBackup: (args) => invoke('backups:read', args),
    deleteBackup: (args) => invoke('backups:delete', args),
    openFileWithDialog: (args) => invoke('files:open-with-dialog', args),
  } satisfies HostApi;
}
