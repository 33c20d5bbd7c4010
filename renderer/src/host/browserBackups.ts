import type { HostApi } from '../../../shared/host/hostApi';
import { fail, ok, type HostResult } from '../../../shared/result';
import {
  backupStoreFileName,
  backupsToRemove,
  MAX_BACKUP_BYTES,
  parseBackupStoreFileName,
  sortBackupsNewestFirst,
  type BackupFileInfo,
} from '../../../shared/vault/backupFiles';

/**
 * Backups in a plain browser: files in the origin private file system (OPFS,
 * `navigator.storage.getDirectory()`), in a `backups` folder, named and rotated exactly as main
 * does (shared/vault/backupFiles.ts). OPFS lives with the site's other storage, so clearing
 * site data clears the backups too: "Back up to file…" is what survives that.
 *
 * "Restore from file" uses a hidden `<input type="file">`, which every browser has (and which
 * end-to-end tests can answer), rather than `showOpenFilePicker`.
 */
export interface BackupDirectoryHandle {
  getFileHandle(name: string, options?: { create?: boolean }): Promise<BackupFileHandle>;
  removeEntry(name: string): Promise<void>;
  values(): AsyncIterable<{ kind: 'file' | 'directory'; name: string }>;
}

export interface BackupFileHandle {
  getFile(): Promise<File>;
  createWritable(): Promise<{ write(data: BufferSource): Promise<void>; close(): Promise<void> }>;
}

export interface BrowserBackupOptions {
  /** The `backups` folder; defaults to OPFS. */
  directory?: () => Promise<BackupDirectoryHandle>;
  /** Asks the user for one file; defaults to a hidden file input. Resolves to null when cancelled. */
  pickFile?: (accept: string) => Promise<File | null>;
  now?: () => Date;
}

type BackupMethods = Pick<
  HostApi,
  'writeBackup' | 'listBackups' | 'readBackup' | 'deleteBackup' | 'openFileWithDialog'
>;

interface OpfsStorage {
  getDirectory(): Promise<{
    getDirectoryHandle(name: string, o: { create: boolean }): Promise<BackupDirectoryHandle>;
  }>;
}

async function opfsBackupFolder(): Promise<BackupDirectoryHandle> {
  const storage = navigator.storage as unknown as Partial<OpfsStorage> | undefined;
  if (!storage?.getDirectory) throw new DOMException('No origin private file system', 'NotSupportedError');
  const root = await storage.getDirectory();
  return root.getDirectoryHandle('backups', { create: true });
}

/** A hidden file input, clicked; `cancel` fires when the dialog is closed without a file. */
function pickWithInput(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.hidden = true;
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

async function guard<T>(work: () => Promise<HostResult<T>>): Promise<HostResult<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotFoundError')
      return fail('not-found', error.message);
    if (error instanceof DOMException && error.name === 'NotSupportedError')
      return fail('unsupported', error.message);
    return fail('io-error', error instanceof Error ? error.message : String(error));
  }
}

const notABackupName = () => fail<never>('invalid-argument', 'Not the name of a backup file.');

export function createBrowserBackups(options: BrowserBackupOptions = {}): BackupMethods {
  const directory = options.directory ?? opfsBackupFolder;
  const pickFile = options.pickFile ?? pickWithInput;
  const now = options.now ?? (() => new Date());

  async function list(dir: BackupDirectoryHandle, vaultId?: string): Promise<BackupFileInfo[]> {
    const wanted = vaultId?.toLowerCase();
    const files: BackupFileInfo[] = [];
    for await (const entry of dir.values()) {
      const parsed = entry.kind === 'file' ? parseBackupStoreFileName(entry.name) : null;
      if (parsed === null || (wanted !== undefined && parsed.vaultId !== wanted)) continue;
      const size = (await (await dir.getFileHandle(entry.name)).getFile()).size;
      files.push({
        name: entry.name,
        vaultId: parsed.vaultId,
        kind: parsed.kind,
        createdAt: parsed.createdAt.toISOString(),
        size,
      });
    }
    return sortBackupsNewestFirst(files);
  }

  return {
    writeBackup: ({ vaultId, kind, createdAt, data }) =>
      guard(async () => {
        if (data.byteLength > MAX_BACKUP_BYTES) return fail('too-large', 'Backup is too large.');
        let name: string;
        try {
          name = backupStoreFileName(vaultId, new Date(createdAt), kind);
        } catch {
          return fail('invalid-argument', 'Invalid vault id, kind or date for a backup.');
        }
        const dir = await directory();
        // createWritable writes to a swap file and replaces the target on close: atomic.
        const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
        await writable.write(data as BufferSource);
        await writable.close();
        const parsed = parseBackupStoreFileName(name)!;
        const removed: string[] = [];
        for (const file of backupsToRemove(await list(dir, parsed.vaultId), now())) {
          await dir.removeEntry(file.name);
          removed.push(file.name);
        }
        const file = {
          name,
          vaultId: parsed.vaultId,
          kind,
          createdAt: parsed.createdAt.toISOString(),
          size: data.byteLength,
        };
        return ok({ file, removed });
      }),

    listBackups: ({ vaultId }) => guard(async () => ok(await list(await directory(), vaultId))),

    readBackup: ({ name }) =>
      guard(async () => {
        if (parseBackupStoreFileName(name) === null) return notABackupName();
        const file = await (await (await directory()).getFileHandle(name)).getFile();
        return ok(new Uint8Array(await file.arrayBuffer()));
      }),

    deleteBackup: ({ name }) =>
      guard(async () => {
        if (parseBackupStoreFileName(name) === null) return notABackupName();
        await (await directory()).removeEntry(name);
        return ok(null);
      }),

    openFileWithDialog: ({ filters = [], maxBytes }) =>
      guard(async () => {
        const accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
        const file = await pickFile(accept);
        if (file === null) return fail('cancelled', 'No file chosen.');
        if (file.size > maxBytes) return fail('too-large', 'The file is too large.');
        return ok({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) });
      }),
  };
}
