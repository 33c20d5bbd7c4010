import type { HostApi } from '../../../shared/host/hostApi';
import type { FolderEntry } from '../../../shared/ipc/contract';
import { fail, ok, type HostResult } from '../../../shared/result';
import { createBrowserBackups } from './browserBackups';
import { createBrowserSyncFolder } from './browserSyncFolder';

/**
 * The host API for a plain browser: files are saved as downloads and folders come from the
 * File System Access API where the browser has it. Folder handles live only in memory, so
 * a folder must be picked again after a reload, like a permission.
 */
interface DirectoryHandle {
  name: string;
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<DirectoryHandle>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandleLike>;
  values(): AsyncIterable<{ kind: 'file' | 'directory'; name: string; getFile?: () => Promise<File> }>;
  removeEntry(name: string): Promise<void>;
}
interface FileHandleLike {
  getFile(): Promise<File>;
  createWritable(): Promise<{ write(data: BufferSource): Promise<void>; close(): Promise<void> }>;
}
type WindowWithPicker = Window & { showDirectoryPicker?: (o?: { mode: 'readwrite' }) => Promise<DirectoryHandle> };

const folders = new Map<string, DirectoryHandle>();

async function resolveDir(folderId: string, segments: string[], create: boolean): Promise<HostResult<DirectoryHandle>> {
  let dir = folders.get(folderId);
  if (!dir) return fail('unknown-folder', 'This folder was not picked in this session.');
  for (const segment of segments) dir = await dir.getDirectoryHandle(segment, { create });
  return ok(dir);
}

function splitPath(relativePath: string): { dirs: string[]; file: string } {
  const parts = relativePath.split('/');
  return { dirs: parts.slice(0, -1), file: parts[parts.length - 1] ?? '' };
}

async function guard<T>(work: () => Promise<HostResult<T>>): Promise<HostResult<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return fail('cancelled', 'Cancelled.');
    if (error instanceof DOMException && error.name === 'NotFoundError') return fail('not-found', error.message);
    return fail('io-error', error instanceof Error ? error.message : String(error));
  }
}

export function createBrowserHost(appVersion: string): HostApi {
  // Polls instead of watching: see browserSyncFolder.ts.
  const syncFolder = createBrowserSyncFolder({
    resolveFolder: (folderId) => {
      const handle = folders.get(folderId);
      return handle ? ok(handle) : fail('unknown-folder', 'This folder was not picked in this session.');
    },
  });
  return {
    ...syncFolder,
    // Backups in the origin private file system: see browserBackups.ts.
    ...createBrowserBackups(),
    async appInfo() {
      return ok({
        name: 'Protection Monitor',
        version: appVersion,
        platform: navigator.platform,
        host: 'browser' as const,
        systemLocales: [...navigator.languages],
      });
    },

    async saveFileWithDialog({ suggestedName, data }) {
      const url = URL.createObjectURL(new Blob([data as BlobPart]));
      try {
        const link = document.createElement('a');
        link.href = url;
        link.download = suggestedName;
        link.rel = 'noopener';
        document.body.append(link);
        link.click();
        link.remove();
      } finally {
        // Let the download start before the object URL goes away.
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      }
      return ok({ location: suggestedName });
    },

    pickFolder: () =>
      guard(async () => {
        const picker = (window as WindowWithPicker).showDirectoryPicker;
        if (!picker) return fail('unsupported', 'This browser cannot open folders.');
        const handle = await picker({ mode: 'readwrite' });
        const folderId = crypto.randomUUID();
        folders.set(folderId, handle);
        return ok({ folderId, displayName: handle.name });
      }),

    readFile: ({ folderId, relativePath }) =>
      guard(async () => {
        const { dirs, file } = splitPath(relativePath);
        const dir = await resolveDir(folderId, dirs, false);
        if (!dir.ok) return dir;
        const blob = await (await dir.value.getFileHandle(file)).getFile();
        return ok(new Uint8Array(await blob.arrayBuffer()));
      }),

    writeFile: ({ folderId, relativePath, data }) =>
      guard(async () => {
        const { dirs, file } = splitPath(relativePath);
        const dir = await resolveDir(folderId, dirs, true);
        if (!dir.ok) return dir;
        // createWritable writes to a swap file and replaces the target on close: atomic enough.
        const writable = await (await dir.value.getFileHandle(file, { create: true })).createWritable();
        await writable.write(data as BufferSource);
        await writable.close();
        return ok(null);
      }),

    listFiles: ({ folderId, relativePath }) =>
      guard(async () => {
        const dir = await resolveDir(folderId, relativePath ? relativePath.split('/') : [], false);
        if (!dir.ok) return dir;
        const entries: FolderEntry[] = [];
        for await (const entry of dir.value.values()) {
          const size = entry.kind === 'file' && entry.getFile ? (await entry.getFile()).size : 0;
          entries.push({ name: entry.name, kind: entry.kind, size });
        }
        return ok(entries);
      }),

    async storageStatus() {
      const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
      const quota = estimate?.quota;
      if (quota === undefined) return ok({ freeBytes: null, totalBytes: null });
      // A browser does not show the disk: what its quota still leaves to this app is the limit
      // that matters, and the quota already shrinks with the disk's free space.
      return ok({ freeBytes: Math.max(0, quota - (estimate?.usage ?? 0)), totalBytes: quota });
    },

    // A browser tells a page neither about suspend nor about the screen locking; the idle
    // timer still locks the vault.
    onLockRequested: () => () => undefined,

    async openExternal({ url }) {
      if (new URL(url).protocol !== 'https:') return fail('invalid-argument', 'Only https links open.');
      window.open(url, '_blank', 'noopener,noreferrer');
      return ok(null);
    },
  };
}
