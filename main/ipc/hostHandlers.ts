import { statfs as nodeStatfs } from 'node:fs/promises';
import path from 'node:path';
import type { BackupChannel, IpcHandlers, SyncFolderChannel } from '../../shared/ipc/contract';
import { fail, ok } from '../../shared/result';
import { toHttpsUrl } from '../security/windowOpenHandler';
import type { FileService } from '../services/fileService';

/** The slices of Electron's dialog, shell and app that the handlers use, injected for tests. */
export interface HostDialogs {
  showSaveDialog(options: {
    defaultPath: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: {
    properties: ('openDirectory' | 'createDirectory')[];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface HostShell {
  openExternal(url: string): Promise<void>;
}

export interface HostApp {
  getName(): string;
  getVersion(): string;
  getPreferredSystemLanguages(): string[];
  /** Where the first save dialog of a session opens (Electron: app.getPath('documents')). */
  getDefaultSaveDirectory(): string;
}

/** The part of `fs.promises.statfs`'s answer used here (Node: numbers unless bigint is asked for). */
export interface DiskStats {
  bsize: number;
  blocks: number;
  bavail: number;
}

export interface HostStorage {
  /** The folder holding the app's data (Electron: app.getPath('userData')). */
  dataPath: string;
  /** Defaults to Node's `fs.promises.statfs`. */
  statfs?: (path: string) => Promise<DiskStats>;
}

export interface HostHandlerDeps {
  dialog: HostDialogs;
  shell: HostShell;
  app: HostApp;
  files: FileService;
  storage: HostStorage;
  platform: string;
}

/**
 * The channels createHostHandlers implements: all but the sync folder's (syncFolderHandlers.ts)
 * and the backups' (backupHandlers.ts).
 */
export type HostHandlers = Omit<IpcHandlers, SyncFolderChannel | BackupChannel>;

/** The Electron implementation of the IPC channels; arguments arrive already validated. */
export function createHostHandlers(deps: HostHandlerDeps): HostHandlers {
  const { dialog, shell, app, files, storage } = deps;
  const statfs = storage.statfs ?? nodeStatfs;
  // Remembered for this session only, so each save dialog opens where the user last saved.
  let lastSaveDirectory: string | null = null;

  return {
    'app:info': async () =>
      ok({
        name: app.getName(),
        version: app.getVersion(),
        platform: deps.platform,
        host: 'electron',
        systemLocales: app.getPreferredSystemLanguages(),
      }),

    'app:storage-status': async () => {
      try {
        const stats = await statfs(storage.dataPath);
        // bavail, not bfree: the blocks this (unprivileged) user may still write to.
        return ok({ freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not-found' : 'io-error';
        return fail(code, `Cannot read free disk space: ${error instanceof Error ? error.message : String(error)}`);
      }
    },

    'files:save-with-dialog': async ({ suggestedName, data, filters }) => {
      const directory = lastSaveDirectory ?? app.getDefaultSaveDirectory();
      const choice = await dialog.showSaveDialog({
        defaultPath: path.join(directory, suggestedName),
        filters,
      });
      if (choice.canceled || choice.filePath === undefined || choice.filePath === '') {
        return fail('cancelled', 'Save cancelled.');
      }
      lastSaveDirectory = path.dirname(choice.filePath);
      const saved = await files.saveToPath(choice.filePath, data);
      return saved.ok ? ok({ location: choice.filePath }) : saved;
    },

    'folders:pick': async () => {
      const choice = await dialog.showOpenDialog({ properties: ['openDirectory', 'createDirectory'] });
      const picked = choice.filePaths[0];
      if (choice.canceled || picked === undefined) return fail('cancelled', 'No folder chosen.');
      return files.registerFolder(picked);
    },

    'folders:read-file': ({ folderId, relativePath }) => files.readFile(folderId, relativePath),

    'folders:write-file': ({ folderId, relativePath, data }) =>
      files.writeFileAtomic(folderId, relativePath, data),

    'folders:list': ({ folderId, relativePath }) => files.listFiles(folderId, relativePath),

    'shell:open-external': async ({ url }) => {
      const httpsUrl = toHttpsUrl(url);
      if (httpsUrl === null) return fail('invalid-argument', 'Only https links can be opened.');
      await shell.openExternal(httpsUrl);
      return ok(null);
    },
  };
}
