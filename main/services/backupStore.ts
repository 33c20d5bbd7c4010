import { lstat, mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { BackupWriteResult, WriteBackupArgs } from '../../shared/ipc/contract';
import type { HostErrorCode } from '../../shared/result';
import {
  backupStoreFileName,
  backupsToRemove,
  MAX_BACKUP_BYTES,
  parseBackupStoreFileName,
  sortBackupsNewestFirst,
  type BackupFileInfo,
} from '../../shared/vault/backupFiles';
import type { RotationPolicy } from '../../shared/vault/backupRotation';
import { errnoCode } from '../util/errnoCode';
import { nodeAtomicWriteIo, writeAtomically, type AtomicWriteIo } from './atomicWrite';

/** The folder inside userData; the renderer never learns its path. */
export const BACKUP_FOLDER_NAME = 'backups';

/** An expected refusal; the handler turns it into a HostResult with this code. */
export class BackupStoreRefusal extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BackupStoreRefusal';
  }
}

export interface BackupStoreOptions {
  now?: () => Date;
  io?: AtomicWriteIo;
  policy?: RotationPolicy;
}

export interface BackupStore {
  write(args: WriteBackupArgs): Promise<BackupWriteResult>;
  /** Newest first; files whose names are not backup names are not listed (and never deleted). */
  list(vaultId?: string): Promise<BackupFileInfo[]>;
  read(name: string): Promise<Uint8Array>;
  delete(name: string): Promise<void>;
  /** Deletes what the rotation no longer keeps for this vault; returns the names deleted. */
  rotate(vaultId: string): Promise<string[]>;
}

/**
 * The automatic and manual backups, one file each in `<dataPath>/backups/` (0700; files 0600,
 * written atomically). Names are built and checked by shared/vault/backupFiles.ts: a name that
 * is not a backup name (a path, `..`, another file) is refused before the disk is touched, and
 * symlinks are never followed.
 */
export function createBackupStore(dataPath: string, options: BackupStoreOptions = {}): BackupStore {
  const root = path.join(dataPath, BACKUP_FOLDER_NAME);
  const now = options.now ?? (() => new Date());
  const io = options.io ?? nodeAtomicWriteIo;

  function fileFor(name: string): string {
    if (parseBackupStoreFileName(name) === null || path.basename(name) !== name) {
      throw new BackupStoreRefusal('invalid-argument', 'Not the name of a backup file.');
    }
    return path.join(root, name);
  }

  /** The file's size, or a refusal when the name is not a plain file (a symlink, a folder). */
  async function regularFileSize(file: string): Promise<number> {
    const info = await lstat(file);
    if (!info.isFile()) throw new BackupStoreRefusal('not-found', 'Backup file not found.');
    return info.size;
  }

  async function list(vaultId?: string): Promise<BackupFileInfo[]> {
    let names: string[];
    try {
      names = await readdir(root);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return [];
      throw error;
    }
    const wanted = vaultId?.toLowerCase();
    const files: BackupFileInfo[] = [];
    for (const name of names) {
      const parsed = parseBackupStoreFileName(name);
      if (parsed === null || (wanted !== undefined && parsed.vaultId !== wanted)) continue;
      const size = await regularFileSize(path.join(root, name)).catch(() => null);
      if (size === null) continue; // removed since readdir, or not a plain file
      files.push({
        name,
        vaultId: parsed.vaultId,
        kind: parsed.kind,
        createdAt: parsed.createdAt.toISOString(),
        size,
      });
    }
    return sortBackupsNewestFirst(files);
  }

  async function rotate(vaultId: string): Promise<string[]> {
    const removed: string[] = [];
    for (const file of backupsToRemove(await list(vaultId), now(), options.policy)) {
      try {
        await unlink(path.join(root, file.name));
        removed.push(file.name);
      } catch (error) {
        if (errnoCode(error) !== 'ENOENT') throw error;
      }
    }
    return removed;
  }

  return {
    list,
    rotate,

    async write({ vaultId, kind, createdAt, data }) {
      if (data.byteLength > MAX_BACKUP_BYTES)
        throw new BackupStoreRefusal('too-large', 'Backup is too large.');
      let name: string;
      try {
        name = backupStoreFileName(vaultId, new Date(createdAt), kind);
      } catch {
        throw new BackupStoreRefusal('invalid-argument', 'Invalid vault id, kind or date for a backup.');
      }
      await mkdir(root, { recursive: true, mode: 0o700 });
      await writeAtomically(fileFor(name), data, io);
      const parsed = parseBackupStoreFileName(name)!;
      const file: BackupFileInfo = {
        name,
        vaultId: parsed.vaultId,
        kind,
        createdAt: parsed.createdAt.toISOString(),
        size: data.byteLength,
      };
      return { file, removed: await rotate(parsed.vaultId) };
    },

    async read(name) {
      const file = fileFor(name);
      await regularFileSize(file);
      const bytes = await readFile(file);
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },

    async delete(name) {
      const file = fileFor(name);
      await regularFileSize(file);
      await unlink(file);
    },
  };
}

/**
 * Reads a file the user picked in an open dialog, refusing (`too-large`) before reading when it
 * is bigger than `maxBytes`, so a mistaken pick of a video does not fill the memory.
 */
export async function readPickedFile(
  filePath: string,
  maxBytes: number,
): Promise<{ name: string; data: Uint8Array }> {
  // stat, not lstat: the user chose this path, a link included.
  const info = await stat(filePath);
  if (!info.isFile()) throw new BackupStoreRefusal('not-found', 'Not a file.');
  if (info.size > maxBytes) throw new BackupStoreRefusal('too-large', 'The file is too large.');
  const bytes = await readFile(filePath);
  if (bytes.byteLength > maxBytes) throw new BackupStoreRefusal('too-large', 'The file is too large.');
  return {
    name: path.basename(filePath),
    data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  };
}
