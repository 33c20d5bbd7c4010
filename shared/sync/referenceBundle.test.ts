import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes, fromUtf8, u32, utf8 } from './bytes';
import { SyncError } from './errors';
import type { StoredRecord } from './fieldVersions';
import { generateDeviceKeyPair, sign } from './keys';
import {
  createReferenceBundle,
  LEFT_OUT_DEFAULTS,
  missingQuestionnaires,
  readReferenceBundle,
  referenceFileName,
  toReferenceRecord,
  type CreateReferenceBundleInput,
} from './referenceBundle';
import { stamp, uuid } from './testing/syncTestKit';

const orgFingerprint = 'ab'.repeat(32);
const HQ = 'hq-device';
const DEV = 'dev-a';
const VERSION = stamp(Date.UTC(2025, 1, 1), HQ);
let orgKeys: CryptoKeyPair;
let otherKeys: CryptoKeyPair;

beforeAll(async () => {
  [orgKeys, otherKeys] = await Promise.all([generateDeviceKeyPair(), generateDeviceKeyPair()]);
});

const s1 = stamp(Date.UTC(2025, 0, 10), DEV);
const s2 = stamp(Date.UTC(2025, 0, 20), HQ);

/** A shelter as HQ stores it: personal fields, derived fields, every field stamped. */
function storedShelter(n: number, overrides: Partial<StoredRecord> = {}): StoredRecord {
  const fields = {
    name: `Qendra kolektive ${n}`,
    municipality: 'prishtine',
    settlement: 'Bregu i Diellit',
    address: 'Rr. Agim Ramadani 3',
    managingAuthority: 'municipality',
    capacity: 40,
    residents: 31,
    status: 'open',
    contactPerson: 'Drita Krasniqi',
    contactPhone: '+383 44 123 456',
    notes: 'Ms Krasniqi lives in room 4',
  };
  return {
    id: uuid(n),
    createdAt: '2025-01-10T00:00:00.000Z',
    updatedAt: '2025-01-20T00:00:00.000Z',
    hlc: s2,
    fieldHlc: {
      ...Object.fromEntries(Object.keys(fields).map((f) => [f, s1])),
      capacity: s2,
      contactPerson: s2,
    },
    fieldBase: { capacity: [s1], contactPerson: [s1] },
    deviceId: HQ,
    deletedAt: null,
    nameKey: `qendra kolektive ${n}`,
    searchTokens: ['qendra', 'kolektive'],
    ...fields,
    ...overrides,
  };
}

function storedOrganisation(n: number): StoredRecord {
  return {
    id: uuid(100 + n),
    createdAt: '2025-01-10T00:00:00.000Z',
    updatedAt: '2025-01-10T00:00:00.000Z',
    hlc: s1,
    fieldHlc: { name: s1, services: s1, contact: s1, active: s1 },
    deviceId: DEV,
    deletedAt: null,
    name: `Partner ${n}`,
    services: ['freeLegalAid'],
    contact: 'Besnik, +383 49 000 111',
    active: true,
  };
}

const input = (overrides: Partial<CreateReferenceBundleInput> = {}): CreateReferenceBundleInput => ({
  organisationSigningKey: orgKeys.privateKey,
  organisationFingerprint: orgFingerprint,
  version: VERSION,
  createdAt: '2025-02-01T00:00:00.000Z',
  shelters: [storedShelter(2), storedShelter(1, { deletedAt: '2025-01-15T00:00:00.000Z' })],
  organisations: [storedOrganisation(1)],
  questionnaires: [
    { id: 'returnee-monitoring', version: 2 },
    { id: 'returnee-monitoring', version: 1 },
    { id: 'returnee-monitoring', version: 2 },
  ],
  ...overrides,
});

const context = () => ({
  organisationSigningKey: orgKeys.publicKey,
  organisationFingerprint: orgFingerprint,
});

async function reasonOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'accepted';
  } catch (error) {
    if (error instanceof SyncError) return error.reason;
    throw error;
  }
}

/** A file built by hand (header and payload text as given), signed by the organisation. */
async function signedRaw(header: object | string, payload: object | string, key = orgKeys.privateKey) {
  const h = utf8(typeof header === 'string' ? header : JSON.stringify(header));
  const p = utf8(typeof payload === 'string' ? payload : JSON.stringify(payload));
  const unsigned = concatBytes(
    utf8('PMRF'),
    new Uint8Array([1, 0]),
    u32(4 + h.length + p.length),
    u32(h.length),
    h,
    p,
  );
  return concatBytes(unsigned, await sign(key, unsigned));
}

