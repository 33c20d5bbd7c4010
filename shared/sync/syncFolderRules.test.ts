import { beforeAll, describe, expect, it } from 'vitest';
import {
  makeAcknowledgementFile,
  makeBundleFile,
  makeSyncParties,
  type SyncParties,
} from './testing/syncFolderFiles';
import { ACK_FILE_EXTENSION } from './acknowledgement';
import { BUNDLE_FILE_EXTENSION } from './bundleFormat';
import { DEFAULT_SYNC_LIMITS } from './limits';
import { createReferenceBundle, REFERENCE_FILE_EXTENSION } from './referenceBundle';
import {
  isPlainFileName,
  isSyncFileName,
  isTemporaryName,
  MAX_SYNC_FILE_BYTES,
  SYNC_FILE_EXTENSIONS,
  syncFileKind,
} from './syncFolderNames';
import { checkDeclaredLength, SettleTracker } from './syncFolderRules';

describe('isTemporaryName', () => {
  it.each([
    '.syncthing.pm-dev-1.pmbundle.tmp',
    '~syncthing~pm-dev-1.pmbundle.tmp',
    '~$report.docx',
    'pm-dev-1.pmbundle.partial',
    'pm-dev-1.pmbundle.part',
    'pm-dev-1.pmbundle.tmp',
    'pm-dev-1.pmbundle.TMP',
    'pm-dev-1.pmbundle.crdownload',
    'pm-dev-1.pmbundle.crswap',
    '.~lock.pm-dev-1.pmbundle#',
    '.pm-dev-1.pmbundle.3f1c2b8e.pm-tmp',
    '.pm-dev-1.pmbundle.~1a2b3c',
    '.stfolder',
    '.DS_Store',
  ])('%s is in transit or a marker', (name) => {
    expect(isTemporaryName(name)).toBe(true);
    expect(isSyncFileName(name)).toBe(false);
  });

  it.each(['pm-dev-1-00000001-00000001-x.pmbundle', 'pm-ack-dev-1.pmack', 'notes.txt', 'tmp.pmbundle'])(
    '%s is a finished name',
    (name) => expect(isTemporaryName(name)).toBe(false),
  );
});

describe('isSyncFileName', () => {
  it('knows the extensions the format modules write', () => {
    expect(SYNC_FILE_EXTENSIONS).toEqual([
      BUNDLE_FILE_EXTENSION,
      ACK_FILE_EXTENSION,
      REFERENCE_FILE_EXTENSION,
    ]);
    expect(MAX_SYNC_FILE_BYTES).toBe(DEFAULT_SYNC_LIMITS.maxBundleBytes);
  });

  it('takes bundles and acknowledgements by extension, any case', () => {
    expect(syncFileKind('a.pmbundle')).toBe('bundle');
    expect(syncFileKind('A.PMBUNDLE')).toBe('bundle');
    expect(syncFileKind('a.pmack')).toBe('acknowledgement');
    expect(syncFileKind('pm-ref-001738368000000-000000.PMREF')).toBe('reference');
    expect(syncFileKind('a.pmorg')).toBeNull();
    expect(isSyncFileName('a.pmbundle')).toBe(true);
    expect(isSyncFileName('a.pmack')).toBe(true);
    expect(isSyncFileName('a.pmbundle.txt')).toBe(false);
  });

  it.each([
    '',
    '.',
    '..',
    'a/b.pmbundle',
    'a\\b.pmbundle',
    'a.pmbundle:stream',
    'a\0.pmbundle',
    'a\n.pmbundle',
    'x'.repeat(247) + '.pmbundle_',
  ])('refuses %j, which is not one plain name on every file system', (name) => {
    expect(isSyncFileName(name)).toBe(false);
  });

  it('refuses trailing dots and spaces, which Windows strips', () => {
    expect(isPlainFileName('a.pmbundle.')).toBe(false);
    expect(isPlainFileName('a.pmbundle ')).toBe(false);
    expect(isPlainFileName('a.pmbundle')).toBe(true);
  });
});

