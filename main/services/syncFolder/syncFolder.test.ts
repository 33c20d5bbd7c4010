import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readAcknowledgement } from '../../../shared/sync/acknowledgement';
import { readBundle } from '../../../shared/sync/bundle';
import { deviceIdSchema } from '../../../shared/sync/deviceFile';
import {
  acknowledgementFileName,
  DEVICE_ID_PATTERN,
  isAddressedTo,
  syncFolderSides,
  type SyncReader,
} from '../../../shared/sync/syncFolderNames';
import {
  makeAcknowledgementFile,
  makeBundleFile,
  makeSyncParties,
  type SyncParties,
} from '../../../shared/sync/testing/syncFolderFiles';
import { nodeAtomicWriteIo } from '../atomicWrite';
import {
  archiveInboxFile,
  listReadyInbox,
  readInboxFile,
  SyncFolderRefusal,
  writeOutboxFile,
  type Clock,
} from './syncFolder';

const HQ: SyncReader = { role: 'hq' };
const DEVICE_ID = 'dev-field-1';
const FIELD: SyncReader = { role: 'field', deviceId: DEVICE_ID };

let sandbox: string;
let root: string;
/** HQ's inbox, `<root>/to-hq`: most tests put a device's bundle there and read it as HQ. */
let inbox: string;
let parties: SyncParties;
let bundle: { name: string; bytes: Uint8Array; bundleId: string };

beforeAll(async () => {
  parties = await makeSyncParties(DEVICE_ID);
  bundle = await makeBundleFile(parties, { seq: 1, attachmentBytes: 2_000 });
}, 60_000);

beforeEach(async () => {
  sandbox = await mkdtemp(path.join(os.tmpdir(), 'pm-syncfolder-'));
  root = path.join(sandbox, 'sync');
  inbox = path.join(root, 'to-hq');
  await mkdir(inbox, { recursive: true });
});

afterEach(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

/** Time that moves only when the code under test waits; `during` runs inside that wait. */
function fakeClock(during: (ms: number) => Promise<void> | void = () => {}) {
  let now = 0;
  const waits: number[] = [];
  const clock: Clock = {
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
      await during(ms);
    },
  };
  return { clock, waits };
}

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof SyncFolderRefusal) return error.code;
    if (error instanceof Error && 'code' in error) return `errno:${String(error.code)}`;
    throw error;
  }
  return 'accepted';
}

describe('names and sides', () => {
  it("gives each role the other side's outbox as its inbox", () => {
    expect(syncFolderSides('field')).toEqual({ inbox: 'from-hq', outbox: 'to-hq' });
    expect(syncFolderSides('hq')).toEqual({ inbox: 'to-hq', outbox: 'from-hq' });
  });

  it('names an acknowledgement after its device and refuses ids that are not plain', () => {
    expect(acknowledgementFileName('3f1c2b8e-4d5a-4b6c-8d7e-9f0a1b2c3d4e')).toBe(
      'pm-ack-3f1c2b8e-4d5a-4b6c-8d7e-9f0a1b2c3d4e.pmack',
    );
    for (const id of ['', '../x', 'a/b', '-x', 'a b', 'x'.repeat(129)]) {
      expect(() => acknowledgementFileName(id)).toThrow(RangeError);
    }
  });

  it('checks device ids as the device file does', () => {
    for (const id of [
      'dev-a',
      'A.b_c-1',
      '3f1c2b8e-4d5a-4b6c-8d7e-9f0a1b2c3d4e',
      '',
      '.x',
      'a:b',
      'é',
      'x'.repeat(129),
    ]) {
      expect(DEVICE_ID_PATTERN.test(id)).toBe(deviceIdSchema.safeParse(id).success);
    }
  });

  it('addresses every bundle to HQ and, on a device, reference data and its own acknowledgement', () => {
    const cases: [string, boolean, boolean][] = [
      // name, read by HQ, read by the field device dev-field-1
      ['pm-dev-field-1-00000001-00000001-x.pmbundle', true, true],
      ['reference-2025-01.PMBUNDLE', true, true],
      ['pm-ack-dev-field-1.pmack', false, true],
      ['pm-ack-dev-field-1.PMACK', false, true],
      ['pm-ack-dev-field-2.pmack', false, false],
      ['pm-ack-dev-field-10.pmack', false, false],
      ['pm-ack-dev-field.pmack', false, false],
      ['pm-ack-dev-field-1-00000003.pmack', false, false],
      ['copy of pm-ack-dev-field-1.pmack', false, false],
      ['.pm-ack-dev-field-1.pmack', false, false],
      ['pm-ack-dev-field-1.pmack.partial', false, false],
    ];
    for (const [name, hq, field] of cases) {
      expect([name, isAddressedTo(name, HQ), isAddressedTo(name, FIELD)]).toEqual([name, hq, field]);
    }
  });
});

