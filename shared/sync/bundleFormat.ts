import { z } from 'zod';
import { ByteReader, concatBytes, u16, u32, utf8 } from './bytes';
import { deviceIdSchema } from './deviceFile';
import { SyncError } from './errors';
import { ECDSA_P256_SIGNATURE_BYTES } from './keys';
import { syncLimits, type SyncLimits } from './limits';
import { safeJsonParseBytes } from './safeJson';

/**
 * The bundle container, byte by byte (all integers big-endian; docs/sync-format.md has the table):
 *
 *   0       4  magic "PMSB"
 *   4       1  format version (1)
 *   5       1  flags (0; reserved)
 *   6       4  H  header length
 *   10      H  header: UTF-8 JSON, plain (bundleHeaderSchema)
 *   10+H    2  K  wrapped key length (384: RSA-OAEP-3072)
 *   12+H    K  the bundle's AES-256 key, RSA-OAEP-SHA256-encrypted to the organisation's key
 *   12+H+K  12 AES-GCM IV
 *   24+H+K  4  C  ciphertext length
 *   28+H+K  C  AES-256-GCM(payload), tag included; additional data = bytes [0, 10+H)
 *   end-64  64 ECDSA P-256 SHA-256 signature (r‖s) by the sender device over bytes [0, end-64)
 *
 * Nothing may follow the signature.
 */
export const BUNDLE_MAGIC = utf8('PMSB');
export const BUNDLE_FORMAT_VERSION = 1;
export const BUNDLE_FILE_EXTENSION = '.pmbundle';
export const WRAPPED_KEY_BYTES = 384;
export const IV_BYTES = 12;
export const GCM_TAG_BYTES = 16;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const count = z
  .int()
  .min(0)
  .max(2 ** 32 - 1);

export const bundleHeaderSchema = z.strictObject({
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  bundleId: z.uuid(),
  sender: z.strictObject({
    deviceId: deviceIdSchema,
    /** SHA-256 of the SPKI of the key that signed the bundle. */
    keyFingerprint: hex64,
  }),
  /** SHA-256 of the SPKI of the organisation encryption key the bundle key is wrapped for. */
  recipient: hex64,
  createdAt: z.iso.datetime(),
  /** The sender's change-sequence numbers this bundle covers (e.g. its audit log's `seq`). */
  seq: z
    .strictObject({
      from: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
      to: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
    })
    .refine((s) => s.from <= s.to, { message: 'seq.from must not be after seq.to' }),
  counts: z.strictObject({
    records: count,
    conflicts: count,
    blobs: count,
    blobBytes: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  }),
});
export type BundleHeader = z.infer<typeof bundleHeaderSchema>;

export interface BundleParts {
  header: BundleHeader;
  wrappedKey: Uint8Array;
  iv: Uint8Array;
  ciphertext: Uint8Array;
  signature: Uint8Array;
}

export interface DecodedContainer extends BundleParts {
  /** Bytes [0, 10+H): the AES-GCM additional data. */
  headerBlock: Uint8Array;
  /** Bytes [0, end-64): what the signature covers. */
  signed: Uint8Array;
}

export function encodeHeaderBlock(header: BundleHeader): Uint8Array<ArrayBuffer> {
  const json = utf8(JSON.stringify(bundleHeaderSchema.parse(header)));
  return concatBytes(BUNDLE_MAGIC, new Uint8Array([BUNDLE_FORMAT_VERSION, 0]), u32(json.length), json);
}

/** Everything but the signature, which is made over exactly these bytes. */
export function encodeUnsigned(
  headerBlock: Uint8Array,
  wrappedKey: Uint8Array,
  iv: Uint8Array,
  ciphertext: Uint8Array,
) {
  return concatBytes(headerBlock, u16(wrappedKey.length), wrappedKey, iv, u32(ciphertext.length), ciphertext);
}

function formatError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(header)'}: ${i.message}`).join('; ');
}

