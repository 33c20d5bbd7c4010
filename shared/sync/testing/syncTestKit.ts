/**
 * Test-only helpers for the sync tests: keys made once per test file, tiny record schemas, a
 * validator, and raw payload builders for hostile-input cases. Not imported by app code.
 */
import { z } from 'zod';
import { recordMetaSchema } from '../../records/recordMeta';
import { concatBytes, u32, utf8 } from '../bytes';
import { BUNDLE_FORMAT_VERSION, type BundleHeader } from '../bundleFormat';
import { knownDevice, type KnownDevice } from '../deviceFile';
import { formatHlc } from '../hlc';
import {
  generateDeviceKeyPair,
  generateOrganisationKeys,
  keyFingerprint,
  type OrganisationKeys,
} from '../keys';
import { describeOrganisation, type Organisation } from '../orgFile';
import type { RecordValidator } from '../payload';
import type { StoredRecord } from '../fieldVersions';

export const TABLES = ['households', 'visits'] as const;

const fieldsSchema = z.object({
  a: z.int().min(0).max(1000),
  b: z.int().min(0).max(1000),
  c: z.int().min(0).max(1000),
});
export const testSchemas: Record<string, z.ZodType> = {
  households: recordMetaSchema.extend(fieldsSchema.shape),
  visits: recordMetaSchema.extend({ ...fieldsSchema.shape, note: z.string().max(500).optional() }),
  attachments: recordMetaSchema.extend({
    ownerId: z.uuid(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    data: z.instanceof(Uint8Array),
    thumbnail: z.instanceof(Uint8Array).nullable(),
  }),
};

/** What the lead will plug in: the shared zod schema of each table. */
export const validate: RecordValidator = (table, record) =>
  testSchemas[table]?.safeParse(record) ?? { success: false, error: new Error(`unknown table ${table}`) };

export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const stamp = (wallMs: number, deviceId: string, counter = 0) =>
  formatHlc({ wallMs, counter }, deviceId);
export const iso = (wallMs: number) => new Date(wallMs).toISOString();

export function record(
  fields: Record<string, unknown>,
  s: string,
  overrides: Partial<StoredRecord> = {},
): StoredRecord {
  const wall = Number(s.slice(0, 15));
  return {
    id: uuid(1),
    createdAt: iso(wall),
    updatedAt: iso(wall),
    hlc: s,
    fieldHlc: Object.fromEntries(Object.keys(fields).map((f) => [f, s])),
    deviceId: s.slice(23),
    deletedAt: null,
    ...fields,
    ...overrides,
  };
}

export interface TestDevice {
  deviceId: string;
  keyPair: CryptoKeyPair;
  known: KnownDevice;
}

export async function makeDevice(deviceId: string): Promise<TestDevice> {
  const keyPair = await generateDeviceKeyPair();
  return { deviceId, keyPair, known: await knownDevice(deviceId, deviceId, keyPair.publicKey) };
}

export interface TestOrganisation {
  keys: OrganisationKeys;
  info: Organisation;
}

export async function makeOrganisation(name = 'Test HQ'): Promise<TestOrganisation> {
  const keys = await generateOrganisationKeys();
  return { keys, info: await describeOrganisation(keys, name, '2025-01-01T00:00:00.000Z') };
}

/** A payload with JSON written by hand, to smuggle what `encodePayload` would refuse. */
export function rawPayload(json: string, blobs: readonly Uint8Array[] = []): Uint8Array<ArrayBuffer> {
  const bytes = utf8(json);
  return concatBytes(
    utf8('PMPL'),
    new Uint8Array([0]),
    u32(bytes.length),
    u32(bytes.length),
    bytes,
    ...blobs,
  );
}

export async function headerFor(
  device: TestDevice,
  org: TestOrganisation,
  overrides: Partial<BundleHeader> & { bundleId: string },
): Promise<BundleHeader> {
  return {
    formatVersion: BUNDLE_FORMAT_VERSION,
    sender: { deviceId: device.deviceId, keyFingerprint: await keyFingerprint(device.keyPair.publicKey) },
    recipient: org.info.encryptionKeyFingerprint,
    createdAt: '2025-01-02T00:00:00.000Z',
    seq: { from: 1, to: 1 },
    counts: { records: 0, conflicts: 0, blobs: 0, blobBytes: 0 },
    ...overrides,
  };
}
