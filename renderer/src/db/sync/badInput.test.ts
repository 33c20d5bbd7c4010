import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBundle } from '../../../../shared/sync/bundle';
import { sealBundle } from '../../../../shared/sync/bundleCrypto';
import { decodeContainer, encodeHeaderBlock } from '../../../../shared/sync/bundleFormat';
import { concatBytes } from '../../../../shared/sync/bytes';
import { formatHlc } from '../../../../shared/sync/hlc';
import type { StoredRecord } from '../../../../shared/sync/fieldVersions';
import { sign } from '../../../../shared/sync/keys';
import type { OutgoingChanges } from '../../../../shared/sync/payload';
import { headerFor, rawPayload } from '../../../../shared/sync/testing/syncTestKit';
import { registration } from '../repositories/householdFixtures';
import { validShelter } from '../testing';
import { databaseDigest } from './databaseDigest';
import { revokeDevice } from './devices';
import type { ImportContext } from './importBundle';
import { SyncFileError, type SyncFileErrorCode } from './syncFileError';
import {
  makeSyncOrganisation,
  openDevice,
  openHq,
  rejectionOf,
  type SyncTestOrganisation,
  type TestDeviceDb,
  type TestHq,
} from './syncTesting';

/**
 * Every kind of bad file is refused with its code and its name, and HQ's database is exactly as
 * it was: the whole database (every table, every row, decrypted) hashes the same before and after.
 */
let org: SyncTestOrganisation;
let otherOrg: SyncTestOrganisation;
let device: TestDeviceDb;
let hq: TestHq;
/** A valid bundle HQ has not imported yet. */
let good: Uint8Array;
let records: { table: string; record: StoredRecord }[];

beforeAll(async () => {
  [org, otherOrg] = await Promise.all([makeSyncOrganisation(), makeSyncOrganisation('Other HQ')]);
  device = await openDevice();
  hq = await openHq(org);
  await hq.enrol(device);
  const shelter = await device.shelters.create(validShelter());
  const household = await device.households.register(registration());
  await device.attachments.add({
    ownerType: 'household',
    ownerId: household.id,
    fileName: 'scan.pdf',
    mimeType: 'application/pdf',
    bytes: new Uint8Array([37, 80, 68, 70]),
    thumbnail: null,
  });
  const first = (await device.exportTo(org))!;
  expect((await hq.import(first.bytes, first.fileName)).status).toBe('imported');
  await device.shelters.update(shelter.id, validShelter({ residents: 3 }));
  good = (await device.exportTo(org))!.bytes;
  const all = await Promise.all(
    (['shelters', 'households', 'persons', 'attachments'] as const).map(async (table) =>
      ((await device.db.table(table).toArray()) as StoredRecord[]).map((record) => ({ table, record })),
    ),
  );
  records = all.flat();
}, 60_000);

afterAll(() => {
  device.db.close();
  hq.db.close();
});

const FILE = 'pm-suspicious.pmbundle';

async function expectRefused(
  bytes: Uint8Array,
  code: SyncFileErrorCode,
  context: Partial<ImportContext> = {},
  target: TestHq = hq,
) {
  const before = await databaseDigest(target.db);
  const error = await rejectionOf(target.import(bytes, FILE, context));
  expect(error).toBeInstanceOf(SyncFileError);
  expect(error).toMatchObject({ code, fileName: FILE });
  expect((error as Error).message).toContain(FILE);
  expect(await databaseDigest(target.db)).toBe(before);
}

/** Hand-made payload bytes sealed and signed by the enrolled device: for what the exporter refuses to write. */
async function sealedByDevice(json: string, counts: { records?: number; conflicts?: number } = {}) {
  const bundleId = crypto.randomUUID();
  const header = await headerFor(device.asTestDevice, org, {
    bundleId,
    counts: { records: 0, conflicts: 0, blobs: 0, blobBytes: 0, ...counts },
  });
  const body = json.replaceAll('$BUNDLE', bundleId).replaceAll('$SENDER', device.deviceId);
  return sealBundle({
    header,
    plaintext: rawPayload(body),
    recipientKey: org.info.encryptionKey,
    signingKey: device.keyPair.privateKey,
  });
}