const headerOf = (counts: { shelters: number; organisations: number; questionnaires: number }) => ({
  formatVersion: 1,
  organisation: orgFingerprint,
  version: VERSION,
  createdAt: '2025-02-01T00:00:00.000Z',
  counts,
});

describe('reference data files', () => {
  it('carry the registry without personal data, and the device reads them back', async () => {
    const { bytes, header } = await createReferenceBundle(input());
    expect(header).toMatchObject({
      version: VERSION,
      counts: { shelters: 2, organisations: 1, questionnaires: 2 },
    });
    const text = fromUtf8(bytes.subarray(14, bytes.length - 64));
    for (const personal of [
      'Drita',
      '123 456',
      'room 4',
      'Besnik',
      'contact',
      'notes',
      'searchTokens',
      'nameKey',
    ]) {
      expect(text).not.toContain(personal);
    }

    const read = await readReferenceBundle(bytes, context());
    expect(read.header).toEqual(header);
    expect(read.shelters.map((s) => s.id)).toEqual([uuid(1), uuid(2)]);
    const shelter = read.shelters[1]!;
    expect(Object.keys(shelter).sort()).toEqual(
      [
        'address',
        'capacity',
        'createdAt',
        'deletedAt',
        'deviceId',
        'fieldBase',
        'fieldHlc',
        'hlc',
        'id',
        'managingAuthority',
        'municipality',
        'name',
        'residents',
        'settlement',
        'status',
        'updatedAt',
      ].sort(),
    );
    expect(shelter.fieldHlc).not.toHaveProperty('contactPerson');
    expect(shelter.fieldBase).toEqual({ capacity: [s1] });
    expect(read.shelters[0]!.deletedAt).toBe('2025-01-15T00:00:00.000Z');
    expect(read.organisations[0]).toMatchObject({
      name: 'Partner 1',
      services: ['freeLegalAid'],
      active: true,
    });
    expect(read.organisations[0]!.fieldHlc).toEqual({ name: s1, services: s1, active: s1 });
    expect(read.questionnaires).toEqual([
      { id: 'returnee-monitoring', version: 1 },
      { id: 'returnee-monitoring', version: 2 },
    ]);
    expect(referenceFileName(VERSION)).toBe(`pm-ref-${VERSION.slice(0, 22)}.pmref`);
  });

  it('leave out exactly the personal fields, with their schema defaults for new records', () => {
    expect(LEFT_OUT_DEFAULTS).toEqual({
      shelters: { contactPerson: '', contactPhone: '', notes: '' },
      organisations: { contact: '' },
    });
    const reduced = toReferenceRecord('organisations', storedOrganisation(1));
    expect(reduced).not.toHaveProperty('contact');
    expect(reduced).not.toHaveProperty('fieldBase');
  });

  it('lists the questionnaire versions a build lacks', () => {
    expect(
      missingQuestionnaires(
        [
          { id: 'a', version: 1 },
          { id: 'a', version: 3 },
          { id: 'b', version: 1 },
        ],
        [
          { id: 'a', version: 1 },
          { id: 'a', version: 2 },
        ],
      ),
    ).toEqual([
      { id: 'a', version: 3 },
      { id: 'b', version: 1 },
    ]);
  });

  it('are not written with a record that breaks its schema', async () => {
    expect(
      await reasonOf(createReferenceBundle(input({ shelters: [storedShelter(1, { capacity: -1 })] }))),
    ).toBe('invalid-record');
    expect(await reasonOf(createReferenceBundle(input({ limits: { maxFileBytes: 200 } })))).toBe('too-large');
  });

  it('are refused when forged, from another organisation, altered, cut, padded, too large or from the future', async () => {
    const { bytes } = await createReferenceBundle(input());
    expect(
      await reasonOf(
        readReferenceBundle(bytes, { ...context(), organisationSigningKey: otherKeys.publicKey }),
      ),
    ).toBe('bad-signature');
    expect(
      await reasonOf(readReferenceBundle(bytes, { ...context(), organisationFingerprint: 'cd'.repeat(32) })),
    ).toBe('wrong-recipient');
    for (let i = 0; i < bytes.length; i++) {
      const bad = new Uint8Array(bytes);
      bad[i]! ^= 0x04;
      expect(await reasonOf(readReferenceBundle(bad, context())), `byte ${i}`).not.toBe('accepted');
    }
    for (let n = 0; n < bytes.length; n += 11) {
      expect(await reasonOf(readReferenceBundle(bytes.subarray(0, n), context())), `${n} bytes`).toBe(
        'truncated',
      );
    }
    const future = new Uint8Array(bytes);
    future[4] = 2;
    expect(await reasonOf(readReferenceBundle(future, context()))).toBe('unknown-version');
    expect(await reasonOf(readReferenceBundle(concatBytes(bytes, new Uint8Array(1)), context()))).toBe(
      'corrupt',
    );
    expect(await reasonOf(readReferenceBundle(bytes, { ...context(), limits: { maxFileBytes: 100 } }))).toBe(
      'too-large',
    );
    expect(await reasonOf(readReferenceBundle(bytes, { ...context(), limits: { maxRecords: 2 } }))).toBe(
      'too-large',
    );
    expect(
      await reasonOf(readReferenceBundle(utf8('{"format":"protection-monitor/organisation"}'), context())),
    ).toBe('corrupt');
  });

  it('refuse signed files that smuggle personal data, bad stamps, hostile JSON or wrong counts', async () => {
    const { bytes } = await createReferenceBundle(input({ shelters: [storedShelter(1)], organisations: [] }));
    const good = await readReferenceBundle(bytes, context());
    const shelter = good.shelters[0]!;
    const counts = { shelters: 1, organisations: 0, questionnaires: 2 };
    const payload = (shelters: unknown[], more: object = {}) => ({
      version: VERSION,
      shelters,
      organisations: [],
      questionnaires: good.questionnaires,
      ...more,
    });
    const read = async (header: object | string, body: object | string) =>
      reasonOf(readReferenceBundle(await signedRaw(header, body), context()));

    expect(await read(headerOf(counts), payload([shelter]))).toBe('accepted');
    expect(await read(headerOf(counts), payload([{ ...shelter, contactPerson: 'Drita Krasniqi' }]))).toBe(
      'invalid-record',
    );
    expect(
      await read(headerOf(counts), payload([{ ...shelter, fieldHlc: { ...shelter.fieldHlc, notes: s1 } }])),
    ).toBe('invalid-record');
    expect(await read(headerOf(counts), payload([{ ...shelter, fieldHlc: { name: 'yesterday' } }]))).toBe(
      'invalid-record',
    );
    expect(await read(headerOf(counts), payload([{ ...shelter, fieldBase: { name: [s1] } }]))).toBe(
      'invalid-record',
    );
    const { residents: _residents, ...withoutResidents } = shelter;
    expect(await read(headerOf(counts), payload([withoutResidents]))).toBe('invalid-record');
    expect(
      await read(
        headerOf(counts),
        JSON.stringify(payload([shelter])).replace('"capacity":40', '"capacity":1e400'),
      ),
    ).toBe('hostile-content');
    expect(
      await read(
        headerOf(counts),
        JSON.stringify(payload([shelter])).replace('"name":', '"__proto__":{},"name":'),
      ),
    ).toBe('hostile-content');
    expect(await read(headerOf(counts), payload([{ ...shelter, name: [[[[[[[['deep']]]]]]]] }]))).toBe(
      'hostile-content',
    );
    expect(await read(headerOf({ ...counts, shelters: 2 }), payload([shelter]))).toBe('corrupt');
    expect(await read(headerOf(counts), payload([shelter], { version: stamp(1, HQ) }))).toBe('corrupt');
    expect(await read(headerOf({ ...counts, shelters: 2 }), payload([shelter, shelter]))).toBe('corrupt');
    expect(await read({ ...headerOf(counts), extra: 1 }, payload([shelter]))).toBe('corrupt');
    expect(await read(headerOf(counts), payload([shelter], { households: [] }))).toBe('corrupt');
    expect(
      await read(
        headerOf({ ...counts, questionnaires: 2 }),
        payload([shelter], { questionnaires: [good.questionnaires[0], good.questionnaires[0]] }),
      ),
    ).toBe('corrupt');
    // Signed by another key, naming this organisation: forged.
    expect(
      await reasonOf(
        readReferenceBundle(
          await signedRaw(headerOf(counts), payload([shelter]), otherKeys.privateKey),
          context(),
        ),
      ),
    ).toBe('bad-signature');
  });
});
