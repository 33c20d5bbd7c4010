import { randomUUID } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Suffix of in-flight temp files; listFiles hides them. */
export const TEMP_FILE_SUFFIX = '.pm-tmp';

export function isTempFileName(name: string): boolean {
  return name.startsWith('.') && name.endsWith(TEMP_FILE_SUFFIX);
}

/** The disk operations of an atomic write, injectable so tests can make any step fail. */
export interface AtomicWriteIo {
  /** Creates `tempPath` (must not exist), writes all bytes and fsyncs before resolving. */
  writeDurably(tempPath: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(filePath: string): Promise<void>;
  /** Makes the rename itself durable; best effort. */
  syncDirectory(dirPath: string): Promise<void>;
}

export const nodeAtomicWriteIo: AtomicWriteIo = {
  async writeDurably(tempPath, data) {
    // 0o600: the files hold personal data of vulnerable people; other local users get nothing.
    const handle = await open(tempPath, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename,
  unlink,
  async syncDirectory(dirPath) {
    try {
      const handle = await open(dirPath, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      // Windows cannot open or fsync a directory; the rename is still atomic there.
    }
  },
};

/**
 * Writes `data` to `targetPath` so that readers see either the old content or the new, never
 * a torn file: write a temp file in the same directory (same filesystem, so rename is atomic),
 * fsync it, then rename over the target. On failure the temp file is removed and the error
 * rethrown; the target is untouched.
 */
export async function writeAtomically(
  targetPath: string,
  data: Uint8Array,
  io: AtomicWriteIo = nodeAtomicWriteIo,
): Promise<void> {
  const dir = path.dirname(targetPath);
  const tempPath = path.join(dir, `.${path.basename(targetPath)}.${randomUUID()}${TEMP_FILE_SUFFIX}`);
  try {
    await io.writeDurably(tempPath, data);
    await io.rename(tempPath, targetPath);
  } catch (error) {
    await io.unlink(tempPath).catch(() => {});
    throw error;
  }
  await io.syncDirectory(dir);
}
