import type { HostApi } from '../../shared/host/hostApi';
import type { IpcChannel, IpcResults } from '../../shared/ipc/contract';
import { fail, type HostResult } from '../../shared/result';

/** `ipcRenderer.invoke`, typed loosely as Electron types it. */
export type RawInvoke = (channel: IpcChannel, ...args: unknown[]) => Promise<unknown>;

/**
 * The object the preload exposes: one named method per channel and nothing generic, so page
 * scripts can only reach the operations listed in HostApi. Main validates every argument
 * again; this side only forwards.
 */
export function createHostApi(rawInvoke: RawInvoke) {
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

  return {
    appInfo: () => invoke('app:info'),
    saveFileWithDialog: (args) => invoke('files:save-with-dialog', args),
    pickFolder: () => invoke('folders:pick'),
    readFile: (args) => invoke('folders:read-file', args),
    writeFile: (args) => invoke('folders:write-file', args),
    listFiles: (args) => invoke('folders:list', args),
    openExternal: (args) => invoke('shell:open-external', args),
    storageStatus: () => invoke('app:storage-status'),
  } satisfies HostApi;
}
