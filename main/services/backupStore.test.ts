import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupStoreFileName, type BackupKind } from '../../shared/vault/backupFiles';
import type { AtomicWriteIo } from './atomicWrite';
import { nodeAtomicWriteIo } from './atomicWrite';
import {
  BACKUP_FOLDER_NAME,
  createBackupStore,
  readPickedFile,
  type BackupStoreOptions,
} from './backupStore';

const VAULT = '2b1f0c3e-5d4a-4f6b-8c7d-9e0f1a2b3c4d';
const OTHER_VAULT = '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d';
const bytes = (text: string) => new TextEncoder().encode(text);

let dataPath: string;
let backups: string;

beforeEach(async () => {
  dataPath = await mkdtemp(path.join(os.tmpdir(), 'pm-backups-'));
  backups = path.join(dataPath, BACKUP_FOLDER_NAME);
});

afterEach(async () => {
  await rm(dataPath, { recursive: true, force: true });
});

/** A store whose clock is `now`, for writing a history of backups. */
function storeAt(now: Date, options: BackupStoreOptions = {}) {
  return createBackupStore(dataPath, { now: () => now, ...options });
}

const write = (
  at: Date,
  kind: BackupKind = 'daily',
  vaultId = VAULT,
  data = bytes(`backup ${at.toISOString()}`),
) => storeAt(at).write({ vaultId, kind, createdAt: at.toISOString(), data });

/** Local time, so day and week boundaries are the machine's as in the rotation. */
const local = (y: number, m: number, d: number, h = 10) => new Date(y, m - 1, d, h);