describe('SettleTracker', () => {
  const stamp = (size: number, mtimeMs = 1000) => ({ size, mtimeMs });

  it('is settled only after two equal observations at least settleMs apart', () => {
    const tracker = new SettleTracker(500);
    expect(tracker.observe('a', stamp(10), 0)).toEqual({ settled: false, waitMs: 500 });
    expect(tracker.observe('a', stamp(10), 499)).toEqual({ settled: false, waitMs: 1 });
    expect(tracker.observe('a', stamp(10), 500)).toEqual({ settled: true, waitMs: 0 });
  });

  it('starts over when the size or the mtime changes', () => {
    const tracker = new SettleTracker(500);
    tracker.observe('a', stamp(10), 0);
    expect(tracker.observe('a', stamp(20), 600).settled).toBe(false);
    expect(tracker.observe('a', stamp(20, 2000), 1200).settled).toBe(false);
    expect(tracker.observe('a', stamp(20, 2000), 1600).settled).toBe(false);
    expect(tracker.observe('a', stamp(20, 2000), 1700).settled).toBe(true);
  });

  it('needs a second look even with no settle time', () => {
    const tracker = new SettleTracker(0);
    expect(tracker.observe('a', stamp(10), 0).settled).toBe(false);
    expect(tracker.observe('a', stamp(10), 0).settled).toBe(true);
  });

  it('forgets files that went away, so one that comes back settles again', () => {
    const tracker = new SettleTracker(500);
    tracker.observe('a', stamp(10), 0);
    tracker.keepOnly(new Set());
    expect(tracker.observe('a', stamp(10), 1000).settled).toBe(false);
  });

  it('does not count a clock that went backwards as time passed', () => {
    const tracker = new SettleTracker(500);
    tracker.observe('a', stamp(10), 1000);
    expect(tracker.observe('a', stamp(10), 0).settled).toBe(false);
  });
});

describe('checkDeclaredLength', () => {
  let parties: SyncParties;
  let bundle: Uint8Array;
  let ack: Uint8Array;
  let reference: Uint8Array;

  beforeAll(async () => {
    parties = await makeSyncParties();
    bundle = (await makeBundleFile(parties, { seq: 1, attachmentBytes: 300 })).bytes;
    ack = (await makeAcknowledgementFile(parties, [], 1)).bytes;
    reference = (
      await createReferenceBundle({
        organisationSigningKey: parties.org.keys.signing.privateKey,
        organisationFingerprint: parties.org.info.fingerprint,
        version: '001738368000000-000000-hq',
        createdAt: '2025-02-01T00:00:00.000Z',
        shelters: [],
        organisations: [],
        questionnaires: [{ id: 'returnee-monitoring', version: 2 }],
      })
    ).bytes;
  }, 60_000);

  const check = (bytes: Uint8Array) =>
    checkDeclaredLength(bytes.length, async (offset, length) => bytes.subarray(offset, offset + length));

  it('says a whole bundle and a whole acknowledgement are complete', async () => {
    expect(await check(bundle)).toBe('complete');
    expect(await check(ack)).toBe('complete');
    expect(await check(reference)).toBe('complete');
  });

  it('says every proper prefix of a bundle or an acknowledgement is incomplete', async () => {
    for (const file of [bundle, ack, reference]) {
      const verdicts = new Set<string>();
      for (let length = 0; length < file.length; length += 1)
        verdicts.add(await check(file.subarray(0, length)));
      expect([...verdicts]).toEqual(['incomplete']);
    }
  });

  it('calls a longer file complete, so the importer reports it as corrupt', async () => {
    const longer = new Uint8Array(bundle.length + 3);
    longer.set(bundle);
    expect(await check(longer)).toBe('complete');
  });

  it('does not keep other files or impossible lengths waiting for ever', async () => {
    expect(await check(new TextEncoder().encode('hello, this is not a bundle'))).toBe('unrecognised');
    const otherVersion = bundle.slice(0, 12);
    otherVersion[4] = 9;
    expect(await check(otherVersion)).toBe('unrecognised');
    const hugeHeader = bundle.slice();
    hugeHeader.set([0xff, 0xff, 0xff, 0xff], 6);
    expect(await check(hugeHeader)).toBe('unrecognised');
  });
});
