import { z } from 'zod';
import type { HostResult } from '../result';

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
}

export type IpcArgs<C extends IpcChannel> = z.output<(typeof ipcArgSchemas)[C]>;

/** What main implements: one validated handler per channel. */
export type IpcHandlers = {
  [C in IpcChannel]: (args: IpcArgs<C>) => Promise<HostResult<IpcResults[C]>>;
};
