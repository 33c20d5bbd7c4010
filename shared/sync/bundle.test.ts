import { deflateSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes, sha256Hex, u32, utf8 } from './bytes';
import { createBundle, importBundle, readBundle, type ReadContext } from './bundle';
import { sealBundle } from './bundleCrypto';
import { decodeContainer, encodeHeaderBlock, type BundleHeader } from './bundleFormat';
import { createDeviceFile, readDeviceFile } from './deviceFile';
import { SyncError, type SyncErrorReason } from './errors';
import { sign } from './keys';
import { emptyReplica } from './merge';
import { createOrganisationFile, readOrganisationFile } from './orgFile';
import { encodePayload, hydrateRecord, type OutgoingChanges } from './payload';
import {
  headerFor,
  makeDevice,
  makeOrganisation,
  rawPayload,
  record,
  stamp,
  uuid,
  validate,
  type TestDevice,
  type TestOrganisation,
} from './testing/syncTestKit';

let org: TestOrganisation;
let otherOrg: TestOrganisation;
let devA: TestDevice;
let devB: TestDevice;
let devC: TestDevice; // never enrolled
let context: ReadContext;
let good: Uint8Array;
let changes: OutgoingChanges;
const photo = utf8('not really a jpeg, but bytes all the same');

beforeAll(async () => {
  [org, otherOrg, devA, devB, devC] = await Promise.all([
    makeOrganisation(),
    makeOrganisation('Other HQ'),
    makeDevice('dev-a'),
    makeDevice('dev-b'),
    makeDevice('dev-c'),
  ]);
  context = {
    organisationKey: org.keys.encryption.privateKey,
    organisationKeyFingerprint: org.info.encryptionKeyFingerprint,
    knownDevices: new Map([devA, devB].map((d) => [d.deviceId, d.known])),
    validate,
  };
  const s = stamp(1_736_000_000_000, 'dev-a');
  const household = record({ a: 1, b: 2, c: 3 }, s);
  const attachment = record(
    { ownerId: uuid(1), sha256: await sha256Hex(photo), data: photo, thumbnail: null },
    s,
    { id: uuid(2) },
  );
  changes = {
    records: [
      { table: 'households', record: household },
      { table: 'attachments', record: attachment },
    ],
    conflicts: [
      {
        table: 'households',
        id: household.id,
        field: 'a',
        stamp: stamp(1_735_999_999_000, 'dev-b'),
        value: 9,
        base: [],
      },
    ],
  };
  good = (await bundleFrom(devA, changes)).bytes;
}, 60_000);

function bundleFrom(
  device: TestDevice,
  outgoing: OutgoingChanges,
  extra: { to?: TestOrganisation; bundleId?: string } = {},
) {
  return createBundle({
    device: {
      deviceId: device.deviceId,
      signingKey: device.keyPair.privateKey,
      publicKey: device.keyPair.publicKey,
    },
    organisation: { encryptionKey: (extra.to ?? org).keys.encryption.publicKey },
    seq: { from: 1, to: 5 },
    changes: outgoing,
    createdAt: '2025-01-04T10:00:00.000Z',
    bundleId: extra.bundleId,
  });
}

/** Seals hand-made payload bytes as device A would: for inputs encodePayload refuses to produce. */
async function sealRaw(
  plaintext: Uint8Array,
  counts: Partial<BundleHeader['counts']> = {},
  device = devA,
  bundleId = uuid(777),
) {
  const header = await headerFor(device, org, {
    bundleId,
    counts: { records: 0, conflicts: 0, blobs: 0, blobBytes: 0, ...counts },
  });
  return sealBundle({
    header,
    plaintext,
    recipientKey: org.keys.encryption.publicKey,
    signingKey: device.keyPair.privateKey,
  });
}

async function reasonOf(work: Promise<unknown>): Promise<SyncErrorReason | 'accepted'> {
  try {
    await work;
    return 'accepted';
  } catch (error) {
    if (error instanceof SyncError) return error.reason;
    throw error;
  }
}

const payloadJson = (body: Record<string, unknown>) =>
  JSON.stringify({ bundleId: uuid(777), sender: 'dev-a', records: [], conflicts: [], blobs: [], ...body });

