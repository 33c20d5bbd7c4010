import { z } from 'zod';
import { ByteReader, concatBytes, fromUtf8, u32, utf8 } from './bytes';
import { deviceIdSchema } from './deviceFile';
import { SyncError } from './errors';
import { ECDSA_P256_SIGNATURE_BYTES, sign, verify } from './keys';
import { syncLimits, type SyncLimits } from './limits';
import { coveredRanges, type ReplicaState, type SeqRange } from './merge';
import { safeJsonParse } from './safeJson';

/**
 * HQ's acknowledgement to one device: which of its bundles and sequence numbers HQ has merged
 * and committed. Signed with the organisation's signing key; the device verifies it with the key
 * from the organisation file. Layout (big-endian):
 *
 *   0     4  magic "PMAK"
 *   4     1  format version (1)
 *   5     1  flags (0)
 *   6     4  B  body length
 *   10    B  body: UTF-8 JSON (acknowledgementSchema)
 *   10+B  64 ECDSA P-256 SHA-256 signature (r‖s) over bytes [0, 10+B)
 *
 * Acknowledgements are cumulative: each one states everything HQ holds from the device, so an
 * old one replayed only says less, never something false.
 */
export const ACK_MAGIC = utf8('PMAK');
export const ACK_FORMAT_VERSION = 1;
export const ACK_FILE_EXTENSION = '.pmack';

const rangeSchema = z
  .tuple([z.int().min(1).max(Number.MAX_SAFE_INTEGER), z.int().min(1).max(Number.MAX_SAFE_INTEGER)])
  .refine(([from, to]) => from <= to, { message: 'range ends before it starts' });

const acknowledgementSchema = z.strictObject({
  formatVersion: z.literal(ACK_FORMAT_VERSION),
  ackId: z.uuid(),
  /** The organisation fingerprint (over both keys), as in the organisation file. */
  organisation: z.string().regex(/^[0-9a-f]{64}$/),
  deviceId: deviceIdSchema,
  createdAt: z.iso.datetime(),
  /** Sorted, disjoint, non-adjacent sequence ranges HQ holds from this device. */
  ranges: z.array(rangeSchema).max(100_000),
  /** The largest n such that 1…n are all held (0 when 1 is not). */
  acknowledgedThrough: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  bundleIds: z.array(z.uuid()).max(100_000),
});
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;

export function acknowledgedThrough(ranges: readonly SeqRange[]): number {
  const first = ranges[0];
  return first && first.from === 1 ? first.to : 0;
}

/** What HQ acknowledges to a device, from its replica. */
export function acknowledgementContent(state: ReplicaState, deviceId: string) {
  const ranges = coveredRanges(state, deviceId);
  return {
    ranges,
    acknowledgedThrough: acknowledgedThrough(ranges),
    bundleIds: [...(state.applied.get(deviceId)?.keys() ?? [])].sort(),
  };
}

export interface CreateAcknowledgementInput {
  organisationSigningKey: CryptoKey;
  organisationFingerprint: string;
  deviceId: string;
  createdAt: string;
  ranges: readonly SeqRange[];
  bundleIds: readonly string[];
  ackId?: string;
}

export async function createAcknowledgement(
  input: CreateAcknowledgementInput,
): Promise<Uint8Array<ArrayBuffer>> {
  const sorted = [...input.ranges].sort((a, b) => a.from - b.from);
  const merged: SeqRange[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.from <= last.to + 1) last.to = Math.max(last.to, r.to);
    else merged.push({ ...r });
  }
  const body: Acknowledgement = acknowledgementSchema.parse({
    formatVersion: ACK_FORMAT_VERSION,
    ackId: input.ackId ?? globalThis.crypto.randomUUID(),
    organisation: input.organisationFingerprint,
    deviceId: input.deviceId,
    createdAt: input.createdAt,
    ranges: merged.map((r) => [r.from, r.to]),
    acknowledgedThrough: acknowledgedThrough(merged),
    bundleIds: [...new Set(input.bundleIds)].sort(),
  });
  const json = utf8(JSON.stringify(body));
  const unsigned = concatBytes(ACK_MAGIC, new Uint8Array([ACK_FORMAT_VERSION, 0]), u32(json.length), json);
  return concatBytes(unsigned, await sign(input.organisationSigningKey, unsigned));
}

export interface ReadAcknowledgementContext {
  /** From the organisation file the device was set up with. */
  organisationSigningKey: CryptoKey;
  organisationFingerprint: string;
  /** This device: an acknowledgement for another device is refused. */
  deviceId: string;
  limits?: Partial<SyncLimits>;
}

export async function readAcknowledgement(
  bytes: Uint8Array,
  context: ReadAcknowledgementContext,
): Promise<Acknowledgement> {
  const limits = syncLimits(context.limits);
  if (bytes.length > limits.maxAcknowledgementBytes) {
    throw new SyncError(
      'too-large',
      `The acknowledgement is ${bytes.length} bytes, over the limit of ${limits.maxAcknowledgementBytes}`,
    );
  }
  if (!bytes.subarray(0, ACK_MAGIC.length).every((b, i) => b === ACK_MAGIC[i])) {
    throw new SyncError('corrupt', 'Not a Protection Monitor acknowledgement');
  }
  const reader = new ByteReader(bytes, 'acknowledgement');
  reader.take(ACK_MAGIC.length, 'magic');
  const version = reader.u8('format version');
  if (version !== ACK_FORMAT_VERSION) {
    throw new SyncError(
      'unknown-version',
      `Acknowledgement version ${version} is not supported (this build reads ${ACK_FORMAT_VERSION})`,
    );
  }
  if (reader.u8('flags') !== 0) throw new SyncError('corrupt', 'Reserved flags are set');
  const bodyLength = reader.u32('body length');
  const body = reader.take(bodyLength, 'body');
  const signed = bytes.subarray(0, reader.position);
  const signature = reader.take(ECDSA_P256_SIGNATURE_BYTES, 'signature');
  if (reader.remaining > 0)
    throw new SyncError('corrupt', `${reader.remaining} unexpected bytes after the signature`);
  if (!(await verify(context.organisationSigningKey, signature, signed))) {
    throw new SyncError('bad-signature', 'The acknowledgement is not signed by your organisation');
  }
  const raw = safeJsonParse(fromUtf8(body), {
    maxLength: limits.maxAcknowledgementBytes,
    maxDepth: 4,
    maxStringLength: 256,
  });
  const parsed = acknowledgementSchema.safeParse(raw);
  if (!parsed.success) {
    throw new SyncError(
      'corrupt',
      `The acknowledgement is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const ack = parsed.data;
  if (ack.organisation !== context.organisationFingerprint) {
    throw new SyncError('wrong-recipient', 'The acknowledgement names another organisation');
  }
  if (ack.deviceId !== context.deviceId) {
    throw new SyncError('wrong-recipient', `The acknowledgement is for device ${ack.deviceId}`, {
      deviceId: ack.deviceId,
    });
  }
  return ack;
}

/** Whether an acknowledgement covers a sequence number (the device may then mark it as at HQ). */
export const isAcknowledged = (ack: Pick<Acknowledgement, 'ranges'>, seq: number): boolean =>
  ack.ranges.some(([from, to]) => from <= seq && seq <= to);