const payload = (recordsJson: string, count = 1) =>
  [
    `{"bundleId":"$BUNDLE","sender":"$SENDER","records":${recordsJson},"conflicts":[],"blobs":[]}`,
    { records: count },
  ] as const;

/** A bundle the device signs, holding its own records changed as given. */
async function bundleOf(changes: OutgoingChanges) {
  return (
    await createBundle({
      device: {
        deviceId: device.deviceId,
        signingKey: device.keyPair.privateKey,
        publicKey: device.keyPair.publicKey,
      },
      organisation: { encryptionKey: org.info.encryptionKey },
      seq: { from: 1, to: 99 },
      changes,
      createdAt: '2025-01-20T00:00:00.000Z',
    })
  ).bytes;
}

const recordOf = (table: string) => records.find((r) => r.table === table)!.record;

describe('bad bundles leave the database unchanged', () => {
  it('the good bundle is accepted by a copy of HQ (the cases below differ from it only by what they test)', async () => {
    const copy = await openHq(org);
    await copy.enrol(device);
    expect((await copy.import(good)).status).toBe('imported');
    copy.db.close();
  });

  it('truncated', async () => {
    const { headerBlock } = decodeContainer(good);
    for (const length of [
      0,
      3,
      9,
      headerBlock.length - 1,
      headerBlock.length + 1,
      good.length - 65,
      good.length - 1,
    ]) {
      await expectRefused(good.subarray(0, length), 'truncated');
    }
  });

  it('corrupted: any byte flipped', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(good.length - 1), fc.integer({ min: 1, max: 255 }), async (index, mask) => {
        const bad = new Uint8Array(good);
        bad[index]! ^= mask;
        const before = await databaseDigest(hq.db);
        const error = await rejectionOf(hq.import(bad, FILE));
        expect(error).toBeInstanceOf(SyncFileError);
        expect(await databaseDigest(hq.db)).toBe(before);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('corrupted: every byte of the header flipped (where a changed byte could name another sender)', async () => {
    const { headerBlock } = decodeContainer(good);
    const before = await databaseDigest(hq.db);
    const codes = new Set<string>();
    for (let i = 0; i < headerBlock.length; i++) {
      const bad = new Uint8Array(good);
      bad[i]! ^= 0x01;
      const error = await rejectionOf(hq.import(bad, FILE));
      expect(error, `byte ${i}`).toBeInstanceOf(SyncFileError);
      codes.add((error as SyncFileError).code);
    }
    expect(await databaseDigest(hq.db)).toBe(before);
    expect(codes).toContain('unknown-device');
    expect(codes).toContain('bad-signature');
    expect(codes).toContain('wrong-recipient');
  }, 60_000);

  it('a bad signature', async () => {
    const bad = new Uint8Array(good);
    bad.fill(0, bad.length - 64);
    await expectRefused(bad, 'bad-signature');
  });

  it('tampered: the header changed and signed again by the device', async () => {
    const container = decodeContainer(good);
    const block = encodeHeaderBlock({ ...container.header, createdAt: '2030-01-01T00:00:00.000Z' });
    const unsigned = concatBytes(block, good.subarray(container.headerBlock.length, container.signed.length));
    await expectRefused(concatBytes(unsigned, await sign(device.keyPair.privateKey, unsigned)), 'tampered');
  });

  it('replayed: the bundle HQ already merged is reported as such and changes nothing', async () => {
    const copy = await openHq(org);
    await copy.enrol(device);
    await copy.import(good);
    const before = await databaseDigest(copy.db);
    expect((await copy.import(good, FILE)).status).toBe('already-imported');
    expect(await databaseDigest(copy.db)).toBe(before);
    copy.db.close();
  });

  it('for another organisation', async () => {
    await expectRefused((await device.exportTo(otherOrg, { full: true }))!.bytes, 'wrong-recipient');
  });

  it('an unknown format version', async () => {
    const future = new Uint8Array(good);
    future[4] = 2;
    await expectRefused(future, 'unknown-version');
  });

  it('oversized', async () => {
    await expectRefused(good, 'too-large', { limits: { maxBundleBytes: 1000 } });
    await expectRefused(good, 'too-large', { limits: { maxJsonBytes: 100 } });
    await expectRefused(good, 'too-large', { limits: { maxRecords: 1 } });
  });

  it('stamped far in the future, when HQ sets a limit', async () => {
    await expectRefused(good, 'clock-skew', {
      maxFutureSkewMs: 60_000,
      now: () => new Date('2024-01-01T00:00:00Z'),
    });
  });

  it.each([
    ['deep nesting', payload(`[{"table":"shelters","record":{"notes":${'['.repeat(40)}${']'.repeat(40)}}}]`)],
    ['a huge string', payload(`[{"table":"shelters","record":{"notes":"${'x'.repeat(300_000)}"}}]`)],
    ['a __proto__ key', payload('[{"table":"shelters","record":{"__proto__":{"polluted":1}}}]')],
    [
      'an escaped __proto__ key',
      payload('[{"table":"shelters","record":{"__pro\\u0074o__":{"polluted":1}}}]'),
    ],
    ['a non-finite number', payload('[{"table":"shelters","record":{"capacity":1e999}}]')],
  ])('hostile content: %s', async (_, [json, counts]) => {
    await expectRefused(await sealedByDevice(json, counts), 'hostile-content');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  describe('records failing validation', () => {
    const changed = (table: string, change: (r: StoredRecord) => StoredRecord) => ({
      records: [{ table, record: change(recordOf(table)) }],
    });
    it.each<[string, () => OutgoingChanges]>([
      ['a value the shared schema refuses', () => changed('households', (r) => ({ ...r, status: 'bogus' }))],
      [
        'a member failing the member schema',
        () => changed('persons', (r) => ({ ...r, estimatedAge: 500, dateOfBirth: '' })),
      ],
      [
        'a table that does not sync',
        () => ({ records: [{ table: 'drafts', record: recordOf('shelters') }] }),
      ],
      ['a key no schema names', () => changed('shelters', (r) => ({ ...r, enc: 'not an envelope' }))],
      [
        'a stamp on a derived field',
        () => changed('shelters', (r) => ({ ...r, fieldHlc: { ...r.fieldHlc, searchTokens: r.hlc } })),
      ],
      [
        'a conflict on a derived field',
        () => ({
          records: [{ table: 'shelters', record: recordOf('shelters') }],
          conflicts: [
            {
              table: 'shelters',
              id: recordOf('shelters').id,
              field: 'nameKey',
              stamp: formatHlc({ wallMs: 1_736_000_000_000, counter: 0 }, 'other'),
              value: 'x',
              base: [],
            },
          ],
        }),
      ],
      [
        'an attachment whose bytes are not the ones it names',
        () => changed('attachments', (r) => ({ ...r, sha256: 'a'.repeat(64) })),
      ],
      [
        "an attachment whose size is not its bytes'",
        () => changed('attachments', (r) => ({ ...r, size: 1 })),
      ],
    ])('%s', async (_, changes) => {
      await expectRefused(await bundleOf(changes()), 'invalid-record');
    });
  });

  it('a known key under a device id HQ does not know is refused, not held', async () => {
    const changes = { records: [{ table: 'shelters', record: recordOf('shelters') }] };
    const bytes = (
      await createBundle({
        device: {
          deviceId: 'not-enrolled',
          signingKey: device.keyPair.privateKey,
          publicKey: device.keyPair.publicKey,
        },
        organisation: { encryptionKey: org.info.encryptionKey },
        seq: { from: 1, to: 1 },
        changes,
        createdAt: '2025-01-20T00:00:00.000Z',
      })
    ).bytes;
    await expectRefused(bytes, 'unknown-device');
  });

  it('from a revoked device', async () => {
    const copy = await openHq(org);
    await copy.enrol(device);
    await revokeDevice(copy.db, device.deviceId, { now: () => new Date('2025-01-25T00:00:00Z') });
    await expectRefused(good, 'revoked-device', {}, copy);
    copy.db.close();
  });
});