describe('bundle round trip', () => {
  it('carries records, conflicts and attachments; bytes travel once and come back by hash', async () => {
    const content = await readBundle(good, context);
    expect(content.deviceId).toBe('dev-a');
    expect(content.seq).toEqual({ from: 1, to: 5 });
    expect(content.records).toHaveLength(2);
    const hash = await sha256Hex(photo);
    expect(content.records[1]!.record.data).toEqual({ $blob: hash });
    expect(content.blobs.get(hash)).toEqual(photo);
    expect(hydrateRecord(content.records[1]!.record, content.blobs).data).toEqual(photo);
    expect(content.conflicts).toEqual([changes.conflicts![0]]);
  });

  it('works from the files alone: a device set up from the organisation file, enrolled from its device file', async () => {
    const orgFile = await createOrganisationFile(org.keys, 'HQ', '2025-01-01T00:00:00.000Z');
    const deviceFile = await createDeviceFile(
      { deviceId: 'dev-z', name: 'Tablet', keyPair: devC.keyPair },
      '2025-01-01T00:00:00.000Z',
    );
    const organisation = await readOrganisationFile(orgFile); // on the device
    const enrolled = await readDeviceFile(deviceFile); // at HQ
    const { bytes } = await createBundle({
      device: { deviceId: 'dev-z', signingKey: devC.keyPair.privateKey, publicKey: devC.keyPair.publicKey },
      organisation,
      seq: { from: 1, to: 1 },
      changes,
      createdAt: '2025-01-04T10:00:00.000Z',
    });
    const content = await readBundle(bytes, { ...context, knownDevices: new Map([['dev-z', enrolled]]) });
    expect(content.records).toHaveLength(2);
  });

  it('shows only the plain header without keys, and hides the records', async () => {
    const { header } = decodeContainer(good);
    expect(header).toMatchObject({
      sender: { deviceId: 'dev-a' },
      recipient: org.info.encryptionKeyFingerprint,
      counts: { records: 2, conflicts: 1, blobs: 1 },
    });
    const text = new TextDecoder('latin1').decode(good);
    expect(text).not.toContain('not really a jpeg');
    expect(text).not.toContain(uuid(1));
  });

  it('imports into a replica; importing it again is refused and changes nothing', async () => {
    const first = await importBundle(emptyReplica(), good, context);
    expect(first.report).toMatchObject({ inserted: 2, bundleId: first.header.bundleId });
    expect(first.state.blobs.size).toBe(1);
    expect(await reasonOf(importBundle(first.state, good, context))).toBe('replayed');
  });

  it('the same bundle id from another device is not a replay (one device cannot block another)', async () => {
    const first = await importBundle(emptyReplica(), good, context);
    const fromB = await bundleFrom(devB, { records: [] }, { bundleId: first.header.bundleId });
    expect(await reasonOf(importBundle(first.state, fromB.bytes, context))).toBe('accepted');
  });
});

