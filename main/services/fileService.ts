import { randomUUID } from 'node:crypto';
import { lstat, mkdir, readdir, readFile as readFileFromDisk, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FolderEntry, PickedFolder } from '../../shared/ipc/contract';
import { fail, ok, type HostErrorCode, type HostResult } from '../../shared/result';
import { errnoCode, errorMessage } from '../util/errnoCode';
import { isTempFileName, nodeAtomicWriteIo, writeAtomically, type AtomicWriteIo } from './atomicWrite';

export interface FileService {
  /** Remembers a folder the user picked; the id is what the renderer gets, never the path. */
  registerFolder(absolutePath: string): Promise<HostResult<PickedFolder>>;
  writeFileAtomic(folderId: string, relativePath: string, data: Uint8Array): Promise<HostResult<null>>;
  readFile(folderId: string, relativePath: string): Promise<HostResult<Uint8Array>>;
  listFiles(folderId: string, relativePath?: string): Promise<HostResult<FolderEntry[]>>;
  /** Atomic write to a path the user chose in a save dialog. */
  saveToPath(absolutePath: string, data: Uint8Array): Promise<HostResult<null>>;
  /** The real path of a picked folder, for other main-side services; never sent to the renderer. */
  folderPath(folderId: string): HostResult<string>;
}

/** An expected failure, carried up to the public method that turns it into a HostResult. */
class RefusedError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * File access for the renderer, confined to folders the user picked in this session. The
 * registry lives in memory only: after a restart the user picks the folder again, so a stale
 * id can never reach a folder the user did not choose today.
 */
export function createFileService(io: AtomicWriteIo = nodeAtomicWriteIo): FileService {
  const folders = new Map<string, string>();

  function folderRoot(folderId: string): string {
    const root = folders.get(folderId);
    if (root === undefined)
      throw new RefusedError('unknown-folder', 'This folder is not open any more; pick it again.');
    return root;
  }

  return {
    registerFolder: (absolutePath) =>
      guard(async () => {
        if (!path.isAbsolute(absolutePath))
          throw new RefusedError('invalid-argument', 'Folder path must be absolute.');
        const root = await realpath(absolutePath);
        if (!(await stat(root)).isDirectory()) throw new RefusedError('not-found', 'Not a folder.');
        const existing = [...folders.entries()].find(([, known]) => known === root);
        const folderId = existing?.[0] ?? randomUUID();
        folders.set(folderId, root);
        return { folderId, displayName: path.basename(root) || root };
      }),

    writeFileAtomic: (folderId, relativePath, data) =>
      guard(async () => {
        const root = folderRoot(folderId);
        const target = lexicallyInside(root, relativePath);
        const parent = await ensureDirectoryInside(root, path.dirname(target));
        await writeAtomically(path.join(parent, path.basename(target)), data, io);
        return null;
      }),

    readFile: (folderId, relativePath) =>
      guard(async () => {
        const root = folderRoot(folderId);
        const real = await realpathInside(root, lexicallyInside(root, relativePath));
        const bytes = await readFileFromDisk(real);
        return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      }),

    listFiles: (folderId, relativePath) =>
      guard(async () => {
        const root = folderRoot(folderId);
        const dir =
          relativePath === undefined ? root : await realpathInside(root, lexicallyInside(root, relativePath));
        return listDirectory(dir);
      }),

    saveToPath: (absolutePath, data) =>
      guard(async () => {
        if (!path.isAbsolute(absolutePath))
          throw new RefusedError('invalid-argument', 'Save path must be absolute.');
        const parent = await realpath(path.dirname(absolutePath));
        await writeAtomically(path.join(parent, path.basename(absolutePath)), data, io);
        return null;
      }),

    folderPath: (folderId) => {
      const root = folders.get(folderId);
      return root === undefined
        ? fail('unknown-folder', 'This folder is not open any more; pick it again.')
        : ok(root);
    },
  };
}

/** Runs an operation, turning refusals and system errors into typed results. */
async function guard<T>(operation: () => Promise<T>): Promise<HostResult<T>> {
  try {
    return ok(await operation());
  } catch (error) {
    if (error instanceof RefusedError) return fail(error.code, error.message);
    const code = errnoCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return fail('not-found', 'File or folder not found.');
    return fail('io-error', errorMessage(error));
  }
}

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root + path.sep);
}

/** The contract already rejects `..`; this re-checks, because main trusts nothing. */
function lexicallyInside(root: string, relativePath: string): string {
  if (relativePath === '' || path.isAbsolute(relativePath) || relativePath.includes('\0')) {
    throw new RefusedError('outside-folder', 'Path must be relative to the folder.');
  }
  const target = path.resolve(root, relativePath);
  if (target === root || !isInside(root, target)) {
    throw new RefusedError('outside-folder', 'Path leaves the chosen folder.');
  }
  return target;
}

/** Follows symlinks and refuses when the real location is outside the folder. */
async function realpathInside(root: string, target: string): Promise<string> {
  const real = await realpath(target);
  if (!isInside(root, real))
    throw new RefusedError('outside-folder', 'Path leads outside the chosen folder.');
  return real;
}

/**
 * Returns the real path of `dir`, creating missing levels. The deepest existing ancestor is
 * checked before mkdir, so a symlinked subfolder cannot make us create directories elsewhere.
 */
async function ensureDirectoryInside(root: string, dir: string): Promise<string> {
  let existing = dir;
  for (;;) {
    try {
      await realpathInside(root, existing);
      break;
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT' || existing === root) throw error;
      existing = path.dirname(existing);
    }
  }
  if (existing !== dir) await mkdir(dir, { recursive: true });
  return realpathInside(root, dir);
}

async function listDirectory(dir: string): Promise<FolderEntry[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const listed: FolderEntry[] = [];
  for (const entry of entries) {
    // Symlinks are not listed: reading through them is refused anyway when they point out.
    if (isTempFileName(entry.name) || !(entry.isFile() || entry.isDirectory())) continue;
    const info = await lstat(path.join(dir, entry.name)).catch(() => null);
    if (info === null) continue; // removed since readdir
    listed.push({
      name: entry.name,
      kind: entry.isDirectory() ? 'directory' : 'file',
      size: entry.isFile() ? info.size : 0,
    });
  }
  return listed.sort((a, b) => a.name.localeCompare(b.name));
}
