import type { HostResult } from '../result';
import type {
  AppInfo,
  FolderEntry,
  ListFilesArgs,
  OpenExternalArgs,
  PickedFolder,
  ReadFileArgs,
  SaveFileArgs,
  SavedFile,
  StorageStatus,
  WriteFileArgs,
} from '../ipc/contract';

/**
 * The only way the renderer reaches the operating system. Two implementations: the Electron
 * preload (named methods over IPC) and the browser host (downloads, file inputs and the File
 * System Access API). Every method resolves to a HostResult and never throws for expected
 * failures, so callers must handle `cancelled` and the other error codes explicitly.
 */
export interface HostApi {
  appInfo(): Promise<HostResult<AppInfo>>;
  saveFileWithDialog(args: SaveFileArgs): Promise<HostResult<SavedFile>>;
  pickFolder(): Promise<HostResult<PickedFolder>>;
  readFile(args: ReadFileArgs): Promise<HostResult<Uint8Array>>;
  writeFile(args: WriteFileArgs): Promise<HostResult<null>>;
  listFiles(args: ListFilesArgs): Promise<HostResult<FolderEntry[]>>;
  openExternal(args: OpenExternalArgs): Promise<HostResult<null>>;
  /** Free and total space for the app's data, to warn before a full disk corrupts IndexedDB. */
  storageStatus(): Promise<HostResult<StorageStatus>>;
}

/** The global name under which the preload exposes the host API. */
export const HOST_API_GLOBAL = 'protectionMonitorHost';
