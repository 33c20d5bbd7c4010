import { z } from 'zod';
import type { HostResult } from '../result';
import { DEVICE_ID_PATTERN, isSyncFileName, MAX_SYNC_FILE_BYTES, SYNC_ROLES } from '../sync/syncFolderNames';
import {
  backupKinds,
  isBackupStoreFileName,
  MAX_BACKUP_BYTES,
  type BackupFileInfo,
} from '../vault/backupFiles';

/**
 * The one IPC contract. Preload and main both import it, so a renamed channel or a changed
 * argument fails to compile on both sides. Every argument schema is applied in main to the
 * raw, untrusted value the renderer sent.
 */

/** A path inside a folder the user picked: relative, forward slashes, no `..` segments. */
export const relativePathSchema = z
  .string()
  .min(1)
  .max(512)
  .refine((p) => !p.startsWith('/') && !p.includes('\\') && !/^[a-zA-Z]:/.test(p), 'must be relative')
  .refine(
    (p) => p.split('/').every((seg) => seg !== '..' && seg !== '.' && seg !== ''),
    'must not leave the folder',
  )
  .refine((p) => !p.includes('\0'), 'must not contain NUL');

export const fileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,10}$/i))
    .min(1)
    .max(10),
});

export const saveFileArgsSchema = z.object({
  suggestedName: z
    .string()
    .min(1)
    .max(200)
    .refine((n) => !/[\\/\0]/.test(n), 'must be a plain file name'),
  data: z.instanceof(Uint8Array),
  filters: z.array(fileFilterSchema).max(5).default([]),
});
export type SaveFileArgs = z.input<typeof saveFileArgsSchema>;

export const folderIdSchema = z.string().uuid();

export const readFileArgsSchema = z.object({ folderId: folderIdSchema, relativePath: relativePathSchema });
export type ReadFileArgs = z.infer<typeof readFileArgsSchema>;

export const writeFileArgsSchema = z.object({
  folderId: folderIdSchema,
  relativePath: relativePathSchema,
  data: z.instanceof(Uint8Array),
});
export type WriteFileArgs = z.infer<typeof writeFileArgsSchema>;

export const listFilesArgsSchema = z.object({
  folderId: folderIdSchema,
  relativePath: relativePathSchema.optional(),
});
export type ListFilesArgs = z.infer<typeof listFilesArgsSchema>;

export const openExternalArgsSchema = z.object({ url: z.string().url().max(2048) });
export type OpenExternalArgs = z.infer<typeof openExternalArgsSchema>;

export const emptyArgsSchema = z.undefined();

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  host: 'electron' | 'browser';
  /** The operating system's preferred locales, most preferred first. */
  systemLocales: string[];
}

export interface PickedFolder {
  folderId: string;
  displayName: string;
}

export interface SavedFile {
  /** Where it went, as the user would recognise it (a path, or the download's file name). */
  location: string;
}

/**
 * Free and total space where the app keeps its data. In Electron: the disk holding the
 * userData folder; in a browser: what the storage quota leaves to this app. null where the
 * host cannot tell.
 */
export interface StorageStatus {
  freeBytes: number | null;
  totalBytes: number | null;
}

export interface FolderEntry {
  name: string;
  kind: 'file' | 'directory';
  size: number;
}

/** A bundle, acknowledgement or reference-data file in the sync folder: one plain name, never a path. */
export const syncFileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine(isSyncFileName, 'must be the plain name of a .pmbundle, .pmack or .pmref file');

/** Which side of the sync folder the app is: `field` writes to-hq/ and reads from-hq/, `hq` the reverse. */
export const syncRoleSchema = z.enum(SYNC_ROLES);

/** The side only (`sync-folder:unwatch`). */
export const syncFolderArgsSchema = z.object({ folderId: folderIdSchema, role: syncRoleSchema });
export type SyncFolderArgs = z.infer<typeof syncFolderArgsSchema>;

/**
 * Who reads the inbox. A field device names itself, because in a `from-hq/` shared with other
 * devices it picks up only its own acknowledgement (`pm-ack-<deviceId>.pmack`) and the
 * reference-data files (`.pmref`). A `deviceId` sent with `hq` is dropped.
 */
