import { beforeAll, describe, expect, it } from 'vitest';
import type { SyncInboxReadyEvent } from '../../../shared/ipc/contract';
import { fail, ok, type HostResult } from '../../../shared/result';
import { makeBundleFile, makeSyncParties } from '../../../shared/sync/testing/syncFolderFiles';
import { createBrowserSyncFolder, type SyncDirectoryHandle, type SyncFileHandle } from './browserSyncFolder';

const notFound = (name: string) => new DOMException(`${name} not found`, 'NotFoundError');

/** An in-memory folder with the File System Access API's shape. */
class FakeFile implements SyncFileHandle {
  bytes = new Uint8Array();
  lastModified = 1_000;
  constructor(readonly name: string) {}
  async getFile() {
    return new File([this.bytes], this.name, { lastModified: this.lastModified });
  }
  async createWritable() {
    let written = new Uint8Array();
    return {
      write: async (data: BufferSource) => {
        written = new Uint8Array(
          ArrayBuffer.isView(data)
            ? data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)
            : data,
        );
      },
      close: async () => {
        this.bytes = written;
        this.lastModified += 1;
      },
    };
  }
  /** Grows the file in place, as a sync client writing it would. */
  append(more: Uint8Array) {
    const next = new Uint8Array(this.bytes.length + more.length);
    next.set(this.bytes);
    next.set(more, this.bytes.length);
    this.bytes = next;
    this.lastModified += 1;
  }
}

class FakeDirectory implements SyncDirectoryHandle {
  readonly dirs = new Map<string, FakeDirectory>();
  readonly files = new Map<string, FakeFile>();
  async getDirectoryHandle(name: string, options: { create?: boolean } = {}) {
    let dir = this.dirs.get(name);
    if (dir === undefined) {
      if (!options.create) throw notFound(name);
      dir = new FakeDirectory();
      this.dirs.set(name, dir);
    }
    return dir;
  }
  async getFileHandle(name: string, options: { create?: boolean } = {}) {
    let file = this.files.get(name);
    if (file === undefined) {
      if (!options.create) throw notFound(name);
      file = new FakeFile(name);
      this.files.set(name, file);
    }
    return file;
  }
  async removeEntry(name: string) {
    if (!this.files.delete(name) && !this.dirs.delete(name)) throw notFound(name);
  }
  async *values() {
    for (const name of this.dirs.keys()) yield { kind: 'directory' as const, name };
    for (const name of this.files.keys()) yield { kind: 'file' as const, name };
  }
  put(name: string, bytes: Uint8Array): FakeFile {
    const file = new FakeFile(name);
    file.bytes = new Uint8Array(bytes); // a copy, as a file system would hold
    this.files.set(name, file);
    return file;
  }
}

const folderId = '3f1c2b8e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const DEVICE_ID = 'dev-field-1';
const hq = { folderId, role: 'hq' } as const;
const field = { folderId, role: 'field', deviceId: DEVICE_ID } as const;
let bundle: { name: string; bytes: Uint8Array<ArrayBuffer> };

beforeAll(async () => {
  bundle = await makeBundleFile(await makeSyncParties(), { seq: 1, attachmentBytes: 1_000 });
}, 60_000);

function setup(options: { during?: () => void; pollMs?: number; settleMs?: number } = {}) {
  const root = new FakeDirectory();
  // HQ's inbox, where most tests put a device's bundle.
  const inbox = new FakeDirectory();
  root.dirs.set('to-hq', inbox);
  let now = 0;
  const sync = createBrowserSyncFolder({
    resolveFolder: (id): HostResult<SyncDirectoryHandle> =>
      id === folderId ? ok(root) : fail('unknown-folder', 'not picked'),
    settleMs: options.settleMs ?? 500,
    pollMs: options.pollMs,
    clock: {
      now: () => now,
      sleep: async (ms) => {
        now += ms;
        options.during?.();
      },
    },
  });
  return { root, inbox, sync };
}

