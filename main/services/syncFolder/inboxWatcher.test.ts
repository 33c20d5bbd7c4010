import { EventEmitter } from 'node:events';
import { appendFile, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readAcknowledgement } from '../../../shared/sync/acknowledgement';
import { readBundle } from '../../../shared/sync/bundle';
import type { SyncReader } from '../../../shared/sync/syncFolderNames';
import {
  makeAcknowledgementFile,
  makeBundleFile,
  makeSyncParties,
  type SyncParties,
} from '../../../shared/sync/testing/syncFolderFiles';
import { watchInbox, type InboxWatcher, type WatchInboxOptions } from './inboxWatcher';
import {
  archiveInboxFile,
  readInboxFile,
  writeOutboxFile,
  type InboxFile,
  type InboxListing,
} from './syncFolder';

const HQ: SyncReader = { role: 'hq' };

let sandbox: string;
let root: string;
let inbox: string;
let parties: SyncParties;
let bundles: { name: string; bytes: Uint8Array; bundleId: string }[];
const watchers: InboxWatcher[] = [];

beforeAll(async () => {
  parties = await makeSyncParties();
  bundles = await Promise.all([1, 2].map((seq) => makeBundleFile(parties, { seq, attachmentBytes: 5_000 })));
}, 60_000);

beforeEach(async () => {
  sandbox = await mkdtemp(path.join(os.tmpdir(), 'pm-inboxwatch-'));
  root = path.join(sandbox, 'sync');
  inbox = path.join(root, 'to-hq'); // HQ's inbox: most tests watch as HQ
  await mkdir(inbox, { recursive: true });
});

afterEach(async () => {
  await Promise.all(watchers.splice(0).map((w) => w.close()));
  await rm(sandbox, { recursive: true, force: true });
});