const hqReaderSchema = z.object({ folderId: folderIdSchema, role: z.literal('hq') });
const fieldReaderSchema = z.object({
  folderId: folderIdSchema,
  role: z.literal('field'),
  deviceId: z.string().regex(DEVICE_ID_PATTERN),
});

/** `sync-folder:list-inbox` and `sync-folder:watch`. */
export const syncInboxArgsSchema = z.discriminatedUnion('role', [hqReaderSchema, fieldReaderSchema]);
export type SyncInboxArgs = z.infer<typeof syncInboxArgsSchema>;

const inboxFileFields = { name: syncFileNameSchema };
export const syncInboxFileArgsSchema = z.discriminatedUnion('role', [
  hqReaderSchema.extend(inboxFileFields),
  fieldReaderSchema.extend(inboxFileFields),
]);
export type SyncInboxFileArgs = z.infer<typeof syncInboxFileArgsSchema>;

export const syncOutboxWriteArgsSchema = z.object({
  folderId: folderIdSchema,
  role: syncRoleSchema,
  name: syncFileNameSchema,
  data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= MAX_SYNC_FILE_BYTES, 'too large'),
});
export type SyncOutboxWriteArgs = z.infer<typeof syncOutboxWriteArgsSchema>;

const archiveFields = {
  name: syncFileNameSchema,
  /** `imported` → processed/, `rejected` (the importer refused it) → rejected/, in the reader's inbox. */
  disposition: z.enum(['imported', 'rejected']).default('imported'),
};
export const syncArchiveArgsSchema = z.discriminatedUnion('role', [
  hqReaderSchema.extend(archiveFields),
  fieldReaderSchema.extend(archiveFields),
]);
export type SyncArchiveArgs = z.input<typeof syncArchiveArgsSchema>;

export const syncInboxFileSchema = z.object({
  name: syncFileNameSchema,
  kind: z.enum(['bundle', 'acknowledgement', 'reference']),
  size: z.int().min(0),
  /** ISO time of the file's last change. */
  modifiedAt: z.string().max(64),
});
export type SyncInboxFile = z.infer<typeof syncInboxFileSchema>;

export interface SyncInboxListing {
  /** Whole and settled: safe to read and import, sorted by name. */
  ready: SyncInboxFile[];
  /** Sync files still arriving (growing, just changed, shorter than their header says). */
  waiting: string[];
}

export const syncInboxReadyEventSchema = z.object({
  folderId: folderIdSchema,
  /** The side whose inbox it is, as asked in `sync-folder:watch`. */
  role: syncRoleSchema,
  files: z.array(syncInboxFileSchema).max(10_000),
});
export type SyncInboxReadyEvent = z.infer<typeof syncInboxReadyEventSchema>;

/**
 * The sync folder (docs/sync-format.md §12), keyed by a folderId from `folders:pick` and the
 * side (`role`) the app plays in it. Main implements them in main/ipc/syncFolderHandlers.ts.
 */
export const syncFolderArgSchemas = {
  'sync-folder:list-inbox': syncInboxArgsSchema,
  'sync-folder:read-inbox': syncInboxFileArgsSchema,
  'sync-folder:write-outbox': syncOutboxWriteArgsSchema,
  'sync-folder:archive-inbox': syncArchiveArgsSchema,
  'sync-folder:watch': syncInboxArgsSchema,
  'sync-folder:unwatch': syncFolderArgsSchema,
} as const;
export type SyncFolderChannel = keyof typeof syncFolderArgSchemas;

/** A backup in the app's backup folder: one plain name (shared/vault/backupFiles.ts), never a path. */
export const backupFileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine(isBackupStoreFileName, 'must be the plain name of a backup file');

export const writeBackupArgsSchema = z.object({
  vaultId: z.uuid(),
  kind: z.enum(backupKinds),
  /** The time in the backup's header; the file is named after it. */
  createdAt: z.iso.datetime(),
  data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= MAX_BACKUP_BYTES, 'too large'),
});
export type WriteBackupArgs = z.infer<typeof writeBackupArgsSchema>;

