import { constants, watch as watchFolder } from 'node:fs';
import { access, appendFile, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readAcknowledgement } from '../../shared/sync/acknowledgement';
import { readBundle } from '../../shared/sync/bundle';
import { acknowledgementFileName, type SyncReader } from '../../shared/sync/syncFolderNames';
import {
  makeAcknowledgementFile,
  makeBundleFile,
  makeSyncParties,
  type SyncParties,
} from '../../shared/sync/testing/syncFolderFiles';
import { watchInbox, type InboxWatcher } from '../../main/services/syncFolder/inboxWatcher';
import {
  archiveInboxFile,
  readInboxFile,
  writeOutboxFile,
  type InboxFile,
  type InboxListing,
} from '../../main/services/syncFolder/syncFolder';
import { startSyncthingPair, SYNCTHING, type SyncthingPair } from './syncthingPair';

/**
 * The sync folder carried by a real sync service: a field laptop and HQ, each with its own
 * Syncthing, share ONE Syncthing folder whose contents are the whole sync folder on both sides
 * (both Send & Receive). The field laptop writes `to-hq/` and reads `from-hq/`, HQ the other
 * way round, as docs/sync-format.md §12 sets it up: no second folder, no pairing of paths.
 */

const HQ: SyncReader = { role: 'hq' };
/** As docs/sync-format.md §12 advises: archived files stay on the side that archived them. */
const ARCHIVE_IGNORES = ['/to-hq/processed', '/to-hq/rejected', '/from-hq/processed', '/from-hq/rejected'];

let work: string;
let fieldRoot: string;
let hqRoot: string;
let pair: SyncthingPair | undefined;
let parties: SyncParties;
let field: SyncReader;
const watchers: InboxWatcher[] = [];

beforeAll(async () => {
  await access(SYNCTHING, constants.X_OK).catch(() => {
    throw new Error(`${SYNCTHING} is missing: install the Debian package syncthing (.ci/run does).`);
  });
  work = await mkdtemp(path.join(tmpdir(), 'pm-syncthing-'));
  fieldRoot = path.join(work, 'field-sync');
  hqRoot = path.join(work, 'hq-sync');
  [parties, pair] = await Promise.all([
    makeSyncParties('dev-field-1'),
    startSyncthingPair(work, [
      {
        id: 'pm-sync',
        paths: { field: fieldRoot, hq: hqRoot },
        types: { field: 'sendreceive', hq: 'sendreceive' },
        ignores: { field: ARCHIVE_IGNORES, hq: ARCHIVE_IGNORES },
      },
    ]),
  ]);
  field = { role: 'field', deviceId: parties.device.deviceId };
}, 60_000);

afterAll(async () => {
  await Promise.all(watchers.splice(0).map((w) => w.close()));
  await pair?.stop();
  if (work) await rm(work, { recursive: true, force: true });
}, 30_000);