describe('layout', () => {
  it("makes each side's inbox and outbox on first use: to-hq and from-hq only", async () => {
    for (const [role, reader] of [
      ['hq', HQ],
      ['field', FIELD],
    ] as const) {
      const fresh = path.join(sandbox, `fresh-${role}`);
      await mkdir(fresh);
      await listReadyInbox(fresh, reader, { settleMs: 0, clock: fakeClock().clock });
      await writeOutboxFile(fresh, role, bundle.name, bundle.bytes);
      expect((await readdir(fresh)).sort()).toEqual(['from-hq', 'to-hq']);
    }
  });

  it('lets a field side and HQ on the same root exchange a bundle and an acknowledgement, no copying', async () => {
    // One folder: a USB stick used in turn, or one folder a sync service keeps the same on both.
    const shared = path.join(sandbox, 'stick');
    await mkdir(shared);
    const list = (reader: SyncReader) =>
      listReadyInbox(shared, reader, { settleMs: 0, clock: fakeClock().clock });

    await writeOutboxFile(shared, 'field', bundle.name, bundle.bytes);
    expect(await list(FIELD)).toEqual({ ready: [], waiting: [] }); // a device never reads its own bundles
    expect((await list(HQ)).ready.map((f) => f.name)).toEqual([bundle.name]);
    const received = await readBundle(await readInboxFile(shared, HQ, bundle.name), parties.hqContext);
    expect(received.header.bundleId).toBe(bundle.bundleId);
    expect(await archiveInboxFile(shared, HQ, bundle.name)).toBe(bundle.name);

    const ack = await makeAcknowledgementFile(parties, [bundle.bundleId], 1);
    expect(ack.name).toBe(acknowledgementFileName(DEVICE_ID));
    const otherAck = await makeAcknowledgementFile(await makeSyncParties('dev-field-2'), [], 4);
    await writeOutboxFile(shared, 'hq', ack.name, ack.bytes);
    await writeOutboxFile(shared, 'hq', otherAck.name, otherAck.bytes);
    expect(await list(HQ)).toEqual({ ready: [], waiting: [] }); // HQ never re-reads its own files
    expect((await list(FIELD)).ready.map((f) => [f.name, f.kind])).toEqual([[ack.name, 'acknowledgement']]);
    const read = await readAcknowledgement(await readInboxFile(shared, FIELD, ack.name), parties.ackContext);
    expect(read.acknowledgedThrough).toBe(1);
    expect(await archiveInboxFile(shared, FIELD, ack.name)).toBe(ack.name);

    // Everything is where the layout says, and another device's acknowledgement is untouched.
    expect(await readdir(path.join(shared, 'to-hq', 'processed'))).toEqual([bundle.name]);
    expect(await readdir(path.join(shared, 'from-hq', 'processed'))).toEqual([ack.name]);
    expect((await readdir(path.join(shared, 'from-hq'))).sort()).toEqual([otherAck.name, 'processed']);
    expect((await readdir(path.join(shared, 'to-hq'))).sort()).toEqual(['processed']);
  });
});

