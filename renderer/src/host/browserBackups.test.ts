import { describe, expect, it } from 'vitest';
import type { HostResult } from '../../../shared/result';
import { createBrowserBackups, type BackupDirectoryHandle, type BackupFileHandle } from './browserBackups';

const VAULT = '2b1f0c3e-5d4a-4f6b-8c7d-9e0f1a2b3c4d';
const bytes = (text: string) => new TextEncoder().encode(text);

/** An in-memory OPFS folder. */
class FakeFolder implements BackupDirectoryHandle {
  readonly files = new Map<string, Uint8Array>();
  async getFileHandle(name: string, options: { create?: boolean } = {}): Promise<BackupFileHandle> {
    if (!this.files.has(name)) {
      if (!options.create) throw new DOMException(`${name} not found`, 'NotFoundError');
      this.files.set(name, new Uint8Array());
    }
    return {
      getFile: async () => new File([this.files.get(name)! as BlobPart], name),
      createWritable: async () => {
        let written = new Uint8Array();
        return {
          write: async (data: BufferSource) => {
            written = new Uint8Array(data as Uint8Array);
          },
          close: async () => {
            this.files.set(name, written);
          },
        };
      },
    };
  }
  async removeEntry(name: string) {
    if (!this.files.delete(name)) throw new DOMException(`${name} not found`, 'NotFoundError');
  }
  async *values() {
    for (const name of this.files.keys()) yield { kind: 'file' as const, name };
  }
}

function valueOf<T>(result: HostResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}
const codeOf = (result: HostResult<unknown>) => (result.ok ? null : result.error.code);

function backups(
  folder = new FakeFolder(),
  now = new Date('2025-03-12T12:00:00Z'),
  picked: File | null = null,
) {
  return {
    folder,
    api: createBrowserBackups({
      directory: async () => folder,
      now: () => now,
      pickFile: async () => picked,
    }),
  };
}

describe('browser backups', () => {
  it('writes, lists, reads and deletes with the same names as main', async () => {
    const { api, folder } = backups();
    const createdAt = '2025-03-12T09:30:15.000Z';
    const { file } = valueOf(
      await api.writeBackup({ vaultId: VAULT, kind: 'manual', createdAt, data: bytes('b') }),
    );
    expect(file).toEqual({
      name: `pm-${VAULT}-20250312T093015Z-manual.pmbackup`,
      vaultId: VAULT,
      kind: 'manual',
      createdAt,
      size: 1,
    });
    folder.files.set('notes.txt', bytes('x'));
    expect(valueOf(await api.listBackups({ vaultId: VAULT }))).toEqual([file]);
    expect(valueOf(await api.readBackup({ name: file.name }))).toEqual(bytes('b'));
    valueOf(await api.deleteBackup({ name: file.name }));
    expect([...folder.files.keys()]).toEqual(['notes.txt']);
  });

  it('rotates as it writes: 7 daily backups kept of 10 in one week', async () => {
    const folder = new FakeFolder();
    let removed: string[] = [];
    // Monday 3 to Wednesday 12 March 2025, noon UTC.
    for (let day = 3; day <= 12; day++) {
      const at = new Date(Date.UTC(2025, 2, day, 12));
      ({ removed } = valueOf(
        await backups(folder, at).api.writeBackup({
          vaultId: VAULT,
          kind: 'daily',
          createdAt: at.toISOString(),
          data: bytes('b'),
        }),
      ));
    }
    const kept = valueOf(await backups(folder).api.listBackups({ vaultId: VAULT }));
    expect(kept.length).toBeGreaterThanOrEqual(7);
    expect(kept.length).toBeLessThan(10);
    expect(removed.length).toBeGreaterThan(0);
    expect(kept[0]!.createdAt).toBe('2025-03-12T12:00:00.000Z');
  });

  it('refuses names that are not backup names', async () => {
    const { api, folder } = backups();
    folder.files.set('notes.txt', bytes('x'));
    expect(codeOf(await api.readBackup({ name: 'notes.txt' }))).toBe('invalid-argument');
    expect(codeOf(await api.deleteBackup({ name: 'notes.txt' }))).toBe('invalid-argument');
    expect(folder.files.has('notes.txt')).toBe(true);
  });

  it('opens a picked file, refuses one above the limit, and says when nothing was picked', async () => {
    const picked = new File([bytes('backup')], 'from-usb.pmbackup');
    expect(
      valueOf(await backups(undefined, undefined, picked).api.openFileWithDialog({ maxBytes: 100 })),
    ).toEqual({
      name: 'from-usb.pmbackup',
      data: bytes('backup'),
    });
    expect(codeOf(await backups(undefined, undefined, picked).api.openFileWithDialog({ maxBytes: 3 }))).toBe(
      'too-large',
    );
    expect(codeOf(await backups().api.openFileWithDialog({ maxBytes: 3 }))).toBe('cancelled');
  });
});
