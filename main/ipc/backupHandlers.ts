import type { BackupChannel, IpcHandlers } from '../../shared/ipc/contract';
import { fail, ok, type HostResult } from '../../shared/result';
import { BackupStoreRefusal, readPickedFile, type BackupStore } from '../services/backupStore';
import { errnoCode, errorMessage } from '../util/errnoCode';

export interface BackupHandlerDeps {
  store: BackupStore;
  /** Electron's open dialog for one file, modal to the app's window. */
  showOpenFileDialog(options: {
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
  /** Defaults to `readPickedFile`; tests inject failures. */
  readPicked?: typeof readPickedFile;
}

async function guard<T>(operation: () => Promise<T>): Promise<HostResult<T>> {
  try {
    return ok(await operation());
  } catch (error) {
    if (error instanceof BackupStoreRefusal) return fail(error.code, error.message);
    const code = errnoCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return fail('not-found', 'File not found.');
    return fail('io-error', errorMessage(error));
  }
}

/**
 * The backup channels and "open a file" (restore from file). Arguments arrive validated by the
 * contract's schemas; the store checks names again, because main trusts nothing.
 */
export function createBackupHandlers(deps: BackupHandlerDeps): Pick<IpcHandlers, BackupChannel> {
  const { store } = deps;
  const readPicked = deps.readPicked ?? readPickedFile;
  return {
    'backups:write': (args) => guard(() => store.write(args)),
    'backups:list': ({ vaultId }) => guard(() => store.list(vaultId)),
    'backups:read': ({ name }) => guard(() => store.read(name)),
    'backups:delete': ({ name }) =>
      guard(async () => {
        await store.delete(name);
        return null;
      }),
    'files:open-with-dialog': async ({ filters, maxBytes }) => {
      const choice = await deps.showOpenFileDialog({ filters });
      const picked = choice.filePaths[0];
      if (choice.canceled || picked === undefined) return fail('cancelled', 'No file chosen.');
      return guard(() => readPicked(picked, maxBytes));
    },
  };
}