describe('listReadyInbox', () => {
  it('lists a whole bundle once it settled, after one look and one wait of settleMs', async () => {
    await writeFile(path.join(inbox, bundle.name), bundle.bytes);
    const { clock, waits } = fakeClock();
    const listing = await listReadyInbox(root, HQ, { settleMs: 750, clock });
    expect(waits).toEqual([750]);
    expect(listing.waiting).toEqual([]);
    expect(listing.ready).toEqual([
      { name: bundle.name, kind: 'bundle', size: bundle.bytes.length, modifiedAt: expect.any(String) },
    ]);
  });

  it('skips names a sync service, an editor or a browser uses while writing, and other files', async () => {
    for (const name of [
      `.syncthing.${bundle.name}.tmp`,
      `~syncthing~${bundle.name}.tmp`,
      `~$${bundle.name}`,
      `${bundle.name}.partial`,
      `${bundle.name}.part`,
      `${bundle.name}.crdownload`,
      `.~lock.${bundle.name}#`,
      `.${bundle.name}`,
      'notes.txt',
    ]) {
      await writeFile(path.join(inbox, name), bundle.bytes);
    }
    await mkdir(path.join(inbox, 'folder.pmbundle'));
    const listing = await listReadyInbox(root, HQ, { settleMs: 10, clock: fakeClock().clock });
    expect(listing).toEqual({ ready: [], waiting: [] });
  });

  it('lists on a device only the acknowledgement addressed to it, and bundles from HQ', async () => {
    const fromHq = path.join(root, 'from-hq');
    await mkdir(fromHq);
    for (const name of [
      acknowledgementFileName(DEVICE_ID),
      'pm-ack-dev-field-2.pmack',
      'reference.pmbundle',
    ]) {
      await writeFile(path.join(fromHq, name), 'not checked here');
    }
    const listing = await listReadyInbox(root, FIELD, { settleMs: 0, clock: fakeClock().clock });
    expect(listing.ready.map((f) => f.name)).toEqual([
      acknowledgementFileName(DEVICE_ID),
      'reference.pmbundle',
    ]);
    // HQ's own inbox holds a device's bundle only: acknowledgements there are not HQ's to read.
    await writeFile(path.join(inbox, 'stray.pmack'), 'x');
    expect(await listReadyInbox(root, HQ, { settleMs: 0, clock: fakeClock().clock })).toEqual({
      ready: [],
      waiting: [],
    });
  });

  it('keeps a growing file waiting, then lists it once it stopped growing', async () => {
    const file = path.join(inbox, 'grows.pmbundle');
    await writeFile(file, 'first part;');
    // The "writer" adds more while listReadyInbox waits for the file to settle.
    const growing = fakeClock(() => appendFile(file, 'second part;'));
    expect(await listReadyInbox(root, HQ, { settleMs: 500, clock: growing.clock })).toEqual({
      ready: [],
      waiting: ['grows.pmbundle'],
    });

    const quiet = await listReadyInbox(root, HQ, { settleMs: 500, clock: fakeClock().clock });
    // Not our format at all: ready, so that the importer can report it (never while growing).
    expect(quiet.ready.map((f) => [f.name, f.size])).toEqual([
      ['grows.pmbundle', 'first part;second part;'.length],
    ]);
  });

  it('keeps a settled but truncated bundle waiting, never ready to be called corrupt', async () => {
    await writeFile(path.join(inbox, bundle.name), bundle.bytes.subarray(0, bundle.bytes.length - 100));
    const listing = await listReadyInbox(root, HQ, { settleMs: 10, clock: fakeClock().clock });
    expect(listing).toEqual({ ready: [], waiting: [bundle.name] });
  });

  it('does not list symlinks, even to a whole bundle', async () => {
    const outside = path.join(sandbox, 'outside.pmbundle');
    await writeFile(outside, bundle.bytes);
    await symlink(outside, path.join(inbox, 'link.pmbundle'));
    expect(await listReadyInbox(root, HQ, { settleMs: 0, clock: fakeClock().clock })).toEqual({
      ready: [],
      waiting: [],
    });
  });

  it.each([
    ['to-hq', HQ],
    ['from-hq', FIELD],
  ] as const)('refuses a %s that is a symlink out of the sync folder', async (folder, reader) => {
    const elsewhere = path.join(sandbox, 'elsewhere');
    await mkdir(elsewhere);
    const other = path.join(sandbox, 'other-root');
    await mkdir(other);
    await symlink(elsewhere, path.join(other, folder));
    expect(await refusal(listReadyInbox(other, reader, { settleMs: 0, clock: fakeClock().clock }))).toBe(
      'outside-folder',
    );
  });
});