describe('browser sync folder', () => {
  it('lists a whole bundle once settled and skips names still in transit', async () => {
    const { inbox, sync } = setup();
    inbox.put(bundle.name, bundle.bytes);
    for (const name of [
      `${bundle.name}.crswap`,
      `.syncthing.${bundle.name}.tmp`,
      `~$${bundle.name}`,
      'notes.txt',
    ]) {
      inbox.put(name, bundle.bytes);
    }
    expect(await sync.listSyncInbox(hq)).toEqual(
      ok({
        ready: [
          { name: bundle.name, kind: 'bundle', size: bundle.bytes.length, modifiedAt: expect.any(String) },
        ],
        waiting: [],
      }),
    );
  });

  it('keeps a growing file and a truncated bundle waiting', async () => {
    const writer: { file?: FakeFile } = {};
    const { inbox, sync } = setup({ during: () => writer.file?.append(new Uint8Array([1, 2, 3])) });
    writer.file = inbox.put('grows.pmbundle', new Uint8Array([9]));
    inbox.put(bundle.name, bundle.bytes.subarray(0, 700));
    expect(await sync.listSyncInbox(hq)).toEqual(
      ok({ ready: [], waiting: [bundle.name, 'grows.pmbundle'].sort() }),
    );
    const read = await sync.readSyncInboxFile({ ...hq, name: bundle.name });
    expect(read.ok ? 'ok' : read.error.code).toBe('io-error');
  });

  it('reads whole files and refuses other names', async () => {
    const { inbox, sync } = setup();
    inbox.put(bundle.name, bundle.bytes);
    expect(await sync.readSyncInboxFile({ ...hq, name: bundle.name })).toEqual(ok(bundle.bytes));
    for (const name of ['../from-hq/a.pmbundle', 'a.txt', '.a.pmbundle', 'pm-ack-dev-field-1.pmack']) {
      const result = await sync.readSyncInboxFile({ ...hq, name });
      expect(result.ok ? 'ok' : result.error.code).toBe('invalid-argument');
    }
    const other = await sync.listSyncInbox({ ...hq, folderId: '00000000-0000-4000-8000-000000000000' });
    expect(other.ok ? 'ok' : other.error.code).toBe('unknown-folder');
  });

  it("writes to the side's outbox, made on first use", async () => {
    const { root, sync } = setup();
    root.dirs.delete('to-hq');
    expect(
      await sync.writeSyncOutboxFile({ folderId, role: 'field', name: bundle.name, data: bundle.bytes }),
    ).toEqual(ok(null));
    expect(root.dirs.get('to-hq')?.files.get(bundle.name)?.bytes).toEqual(bundle.bytes);
    expect(
      await sync.writeSyncOutboxFile({ folderId, role: 'hq', name: 'pm-ack-x.pmack', data: bundle.bytes }),
    ).toEqual(ok(null));
    expect([...root.dirs.keys()].sort()).toEqual(['from-hq', 'to-hq']);
    expect([...root.dirs.get('from-hq')!.files.keys()]).toEqual(['pm-ack-x.pmack']);
  });

  it('lets a field side and HQ on the same folder exchange a bundle and an acknowledgement', async () => {
    const { root, sync } = setup({ settleMs: 0 });
    root.dirs.delete('to-hq');
    const ack = `pm-ack-${DEVICE_ID}.pmack`;
    const names = (listing: Awaited<ReturnType<typeof sync.listSyncInbox>>) =>
      listing.ok ? listing.value.ready.map((f) => f.name) : listing.error.code;

    await sync.writeSyncOutboxFile({ folderId, role: 'field', name: bundle.name, data: bundle.bytes });
    expect(names(await sync.listSyncInbox(field))).toEqual([]);
    expect(names(await sync.listSyncInbox(hq))).toEqual([bundle.name]);
    expect(await sync.readSyncInboxFile({ ...hq, name: bundle.name })).toEqual(ok(bundle.bytes));
    expect(await sync.archiveSyncInboxFile({ ...hq, name: bundle.name })).toEqual(ok(bundle.name));

    await sync.writeSyncOutboxFile({ ...hq, name: ack, data: new Uint8Array([1]) });
    await sync.writeSyncOutboxFile({ ...hq, name: 'pm-ack-dev-field-2.pmack', data: new Uint8Array([2]) });
    expect(names(await sync.listSyncInbox(hq))).toEqual([]);
    expect(names(await sync.listSyncInbox(field))).toEqual([ack]);
    const other = await sync.archiveSyncInboxFile({ ...field, name: 'pm-ack-dev-field-2.pmack' });
    expect(other.ok ? 'ok' : other.error.code).toBe('invalid-argument');
    expect(await sync.archiveSyncInboxFile({ ...field, name: ack })).toEqual(ok(ack));

    const fromHq = root.dirs.get('from-hq')!;
    expect([...fromHq.files.keys()]).toEqual(['pm-ack-dev-field-2.pmack']);
    expect([...fromHq.dirs.get('processed')!.files.keys()]).toEqual([ack]);
    expect([...root.dirs.get('to-hq')!.dirs.get('processed')!.files.keys()]).toEqual([bundle.name]);
  });

  it('archives by copy and remove where the browser cannot move, never overwriting', async () => {
    const { inbox, sync } = setup();
    inbox.put('a.pmbundle', new Uint8Array([1]));
    expect(await sync.archiveSyncInboxFile({ ...hq, name: 'a.pmbundle' })).toEqual(ok('a.pmbundle'));
    inbox.put('a.pmbundle', new Uint8Array([2]));
    expect(await sync.archiveSyncInboxFile({ ...hq, name: 'a.pmbundle', disposition: 'imported' })).toEqual(
      ok('a-2.pmbundle'),
    );
    const processed = inbox.dirs.get('processed')!;
    expect([...processed.files.keys()].sort()).toEqual(['a-2.pmbundle', 'a.pmbundle']);
    expect(processed.files.get('a.pmbundle')?.bytes).toEqual(new Uint8Array([1]));
    expect(inbox.files.has('a.pmbundle')).toBe(false);
  });

  it('uses move where the browser has it', async () => {
    const { root, sync } = setup();
    const fromHq = new FakeDirectory();
    root.dirs.set('from-hq', fromHq);
    const ack = `pm-ack-${DEVICE_ID}.pmack`;
    const file = fromHq.put(ack, new Uint8Array([1]));
    const moves: string[] = [];
    Object.assign(file, {
      move: async (destination: FakeDirectory, name: string) => {
        moves.push(name);
        destination.files.set(name, file);
        fromHq.files.delete(ack);
      },
    });
    expect(await sync.archiveSyncInboxFile({ ...field, name: ack, disposition: 'rejected' })).toEqual(
      ok(ack),
    );
    expect(moves).toEqual([ack]);
    expect(fromHq.dirs.get('rejected')?.files.has(ack)).toBe(true);
  });

  it('polls a watched inbox and reports each ready file once, until unwatched', async () => {
    const { inbox, sync } = setup({ pollMs: 5, settleMs: 0 });
    const events: SyncInboxReadyEvent[] = [];
    let wake = () => {};
    const unsubscribe = sync.onSyncInboxReady((event) => {
      events.push(event);
      wake();
    });
    const nextEvent = () => new Promise<void>((resolve) => (wake = resolve));

    inbox.put(bundle.name, bundle.bytes);
    const first = nextEvent();
    expect(await sync.watchSyncInbox(hq)).toEqual(ok(null));
    await first;
    // The next report holds only the new file: the first one is not reported again.
    const second = nextEvent();
    inbox.put('later.pmbundle', new Uint8Array([7]));
    await second;
    await sync.unwatchSyncInbox(hq);
    unsubscribe();
    expect(events).toEqual([
      {
        folderId,
        role: 'hq',
        files: [
          { name: bundle.name, kind: 'bundle', size: bundle.bytes.length, modifiedAt: expect.any(String) },
        ],
      },
      {
        folderId,
        role: 'hq',
        files: [{ name: 'later.pmbundle', kind: 'bundle', size: 1, modifiedAt: expect.any(String) }],
      },
    ]);
  });

  it("polls a device's from-hq for its own acknowledgement only", async () => {
    const { root, sync } = setup({ pollMs: 5, settleMs: 0 });
    const fromHq = new FakeDirectory();
    root.dirs.set('from-hq', fromHq);
    const events: SyncInboxReadyEvent[] = [];
    let wake = () => {};
    const unsubscribe = sync.onSyncInboxReady((event) => {
      events.push(event);
      wake();
    });
    fromHq.put('pm-ack-dev-field-2.pmack', new Uint8Array([1]));
    const reported = new Promise<void>((resolve) => (wake = resolve));
    expect(await sync.watchSyncInbox(field)).toEqual(ok(null));
    fromHq.put(`pm-ack-${DEVICE_ID}.pmack`, new Uint8Array([2]));
    await reported;
    await sync.unwatchSyncInbox({ folderId, role: 'field' });
    unsubscribe();
    expect(events.flatMap((e) => e.files.map((f) => f.name))).toEqual([`pm-ack-${DEVICE_ID}.pmack`]);
    expect(events[0]?.role).toBe('field');
  });
});