/** Reads the container and its header, checking every length; nothing cryptographic yet. */
export function decodeContainer(
  bytes: Uint8Array,
  limitOverrides: Partial<SyncLimits> = {},
): DecodedContainer {
  const limits = syncLimits(limitOverrides);
  if (bytes.length > limits.maxBundleBytes) {
    throw new SyncError(
      'too-large',
      `The bundle is ${bytes.length} bytes, over the limit of ${limits.maxBundleBytes}`,
    );
  }
  const prefix = bytes.subarray(0, BUNDLE_MAGIC.length);
  if (!prefix.every((b, i) => b === BUNDLE_MAGIC[i])) {
    throw new SyncError('corrupt', 'Not a Protection Monitor bundle');
  }
  const reader = new ByteReader(bytes, 'bundle');
  reader.take(BUNDLE_MAGIC.length, 'magic');
  const version = reader.u8('format version');
  if (version !== BUNDLE_FORMAT_VERSION) {
    throw new SyncError(
      'unknown-version',
      `Bundle format version ${version} is not supported (this build reads ${BUNDLE_FORMAT_VERSION})`,
    );
  }
  if (reader.u8('flags') !== 0) throw new SyncError('corrupt', 'Reserved flags are set');
  const headerLength = reader.u32('header length');
  if (headerLength > limits.maxHeaderBytes) {
    throw new SyncError(
      'too-large',
      `The header is ${headerLength} bytes, over the limit of ${limits.maxHeaderBytes}`,
    );
  }
  const headerJson = reader.take(headerLength, 'header');
  const headerBlock = bytes.subarray(0, reader.position);
  const raw = safeJsonParseBytes(headerJson, {
    maxLength: limits.maxHeaderBytes,
    maxDepth: 4,
    maxStringLength: 256,
  });
  if (
    typeof raw === 'object' &&
    raw !== null &&
    'formatVersion' in raw &&
    raw.formatVersion !== BUNDLE_FORMAT_VERSION
  ) {
    throw new SyncError('corrupt', 'The header and the container disagree on the format version');
  }
  const parsed = bundleHeaderSchema.safeParse(raw);
  if (!parsed.success)
    throw new SyncError('corrupt', `The bundle header is malformed: ${formatError(parsed.error)}`);

  const wrappedKeyLength = reader.u16('wrapped key length');
  if (wrappedKeyLength !== WRAPPED_KEY_BYTES) {
    throw new SyncError('corrupt', `The wrapped key is ${wrappedKeyLength} bytes, not ${WRAPPED_KEY_BYTES}`);
  }
  const wrappedKey = reader.take(wrappedKeyLength, 'wrapped key');
  const iv = reader.take(IV_BYTES, 'IV');
  const ciphertextLength = reader.u32('ciphertext length');
  if (ciphertextLength < GCM_TAG_BYTES)
    throw new SyncError('corrupt', 'The ciphertext is shorter than its tag');
  const ciphertext = reader.take(ciphertextLength, 'ciphertext');
  const signed = bytes.subarray(0, reader.position);
  const signature = reader.take(ECDSA_P256_SIGNATURE_BYTES, 'signature');
  if (reader.remaining > 0) {
    throw new SyncError('corrupt', `${reader.remaining} unexpected bytes after the signature`, {
      offset: reader.position,
    });
  }
  return { header: parsed.data, wrappedKey, iv, ciphertext, signature, headerBlock, signed };
}

/** A file name that sorts by device and sequence: `pm-<device>-<from>-<to>-<bundle id>.pmbundle`. */
export function bundleFileName(header: Pick<BundleHeader, 'bundleId' | 'sender' | 'seq'>): string {
  const pad = (n: number) => String(n).padStart(8, '0');
  return `pm-${header.sender.deviceId}-${pad(header.seq.from)}-${pad(header.seq.to)}-${header.bundleId}${BUNDLE_FILE_EXTENSION}`;
}