export const listBackupsArgsSchema = z.object({ vaultId: z.uuid().optional() });
export type ListBackupsArgs = z.infer<typeof listBackupsArgsSchema>;

export const backupNameArgsSchema = z.object({ name: backupFileNameSchema });
export type BackupNameArgs = z.infer<typeof backupNameArgsSchema>;

export const openFileArgsSchema = z.object({
  filters: z.array(fileFilterSchema).max(5).default([]),
  /** A bigger file is refused (`too-large`) before it is read. */
  maxBytes: z.int().positive().max(MAX_BACKUP_BYTES),
});
export type OpenFileArgs = z.input<typeof openFileArgsSchema>;

export type { BackupFileInfo };

export interface OpenedFile {
  /** The file's name, without its folder. */
  name: string;
  data: Uint8Array;
}

export interface BackupWriteResult {
  file: BackupFileInfo;
  /** Older backups the rotation deleted after this one was written. */
  removed: string[];
}

/**
 * Backups in `<userData>/backups/` (browser: the origin private file system) and opening one
 * file the user picks, for "restore from file". Main implements them in main/ipc/backupHandlers.ts.
 */
export const backupArgSchemas = {
  'backups:write': writeBackupArgsSchema,
  'backups:list': listBackupsArgsSchema,
  'backups:read': backupNameArgsSchema,
  'backups:delete': backupNameArgsSchema,
  'files:open-with-dialog': openFileArgsSchema,
} as const;
export type BackupChannel = keyof typeof backupArgSchemas;

/**
 * Events main sends to the renderer (not requests): channel → payload schema. The preload
 * checks each payload before passing it on and exposes one named subscription per event.
 */
export const ipcEventSchemas = {
  /** The system is suspending or the screen is locking: lock the vault now. */
  'vault:lock-requested': z.enum(['suspend', 'lock-screen']),
  /** Files in a watched sync folder's inbox became ready (each file version once). */
  'sync-folder:inbox-ready': syncInboxReadyEventSchema,
} as const;
export type IpcEventChannel = keyof typeof ipcEventSchemas;
export type IpcEventPayload<C extends IpcEventChannel> = z.output<(typeof ipcEventSchemas)[C]>;
export type LockReason = IpcEventPayload<'vault:lock-requested'>;

/** Channel name → argument schema. */
export const ipcArgSchemas = {
  'app:info': emptyArgsSchema,
  'files:save-with-dialog': saveFileArgsSchema,
  'folders:pick': emptyArgsSchema,
  'folders:read-file': readFileArgsSchema,
  'folders:write-file': writeFileArgsSchema,
  'folders:list': listFilesArgsSchema,
  'shell:open-external': openExternalArgsSchema,
  'app:storage-status': emptyArgsSchema,
  ...syncFolderArgSchemas,
  ...backupArgSchemas,
} as const;

export type IpcChannel = keyof typeof ipcArgSchemas;

/** Channel name → what main's handler resolves to. */
export interface IpcResults {
  'app:info': AppInfo;
  'files:save-with-dialog': SavedFile;
  'folders:pick': PickedFolder;
  'folders:read-file': Uint8Array;
  'folders:write-file': null;
  'folders:list': FolderEntry[];
  'shell:open-external': null;
  'app:storage-status': StorageStatus;
  'sync-folder:list-inbox': SyncInboxListing;
  'sync-folder:read-inbox': Uint8Array;
  'sync-folder:write-outbox': null;
  /** The name it was archived under (a `-2` suffix when the name was taken). */
  'sync-folder:archive-inbox': string;
  'sync-folder:watch': null;
  'sync-folder:unwatch': null;
  'backups:write': BackupWriteResult;
  /** Newest first. */
  'backups:list': BackupFileInfo[];
  'backups:read': Uint8Array;
  'backups:delete': null;
  'files:open-with-dialog': OpenedFile;
}

export type IpcArgs<C extends IpcChannel> = z.output<(typeof ipcArgSchemas)[C]>;

/** What main implements: one validated handler per channel. */
export type IpcHandlers = {
  [C in IpcChannel]: (args: IpcArgs<C>) => Promise<HostResult<IpcResults[C]>>;
};