/** Values pushed by callbacks, awaited one by one (or until one matches). */
function channel<T>() {
  const items: T[] = [];
  const waiters: { match: (v: T) => boolean; resolve: (v: T) => void }[] = [];
  return {
    all: items,
    push(value: T) {
      items.push(value);
      const index = waiters.findIndex((w) => w.match(value));
      if (index >= 0) waiters.splice(index, 1)[0]!.resolve(value);
    },
    /** The first value from now on that matches. */
    next(match: (v: T) => boolean = () => true): Promise<T> {
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}

function start(options: WatchInboxOptions = {}, reader: SyncReader = HQ) {
  const ready = channel<readonly InboxFile[]>();
  const scans = channel<InboxListing>();
  const errors = channel<unknown>();
  const firstScan = scans.next();
  const watcher = watchInbox(root, reader, (files) => ready.push(files), {
    settleMs: 40,
    debounceMs: 20,
    rescanIntervalMs: 60_000,
    onScan: (listing) => scans.push(listing),
    onError: (error) => errors.push(error),
    ...options,
  });
  watchers.push(watcher);
  return { watcher, ready, scans, errors, firstScan };
}

/** How a sync service delivers: a temp name first, renamed once the bytes are all there. */
async function deliver(name: string, bytes: Uint8Array) {
  const temp = path.join(inbox, `.syncthing.${name}.tmp`);
  await writeFile(temp, bytes);
  await rename(temp, path.join(inbox, name));
}

const reportedNames = (reports: readonly (readonly InboxFile[])[]) => reports.flat().map((f) => f.name);

describe('watchInbox', () => {
  it('reports a file delivered after it started, whole and once', async () => {
    const { watcher, ready, firstScan } = start();
    expect(await firstScan).toEqual({ ready: [], waiting: [] });

    const [bundle] = bundles;
    const reported = ready.next();
    await deliver(bundle!.name, bundle!.bytes);
    expect(await reported).toEqual([
      { name: bundle!.name, kind: 'bundle', size: bundle!.bytes.length, modifiedAt: expect.any(String) },
    ]);

    await watcher.rescan();
    await watcher.rescan();
    expect(reportedNames(ready.all)).toEqual([bundle!.name]);
    const bytes = await readInboxFile(root, HQ, bundle!.name);
    expect((await readBundle(bytes, parties.hqContext)).header.seq).toEqual({ from: 1, to: 1 });
  });

  it('reports a bundle written in place only when the last byte is there', async () => {
    // The settle time passes when the test says so.
    let now = 0;
    const clock = { now: () => now, sleep: () => Promise.resolve() };
    const { watcher, ready, scans, firstScan } = start({ clock, settleMs: 1_000 });
    await firstScan;
    const [, bundle] = bundles;
    const file = path.join(inbox, bundle!.name);
    const cut = Math.floor(bundle!.bytes.length / 2);

    const seenWaiting = scans.next((s) => s.waiting.includes(bundle!.name));
    await writeFile(file, bundle!.bytes.subarray(0, cut));
    await seenWaiting;
    // Settled now, but shorter than its header says: still waiting, not reported.
    now += 5_000;
    const later = scans.next();
    await watcher.rescan();
    expect(await later).toEqual({ ready: [], waiting: [bundle!.name] });
    expect(ready.all).toEqual([]);

    const reported = ready.next();
    await appendFile(file, bundle!.bytes.subarray(cut));
    const grown = scans.next((s) => s.waiting.includes(bundle!.name));
    await watcher.rescan();
    await grown;
    now += 5_000;
    await watcher.rescan();
    const [file1] = await reported;
    expect(file1!.size).toBe(bundle!.bytes.length);
    const content = await readBundle(await readInboxFile(root, HQ, bundle!.name), parties.hqContext);
    expect(content.records).toHaveLength(2);
    expect(reportedNames(ready.all)).toEqual([bundle!.name]);
  });

  it('reports a file that was there before it started', async () => {
    const [bundle] = bundles;
    await writeFile(path.join(inbox, bundle!.name), bundle!.bytes);
    const { ready } = start();
    expect(reportedNames([await ready.next()])).toEqual([bundle!.name]);
  });

  it('finds files by its periodic rescan when fs.watch says nothing', async () => {
    const silentWatch = vi.fn(() => Object.assign(new EventEmitter(), { close: () => {} }));
    const { ready, firstScan } = start({ watch: silentWatch, rescanIntervalMs: 50 });
    await firstScan;
    const [bundle] = bundles;
    await deliver(bundle!.name, bundle!.bytes);
    expect(reportedNames([await ready.next()])).toEqual([bundle!.name]);
    expect(silentWatch).toHaveBeenCalledTimes(1);
  });

  it('reports a watch error and watches again at the next scan', async () => {
    const emitters: EventEmitter[] = [];
    const watch = vi.fn(() => {
      const emitter = Object.assign(new EventEmitter(), { close: () => {} });
      emitters.push(emitter);
      return emitter;
    });
    const { watcher, errors, firstScan } = start({ watch });
    await firstScan;
    const reported = errors.next();
    emitters[0]!.emit('error', new Error('the stick was pulled out'));
    expect(await reported).toEqual(new Error('the stick was pulled out'));
    await watcher.rescan();
    expect(watch).toHaveBeenCalledTimes(2);
  });

  it('reports a name again when it comes back after being archived', async () => {
    const { ready, firstScan } = start();
    await firstScan;
    const [bundle] = bundles;
    const first = ready.next();
    await deliver(bundle!.name, bundle!.bytes);
    await first;
    await archiveInboxFile(root, HQ, bundle!.name);
    const second = ready.next();
    await deliver(bundle!.name, bundle!.bytes);
    await second;
    expect(reportedNames(ready.all)).toEqual([bundle!.name, bundle!.name]);
  });

  it('calls nothing after close', async () => {
    const { watcher, ready, scans, firstScan } = start();
    await firstScan;
    await watcher.close();
    const [bundle] = bundles;
    await deliver(bundle!.name, bundle!.bytes);
    await watcher.rescan();
    expect(scans.all).toHaveLength(1);
    expect(ready.all).toEqual([]);
  });

  it('watches one root as a field device and as HQ at once: each hears only what is addressed to it', async () => {
    const deviceId = parties.device.deviceId;
    const hq = start();
    const field = start({}, { role: 'field', deviceId });
    await Promise.all([hq.firstScan, field.firstScan]);

    const [bundle] = bundles;
    const atHq = hq.ready.next();
    await writeOutboxFile(root, 'field', bundle!.name, bundle!.bytes);
    expect(reportedNames([await atHq])).toEqual([bundle!.name]);
    await archiveInboxFile(root, HQ, bundle!.name);

    const other = await makeAcknowledgementFile(await makeSyncParties('dev-field-2'), [], 9);
    const ack = await makeAcknowledgementFile(parties, [bundle!.bundleId], 1);
    // Another device's acknowledgement first: the field watcher must pass over it.
    await writeOutboxFile(root, 'hq', other.name, other.bytes);
    const atField = field.ready.next();
    await writeOutboxFile(root, 'hq', ack.name, ack.bytes);
    expect(reportedNames([await atField])).toEqual([ack.name]);
    const read = await readAcknowledgement(
      await readInboxFile(root, { role: 'field', deviceId }, ack.name),
      parties.ackContext,
    );
    expect(read.acknowledgedThrough).toBe(1);

    // One more look on each side after both acknowledgements are there: still nothing else.
    await Promise.all([hq.watcher.rescan(), field.watcher.rescan()]);
    expect(reportedNames(hq.ready.all)).toEqual([bundle!.name]);
    expect(reportedNames(field.ready.all)).toEqual([ack.name]);
  });
});