/** Fails with both Syncthing logs when the event does not come in time. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No ${what} within ${ms} ms.\n${pair?.logs() ?? ''}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A watcher whose reports and scans can be awaited. */
function watch(root: string, reader: SyncReader) {
  const reports: InboxFile[][] = [];
  const waiters: { until: () => boolean; resolve: () => void }[] = [];
  const scans: InboxListing[] = [];
  const errors: unknown[] = [];
  const check = () => {
    for (const waiter of [...waiters]) {
      if (!waiter.until()) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  const watcher = watchInbox(
    root,
    reader,
    (files) => {
      reports.push([...files]);
      check();
    },
    {
      settleMs: 300,
      debounceMs: 100,
      rescanIntervalMs: 1_000,
      onScan: (listing) => {
        scans.push(listing);
        check();
      },
      onError: (error) => errors.push(error),
    },
  );
  watchers.push(watcher);
  const until = (condition: () => boolean) =>
    new Promise<void>((resolve) => {
      if (condition()) resolve();
      else waiters.push({ until: condition, resolve });
    });
  const names = () => reports.flat().map((f) => f.name);
  return { reports, scans, errors, until, names, rescan: () => watcher.rescan() };
}

/** Resolves once the names in `dir` meet `condition`, looking again on every change there. */
function untilFolder(dir: string, condition: (names: readonly string[]) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (error?: unknown) => {
      if (done) return;
      done = true;
      watcher.close();
      if (error === undefined) resolve();
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    const look = () =>
      readdir(dir).then(
        (names) => condition(names) && finish(),
        (error: unknown) => finish(error),
      );
    const watcher = watchFolder(dir, { persistent: false }, () => void look());
    watcher.on('error', finish);
    void look();
  });
}

/** HQ's watcher, started in the first test and checked again in the second. */
let hqWatch: ReturnType<typeof watch> | undefined;

describe('one sync folder carried by Syncthing between a field laptop and HQ', () => {
  it('brings every bundle the field writes to to-hq to HQ, reported once and only whole', async () => {
    const hq = watch(hqRoot, HQ);
    hqWatch = hq;
    const [atomicSmall, atomicLarge, inPlace] = await Promise.all([
      makeBundleFile(parties, { seq: 1, attachmentBytes: 20_000 }),
      makeBundleFile(parties, { seq: 2, attachmentBytes: 8 * 1024 * 1024 }),
      makeBundleFile(parties, { seq: 3, attachmentBytes: 400_000 }),
    ]);
    const sent = [atomicSmall, atomicLarge, inPlace];

    // The app's own export: temp file, fsync, rename.
    await writeOutboxFile(fieldRoot, 'field', atomicSmall.name, atomicSmall.bytes);
    await writeOutboxFile(fieldRoot, 'field', atomicLarge.name, atomicLarge.bytes);

    // A copy that writes in place (a file manager, OneDrive): Syncthing carries the first half
    // as a file of its own, and HQ must hold it back until the rest arrives.
    const inPlacePath = path.join(fieldRoot, 'to-hq', inPlace.name);
    const cut = Math.floor(inPlace.bytes.length / 2);
    await writeFile(inPlacePath, inPlace.bytes.subarray(0, cut));
    await within(
      hq.until(() => hq.scans.some((s) => s.waiting.includes(inPlace.name))),
      40_000,
      'half-written bundle seen waiting at HQ',
    );
    expect(hq.names()).not.toContain(inPlace.name);
    // What HQ holds back is really the first half, under the final name.
    expect((await stat(path.join(hqRoot, 'to-hq', inPlace.name))).size).toBe(cut);
    await appendFile(inPlacePath, inPlace.bytes.subarray(cut));

    await within(
      hq.until(() => sent.every((b) => hq.names().includes(b.name))),
      40_000,
      'bundles at HQ',
    );

    expect(hq.names().sort()).toEqual(sent.map((b) => b.name).sort());
    for (const bundle of sent) {
      const report = hq.reports.flat().find((f) => f.name === bundle.name);
      expect(report?.size).toBe(bundle.bytes.length);
      const bytes = await readInboxFile(hqRoot, HQ, bundle.name);
      // Buffer.equals: a deep toEqual over 8 MB element by element takes tens of seconds.
      expect(Buffer.from(bytes).equals(bundle.bytes)).toBe(true);
      const content = await readBundle(bytes, parties.hqContext);
      expect(content.header.bundleId).toBe(bundle.bundleId);
      expect(content.records.length).toBe(2);
    }

    // HQ files what it imported. The field laptop sees the bundles leave its to-hq, and the
    // archive, ignored on both sides, stays at HQ.
    for (const bundle of sent) await archiveInboxFile(hqRoot, HQ, bundle.name);
    await within(
      untilFolder(path.join(fieldRoot, 'to-hq'), (names) => !sent.some((b) => names.includes(b.name))),
      30_000,
      "bundles leaving the field laptop's to-hq",
    );
    expect(await readdir(path.join(fieldRoot, 'to-hq'))).toEqual([]);
    expect((await readdir(path.join(hqRoot, 'to-hq', 'processed'))).sort()).toEqual(
      sent.map((b) => b.name).sort(),
    );
    expect(hq.errors).toEqual([]);
    // HQ's Syncthing runs with the identity and API key this test gave it.
    const status = z.object({ myID: z.string() }).parse(await pair!.rest(pair!.hq, '/rest/system/status'));
    expect(status.myID).toBe(pair!.hq.deviceId);
  }, 60_000);

  it("brings HQ's acknowledgement to the field laptop through from-hq, and only its own", async () => {
    const fieldWatch = watch(fieldRoot, field);
    const ack = await makeAcknowledgementFile(parties, [], 3);
    expect(ack.name).toBe(acknowledgementFileName(parties.device.deviceId));
    const otherAck = await makeAcknowledgementFile(await makeSyncParties('dev-field-2'), [], 7);
    await writeOutboxFile(hqRoot, 'hq', otherAck.name, otherAck.bytes);
    await writeOutboxFile(hqRoot, 'hq', ack.name, ack.bytes);

    await within(
      fieldWatch.until(() => fieldWatch.names().includes(ack.name)),
      30_000,
      'acknowledgement at the field laptop',
    );
    const received = await readAcknowledgement(
      await readInboxFile(fieldRoot, field, ack.name),
      parties.ackContext,
    );
    expect(received.acknowledgedThrough).toBe(3);

    // Once the other device's acknowledgement is on this laptop too, one more look: it is
    // still not reported here, and HQ never read back either of its own files.
    const fromHq = path.join(fieldRoot, 'from-hq');
    await within(
      untilFolder(fromHq, (names) => names.includes(otherAck.name)),
      30_000,
      "the other device's acknowledgement at the field laptop",
    );
    await Promise.all([fieldWatch.rescan(), hqWatch?.rescan()]);
    expect(fieldWatch.names()).toEqual([ack.name]);
    expect(hqWatch?.names().filter((name) => name.endsWith('.pmack'))).toEqual([]);

    // The field laptop files the acknowledgement in from-hq/processed, which stays local.
    await archiveInboxFile(fieldRoot, field, ack.name);
    await within(
      untilFolder(path.join(hqRoot, 'from-hq'), (names) => !names.includes(ack.name)),
      30_000,
      "the acknowledgement leaving HQ's from-hq",
    );
    expect((await readdir(path.join(hqRoot, 'from-hq'))).sort()).toEqual([otherAck.name]);
    expect(fieldWatch.errors).toEqual([]);
  }, 60_000);
});