describe('readInboxFile', () => {
  it('reads a whole bundle that then opens and verifies', async () => {
    await writeFile(path.join(inbox, bundle.name), bundle.bytes);
    const bytes = await readInboxFile(root, HQ, bundle.name);
    expect(bytes).toEqual(bundle.bytes);
    expect((await readBundle(bytes, parties.hqContext)).header.sender.deviceId).toBe(parties.device.deviceId);
  });

  it('refuses a bundle that is still arriving', async () => {
    await writeFile(path.join(inbox, bundle.name), bundle.bytes.subarray(0, 500));
    expect(await refusal(readInboxFile(root, HQ, bundle.name))).toBe('io-error');
  });

  it.each(['../from-hq/x.pmbundle', 'x/../../y.pmbundle', '..', '/etc/passwd', 'notes.txt', '.x.pmbundle'])(
    'refuses the name %j',
    async (name) => {
      expect(await refusal(readInboxFile(root, HQ, name))).toBe('invalid-argument');
    },
  );

  it("refuses on a device another device's acknowledgement, and at HQ an acknowledgement", async () => {
    await mkdir(path.join(root, 'from-hq'));
    await writeFile(path.join(root, 'from-hq', 'pm-ack-dev-field-2.pmack'), 'x');
    await writeFile(path.join(inbox, 'pm-ack-dev-field-1.pmack'), 'x');
    expect(await refusal(readInboxFile(root, FIELD, 'pm-ack-dev-field-2.pmack'))).toBe('invalid-argument');
    expect(await refusal(readInboxFile(root, HQ, 'pm-ack-dev-field-1.pmack'))).toBe('invalid-argument');
  });

  it('refuses a symlink in the inbox', async () => {
    const outside = path.join(sandbox, 'secret.pmbundle');
    await writeFile(outside, bundle.bytes);
    await symlink(outside, path.join(inbox, 'link.pmbundle'));
    expect(await refusal(readInboxFile(root, HQ, 'link.pmbundle'))).toBe('not-found');
  });

  it('reports a missing file as not found', async () => {
    expect(await refusal(readInboxFile(root, HQ, 'missing.pmbundle'))).toBe('errno:ENOENT');
  });
});