describe('backup store', () => {
  it('writes a named file in <userData>/backups, readable by owner only, and lists it', async () => {
    const at = new Date('2025-03-12T09:30:15.250Z');
    const { file, removed } = await write(at, 'manual');
    expect(file).toEqual({
      name: `pm-${VAULT}-20250312T093015Z-manual.pmbackup`,
      vaultId: VAULT,
      kind: 'manual',
      createdAt: '2025-03-12T09:30:15.000Z',
      size: file.size,
    });
    expect(removed).toEqual([]);
    expect(await readdir(backups)).toEqual([file.name]);
    if (process.platform !== 'win32') {
      expect((await stat(path.join(backups, file.name))).mode & 0o777).toBe(0o600);
      expect((await stat(backups)).mode & 0o777).toBe(0o700);
    }
    const store = storeAt(at);
    expect(await store.list(VAULT)).toEqual([file]);
    expect(new TextDecoder().decode(await store.read(file.name))).toBe(`backup ${at.toISOString()}`);
  });

  it('lists newest first, per vault, and leaves out files that are not backups', async () => {
    const first = (await write(new Date('2025-03-10T08:00:00Z'))).file;
    const second = (await write(new Date('2025-03-11T08:00:00Z'), 'pre-migration')).file;
    const other = (await write(new Date('2025-03-11T09:00:00Z'), 'daily', OTHER_VAULT)).file;
    await writeFile(path.join(backups, 'notes.txt'), 'x');
    await writeFile(path.join(backups, `pm-${VAULT}-20250399T080000Z-daily.pmbackup`), 'bad date');
    await mkdir(path.join(backups, `pm-${VAULT}-20250312T080000Z-daily.pmbackup`));
    const store = storeAt(new Date('2025-03-12T00:00:00Z'));
    expect((await store.list(VAULT)).map((f) => f.name)).toEqual([second.name, first.name]);
    expect((await store.list()).map((f) => f.name)).toEqual([other.name, second.name, first.name]);
  });

  it('lists nothing before the first backup', async () => {
    expect(await storeAt(new Date()).list(VAULT)).toEqual([]);
  });

  it('keeps 7 daily and 4 weekly backups, and deletes the rest as it writes', async () => {
    // One daily backup a day for 60 days, ending Wednesday 12 March 2025.
    let lastRemoved: string[] = [];
    for (let i = 59; i >= 0; i--) {
      const at = local(2025, 3, 12 - i);
      lastRemoved = (await write(at)).removed;
    }
    const kept = await storeAt(local(2025, 3, 12)).list(VAULT);
    const days = kept.map((f) => new Date(f.createdAt)).map((d) => `${d.getMonth() + 1}-${d.getDate()}`);
    expect(days).toEqual(['3-12', '3-11', '3-10', '3-9', '3-8', '3-7', '3-6', '3-2', '2-23']);
    expect(lastRemoved).toHaveLength(1);
    expect(await readdir(backups)).toHaveLength(9);
  });

  it('rotates each vault on its own', async () => {
    for (let i = 0; i < 10; i++) await write(local(2025, 3, 1 + i), 'daily', OTHER_VAULT);
    await write(local(2025, 3, 11));
    expect(await storeAt(local(2025, 3, 11)).list(VAULT)).toHaveLength(1);
    expect((await storeAt(local(2025, 3, 11)).list(OTHER_VAULT)).length).toBeLessThan(10);
  });

  it('keeps safety copies for 30 days, and the newest of each kind whatever its age', async () => {
    const old = (await write(local(2025, 1, 1), 'pre-migration')).file;
    const older = (await write(local(2024, 12, 1), 'pre-update')).file;
    const recent = (await write(local(2025, 1, 20), 'pre-migration')).file;
    const now = local(2025, 3, 1);
    const { removed } = await storeAt(now).write({
      vaultId: VAULT,
      kind: 'daily',
      createdAt: now.toISOString(),
      data: bytes('x'),
    });
    expect(removed).toEqual([old.name]);
    const names = (await storeAt(now).list(VAULT)).map((f) => f.name);
    expect(names).toContain(recent.name);
    expect(names).toContain(older.name); // the only pre-update backup
  });

  it('refuses names that are not backup names without touching the disk', async () => {
    await write(new Date('2025-03-10T08:00:00Z'));
    await writeFile(path.join(dataPath, 'secret.txt'), 'not a backup');
    const store = storeAt(new Date());
    for (const name of ['../secret.txt', `../${BACKUP_FOLDER_NAME}/x.pmbackup`, 'secret.txt', '']) {
      await expect(store.read(name)).rejects.toMatchObject({ code: 'invalid-argument' });
      await expect(store.delete(name)).rejects.toMatchObject({ code: 'invalid-argument' });
    }
    expect(await readFile(path.join(dataPath, 'secret.txt'), 'utf8')).toBe('not a backup');
  });

  it('does not follow a symlink with a backup name', async () => {
    await mkdir(backups, { recursive: true });
    await writeFile(path.join(dataPath, 'secret.txt'), 'not a backup');
    const name = backupStoreFileName(VAULT, new Date('2025-03-10T08:00:00Z'), 'daily');
    await symlink(path.join(dataPath, 'secret.txt'), path.join(backups, name));
    const store = storeAt(new Date());
    await expect(store.read(name)).rejects.toMatchObject({ code: 'not-found' });
    expect(await store.list(VAULT)).toEqual([]);
  });

  it('deletes one backup by name', async () => {
    const { file } = await write(new Date('2025-03-10T08:00:00Z'));
    const store = storeAt(new Date());
    await store.delete(file.name);
    expect(await store.list(VAULT)).toEqual([]);
    await expect(store.delete(file.name)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a vault id that is not a UUID', async () => {
    await expect(
      storeAt(new Date()).write({
        vaultId: '../x',
        kind: 'daily',
        createdAt: new Date().toISOString(),
        data: bytes('x'),
      }),
    ).rejects.toMatchObject({ code: 'invalid-argument' });
    expect(await readdir(dataPath)).toEqual([]);
  });

  it('leaves the previous backup whole and no temp file when a write fails', async () => {
    const at = new Date('2025-03-10T08:00:00Z');
    const { file } = await write(at, 'manual', VAULT, bytes('first'));
    const failing: AtomicWriteIo = {
      ...nodeAtomicWriteIo,
      rename: () => Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' })),
    };
    await expect(
      storeAt(at, { io: failing }).write({
        vaultId: VAULT,
        kind: 'manual',
        createdAt: at.toISOString(),
        data: bytes('second'),
      }),
    ).rejects.toThrow('disk full');
    expect(await readdir(backups)).toEqual([file.name]);
    expect(new TextDecoder().decode(await readFile(path.join(backups, file.name)))).toBe('first');
  });
});

describe('readPickedFile', () => {
  it('reads a picked file with its name', async () => {
    const file = path.join(dataPath, 'laptop-1.pmbackup');
    await writeFile(file, bytes('backup'));
    expect(await readPickedFile(file, 100)).toEqual({ name: 'laptop-1.pmbackup', data: bytes('backup') });
  });

  it('refuses a file above the limit before reading it, and a folder', async () => {
    const file = path.join(dataPath, 'video.mp4');
    await writeFile(file, new Uint8Array(101));
    await expect(readPickedFile(file, 100)).rejects.toMatchObject({ code: 'too-large' });
    await expect(readPickedFile(dataPath, 100)).rejects.toMatchObject({ code: 'not-found' });
  });
});
