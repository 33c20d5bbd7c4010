import type { HostResult } from '../result';
import type {
  AppInfo,
  BackupFileInfo,
  BackupNameArgs,
  BackupWriteResult,
  ListBackupsArgs,
  OpenedFile,
  OpenFileArgs,
  WriteBackupArgs,
  FolderEntry,
  ListFilesArgs,
  LockReason,
  OpenExternalArgs,
  PickedFolder,
  ReadFileArgs,
  SaveFileArgs,
  SavedFile,
  StorageStatus,
  SyncArchiveArgs,
  SyncFolderArgs,
  SyncInboxArgs,
  SyncInboxFileArgs,
  SyncInboxListing,
  SyncInboxReadyEvent,
  SyncOutboxWriteArgs,
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
  /**
   * Calls `listener` when the system suspends or the screen locks, so the vault locks with it.
   * Returns the unsubscribe function. The browser host has no such events and never calls it.
   */
  onLockRequested(listener: (reason: LockReason) => void): () => void;

  // The sync folder (docs/sync-format.md §12), a folder from pickFolder() shared by both sides:
  // a field device (`role: 'field'`) writes `to-hq/` and reads `from-hq/`, HQ the reverse. The
  // inbox is the folder this side reads; a field device sees there only the reference-data
  // bundles and its own acknowledgement. Only whole files are listed; files a sync service is
  // still delivering wait in `waiting`.
  /** The inbox's ready files; may take the settle time (2 s) when a file is new. */
  listSyncInbox(args: SyncInboxArgs): Promise<HostResult<SyncInboxListing>>;
  readSyncInboxFile(args: SyncInboxFileArgs): Promise<HostResult<Uint8Array>>;
  /** Atomic: the other side never sees half a file. */
  writeSyncOutboxFile(args: SyncOutboxWriteArgs): Promise<HostResult<null>>;
  /** Moves a read file to processed/ or rejected/ inside the inbox; resolves to its archived name. */
  archiveSyncInboxFile(args: SyncArchiveArgs): Promise<HostResult<string>>;
  /**
   * Starts reporting the inbox's files through onSyncInboxReady as they become ready, files
   * already there included. Electron watches the folder; the browser host polls it. One watch
   * per folder and role: asking again with another deviceId replaces it.
   */
  watchSyncInbox(args: SyncInboxArgs): Promise<HostResult<null>>;
  unwatchSyncInbox(args: SyncFolderArgs): Promise<HostResult<null>>;
  /** Returns the unsubscribe function. */
  onSyncInboxReady(listener: (event: SyncInboxReadyEvent) => void): () => void;

  // Backups in the app's own folder (Electron: <userData>/backups/; browser: the origin private
  // file system), named and rotated by shared/vault/backupFiles.ts.
  /** Writes atomically, then deletes what the rotation no longer keeps for that vault. */
  writeBackup(args: WriteBackupArgs): Promise<HostResult<BackupWriteResult>>;
  /** Newest first; one vault's, or all. */
  listBackups(args: ListBackupsArgs): Promise<HostResult<BackupFileInfo[]>>;
  readBackup(args: BackupNameArgs): Promise<HostResult<Uint8Array>>;
  deleteBackup(args: BackupNameArgs): Promise<HostResult<null>>;
  /** One file the user picks (restore from file); `cancelled`, or `too-large` above `maxBytes`. */
  openFileWithDialog(args: OpenFileArgs): Promise<HostResult<OpenedFile>>;
}

/** The global name under which the preload exposes the host API. */
export const HOST_API_GLOBAL = 'protectionMonitorHost';