describe('writeOutboxFile', () => {
  it("writes the file whole into the side's outbox, leaving no temp file behind", async () => {
    await writeOutboxFile(root, 'field', bundle.name, bundle.bytes);
    const toHq = path.join(root, 'to-hq');
    expect(await readdir(toHq)).toEqual([bundle.name]);
    expect(new Uint8Array(await readFile(path.join(toHq, bundle.name)))).toEqual(bundle.bytes);
  });

  it('replaces an acknowledgement whole, and leaves the old one and no temp file when the write fails', async () => {
    const name = acknowledgementFileName(DEVICE_ID);
    const fromHq = path.join(root, 'from-hq');
    await writeOutboxFile(root, 'hq', name, new Uint8Array([0]));
    await writeOutboxFile(root, 'hq', name, new Uint8Array([1, 2, 3]));
    expect([...(await readFile(path.join(fromHq, name)))]).toEqual([1, 2, 3]);
    const failingRename = {
      ...nodeAtomicWriteIo,
      rename: () => Promise.reject(Object.assign(new Error('disk removed'), { code: 'EIO' })),
    };
    expect(await refusal(writeOutboxFile(root, 'hq', name, new Uint8Array([9]), failingRename))).toBe(
      'errno:EIO',
    );
    expect(await readdir(fromHq)).toEqual([name]);
    expect([...(await readFile(path.join(fromHq, name)))]).toEqual([1, 2, 3]);
  });

  it.each(['../from-hq/x.pmbundle', 'sub/x.pmbundle', 'x.exe', '.hidden.pmbundle'])(
    'refuses the name %j',
    async (name) => {
      expect(await refusal(writeOutboxFile(root, 'field', name, bundle.bytes))).toBe('invalid-argument');
      expect(await readdir(sandbox)).toEqual(['sync']);
      expect(await readdir(root)).toEqual(['to-hq']);
    },
  );

  it('refuses an outbox that is a symlink out of the sync folder', async () => {
    const elsewhere = path.join(sandbox, 'elsewhere');
    await mkdir(elsewhere);
    await symlink(elsewhere, path.join(root, 'from-hq'));
    expect(await refusal(writeOutboxFile(root, 'hq', bundle.name, bundle.bytes))).toBe('outside-folder');
    expect(await readdir(elsewhere)).toEqual([]);
  });
});

describe('archiveInboxFile', () => {
  it('moves an imported file out of the listing into processed/ inside the inbox', async () => {
    await writeFile(path.join(inbox, bundle.name), bundle.bytes);
    expect(await archiveInboxFile(root, HQ, bundle.name)).toBe(bundle.name);
    expect(await listReadyInbox(root, HQ, { settleMs: 0, clock: fakeClock().clock })).toEqual({
      ready: [],
      waiting: [],
    });
    expect(await readdir(path.join(inbox, 'processed'))).toEqual([bundle.name]);
  });

  it('moves a refused file to rejected/ and never overwrites an archived one', async () => {
    await writeFile(path.join(inbox, 'x.pmbundle'), 'one');
    await archiveInboxFile(root, HQ, 'x.pmbundle', 'rejected');
    await writeFile(path.join(inbox, 'x.pmbundle'), 'two');
    expect(await archiveInboxFile(root, HQ, 'x.pmbundle', 'rejected')).toBe('x-2.pmbundle');
    const rejected = path.join(inbox, 'rejected');
    expect((await readdir(rejected)).sort()).toEqual(['x-2.pmbundle', 'x.pmbundle']);
    expect(await readFile(path.join(rejected, 'x.pmbundle'), 'utf8')).toBe('one');
    expect(await readFile(path.join(rejected, 'x-2.pmbundle'), 'utf8')).toBe('two');
  });

  it('archives on a device inside from-hq, never in the to-hq it shares with HQ', async () => {
    const name = acknowledgementFileName(DEVICE_ID);
    await writeOutboxFile(root, 'hq', name, new Uint8Array([1]));
    expect(await archiveInboxFile(root, FIELD, name, 'rejected')).toBe(name);
    expect(await readdir(path.join(root, 'from-hq', 'rejected'))).toEqual([name]);
    expect(await readdir(inbox)).toEqual([]);
  });

  it("refuses names outside the inbox, and another device's acknowledgement", async () => {
    await writeOutboxFile(root, 'hq', bundle.name, bundle.bytes);
    expect(await refusal(archiveInboxFile(root, HQ, `../from-hq/${bundle.name}`))).toBe('invalid-argument');
    await writeOutboxFile(root, 'hq', 'pm-ack-dev-field-2.pmack', new Uint8Array([1]));
    expect(await refusal(archiveInboxFile(root, FIELD, 'pm-ack-dev-field-2.pmack'))).toBe('invalid-argument');
    expect((await readdir(path.join(root, 'from-hq'))).sort()).toEqual(
      [bundle.name, 'pm-ack-dev-field-2.pmack'].sort(),
    );
  });
});