describe('bad input is refused with a reason', () => {
  it('truncated at any length', async () => {
    for (let length = 0; length < good.length; length++) {
      expect(await reasonOf(readBundle(good.subarray(0, length), context)), `length ${length}`).toBe(
        'truncated',
      );
    }
  });

  it('any byte flipped', async () => {
    const seen = new Map<string, number>();
    for (let i = 0; i < good.length; i++) {
      for (const mask of [0x01, 0x80]) {
        const bad = new Uint8Array(good);
        bad[i]! ^= mask;
        const reason = await reasonOf(readBundle(bad, context));
        expect(reason, `byte ${i} ^ ${mask}`).not.toBe('accepted');
        seen.set(reason, (seen.get(reason) ?? 0) + 1);
      }
    }
    expect(seen.get('bad-signature')).toBeGreaterThan(good.length);
  }, 60_000);

  it('bytes appended after the signature', async () => {
    expect(await reasonOf(readBundle(concatBytes(good, new Uint8Array([0])), context))).toBe('corrupt');
  });

  it('not a bundle at all', async () => {
    expect(await reasonOf(readBundle(utf8('%PDF-1.7 hello'), context))).toBe('corrupt');
  });

  it('tampered: a header changed and re-signed by another enrolled device', async () => {
    const container = decodeContainer(good);
    const forged = { ...container.header, createdAt: '2030-01-01T00:00:00.000Z' };
    const block = encodeHeaderBlock(forged);
    const unsigned = concatBytes(block, good.subarray(container.headerBlock.length, container.signed.length));
    const resigned = concatBytes(unsigned, await sign(devB.keyPair.privateKey, unsigned));
    expect(await reasonOf(readBundle(resigned, context))).toBe('bad-signature');
  });

  it('tampered: another enrolled device claims the bundle as its own', async () => {
    const container = decodeContainer(good);
    const claimed = {
      ...container.header,
      sender: { deviceId: 'dev-b', keyFingerprint: devB.known.fingerprint },
    };
    const unsigned = concatBytes(
      encodeHeaderBlock(claimed),
      good.subarray(container.headerBlock.length, container.signed.length),
    );
    const resigned = concatBytes(unsigned, await sign(devB.keyPair.privateKey, unsigned));
    expect(await reasonOf(readBundle(resigned, context))).toBe('tampered');
  });

  it('tampered: an encrypted payload that names another sender than its header', async () => {
    const encoded = await encodePayload(uuid(777), 'dev-a', { records: [] });
    expect(await reasonOf(readBundle(await sealRaw(encoded.plaintext, {}, devB), context))).toBe('tampered');
  });

  it('wrong recipient', async () => {
    const forOther = await bundleFrom(devA, changes, { to: otherOrg });
    expect(await reasonOf(readBundle(forOther.bytes, context))).toBe('wrong-recipient');
  });

  it('unknown device, or a known device id with a key that is not its enrolled one', async () => {
    const fromC = await bundleFrom(devC, changes);
    expect(await reasonOf(readBundle(fromC.bytes, context))).toBe('unknown-device');
    const impostor = { ...devC, deviceId: 'dev-a' };
    expect(await reasonOf(readBundle((await bundleFrom(impostor, changes)).bytes, context))).toBe(
      'unknown-device',
    );
  });

  it('unknown version', async () => {
    const future = new Uint8Array(good);
    future[4] = 2;
    expect(await reasonOf(readBundle(future, context))).toBe('unknown-version');
  });

  it('oversized: file, header, JSON, record count, attachment', async () => {
    expect(await reasonOf(readBundle(good, { ...context, limits: { maxBundleBytes: 1000 } }))).toBe(
      'too-large',
    );
    expect(await reasonOf(readBundle(good, { ...context, limits: { maxHeaderBytes: 100 } }))).toBe(
      'too-large',
    );
    expect(await reasonOf(readBundle(good, { ...context, limits: { maxJsonBytes: 100 } }))).toBe('too-large');
    expect(await reasonOf(readBundle(good, { ...context, limits: { maxRecords: 1 } }))).toBe('too-large');
    expect(await reasonOf(readBundle(good, { ...context, limits: { maxBlobBytes: 10 } }))).toBe('too-large');
  });

  it('a compression bomb stops at the declared size', async () => {
    const bomb = deflateSync(new Uint8Array(16 * 1024 * 1024).fill(0x20));
    const plaintext = concatBytes(utf8('PMPL'), new Uint8Array([1]), u32(bomb.length), u32(1000), bomb);
    const started = Date.now();
    expect(await reasonOf(readBundle(await sealRaw(plaintext), context))).toBe('corrupt');
    expect(Date.now() - started).toBeLessThan(2000);
    const declaredHuge = concatBytes(
      utf8('PMPL'),
      new Uint8Array([1]),
      u32(bomb.length),
      u32(2 ** 32 - 1),
      bomb,
    );
    expect(await reasonOf(readBundle(await sealRaw(declaredHuge), context))).toBe('too-large');
  });

  it.each([
    ['deep nesting', payloadJson({ records: JSON.parse('['.repeat(40) + ']'.repeat(40)) })],
    [
      'a huge string',
      payloadJson({ records: [{ table: 'households', record: { note: 'x'.repeat(300_000) } }] }),
    ],
    [
      'a __proto__ key',
      payloadJson({}).replace(
        '"records":[]',
        '"records":[{"table":"households","record":{"__proto__":{"polluted":1}}}]',
      ),
    ],
    [
      'a constructor key',
      payloadJson({}).replace('"conflicts":[]', '"conflicts":[{"constructor":{"prototype":{}}}]'),
    ],
    ['a non-finite number', payloadJson({}).replace('"blobs":[]', '"blobs":[{"sha256":"00","size":1e999}]')],
  ])('hostile content: %s', async (_, json) => {
    expect(await reasonOf(readBundle(await sealRaw(rawPayload(json)), context))).toBe('hostile-content');
  });

  it('malformed payloads', async () => {
    const wrongCounts = rawPayload(payloadJson({}));
    expect(await reasonOf(readBundle(await sealRaw(wrongCounts, { records: 3 }), context))).toBe('corrupt');
    expect(await reasonOf(readBundle(await sealRaw(rawPayload('{"not":"a payload"}')), context))).toBe(
      'corrupt',
    );
    expect(await reasonOf(readBundle(await sealRaw(rawPayload('[1,2')), context))).toBe('corrupt');
    const badBlob = rawPayload(payloadJson({ blobs: [{ sha256: '0'.repeat(64), size: 3 }] }), [
      new Uint8Array([1, 2, 3]),
    ]);
    expect(await reasonOf(readBundle(await sealRaw(badBlob, { blobs: 1, blobBytes: 3 }), context))).toBe(
      'corrupt',
    );
  });

  describe('records failing validation', () => {
    const s = stamp(1_736_000_000_000, 'dev-a');
    const cases: [string, () => OutgoingChanges][] = [
      [
        'a field of the wrong type',
        () => ({ records: [{ table: 'households', record: record({ a: 'many', b: 1, c: 1 }, s) }] }),
      ],
      [
        'an unknown table',
        () => ({ records: [{ table: 'secrets', record: record({ a: 1, b: 1, c: 1 }, s) }] }),
      ],
      [
        'a conflict value that fails the schema',
        () => ({
          records: [{ table: 'households', record: record({ a: 1, b: 1, c: 1 }, s) }],
          conflicts: [
            { table: 'households', id: uuid(1), field: 'a', stamp: stamp(1, 'dev-b'), value: -5, base: [] },
          ],
        }),
      ],
    ];
    it.each(cases)('%s', async (_, make) => {
      const bundle = await bundleFrom(devA, make());
      let error: unknown;
      try {
        await readBundle(bundle.bytes, context);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SyncError);
      expect((error as SyncError).reason).toBe('invalid-record');
      expect((error as SyncError).detail).toMatchObject({ id: uuid(1) });
    });

    it.each([
      ['a malformed stamp', { fieldHlc: { a: 'yesterday' } }],
      ['a base naming its own device', { fieldBase: { a: [stamp(1, 'dev-a')] } }],
      ['a stamp on a bookkeeping key', { fieldHlc: { a: s, hlc: s } }],
      ['an id that is not a UUID', { id: 'x' }],
    ])('bad sync metadata: %s', async (_, overrides) => {
      const bad = { ...record({ a: 1, b: 1, c: 1 }, s), ...overrides };
      const json = payloadJson({ records: [{ table: 'households', record: bad }] });
      expect(await reasonOf(readBundle(await sealRaw(rawPayload(json), { records: 1 }), context))).toBe(
        'invalid-record',
      );
    });

    it('a field naming an attachment the bundle lacks', async () => {
      const bad = {
        ...record({ ownerId: uuid(1), sha256: '0'.repeat(64), thumbnail: null }, s),
        data: { $blob: '1'.repeat(64) },
      };
      const json = payloadJson({ records: [{ table: 'attachments', record: bad }] });
      expect(await reasonOf(readBundle(await sealRaw(rawPayload(json), { records: 1 }), context))).toBe(
        'invalid-record',
      );
    });
  });

  it('stamps far in the future, when the importer sets a limit', async () => {
    const future = stamp(Date.parse('2035-01-01'), 'dev-a');
    const bundle = await bundleFrom(devA, {
      records: [{ table: 'households', record: record({ a: 1, b: 1, c: 1 }, future) }],
    });
    expect(await reasonOf(readBundle(bundle.bytes, context))).toBe('accepted');
    expect(await reasonOf(readBundle(bundle.bytes, { ...context, maxFutureSkewMs: 86_400_000 }))).toBe(
      'clock-skew',
    );
  });

  it('the exporter refuses values JSON would change', async () => {
    const s = stamp(1_736_000_000_000, 'dev-a');
    for (const value of [Number.NaN, new Date(0), { nested: new Uint8Array(1) }, { $blob: 'x' }, new Map()]) {
      expect(
        await reasonOf(
          encodePayload(uuid(1), 'dev-a', {
            records: [{ table: 'households', record: record({ a: value }, s) }],
          }),
        ),
      ).toBe('invalid-record');
    }
  });
});
