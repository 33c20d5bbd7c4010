import { gcm } from '@noble/ciphers/aes';
import { xchacha20poly1305 } from '@noble/ciphers/chacha';
import { z } from 'zod';
import { isUint8Array, randomBytes, toBytes, utf8, type Bytes } from './encoding';
import { VaultError } from './errors';
import { decodeValue, encodeValue } from './valueCodec';

/**
 * Field encryption for records at rest (the store's sealing middleware uses it on every write
 * and every read): the sensitive fields of a record are taken out, encoded together
 * (`valueCodec`, so Uint8Array attachments round-trip), padded, and sealed into one `enc`
 * envelope. The rest of the record (id, sync metadata, blind index tags, non-personal indexed
 * fields) stays as it is, so Dexie indexes keep working.
 *
 * - Envelope v2 (written now): XChaCha20-Poly1305 with a fresh random 192-bit nonce per write;
 *   random nonces that long never need counting, however many writes a key sees.
 *   Envelope v1 (written by earlier builds): AES-256-GCM with a random 96-bit IV. Still opened;
 *   a record is sealed as v2 at its next write, and a compaction (after an erasure) rewrites all.
 * - Associated data: a label plus the record id (or a caller-given string, e.g. "household:<id>"),
 *   so an envelope copied onto another record does not decrypt.
 * - Padding (PADMÉ, at least 64 bytes) hides exact lengths: a name's or a note's length is not
 *   readable from the ciphertext size, only its rough size class.
 *
 * Synchronous, through @noble/ciphers (audited) rather than WebCrypto: records are sealed
 * inside IndexedDB transactions, and awaiting WebCrypto there would let IndexedDB commit the
 * transaction early. Why XChaCha20-Poly1305 and not AES-GCM, in JavaScript: it is about three
 * times faster (benchmark: docs/performance.md) and constant-time by construction, where a
 * software AES uses table lookups. The price of a synchronous cipher: the field key is held as
 * bytes in JavaScript memory while unlocked, where WebCrypto would hold a non-extractable key;
 * locking wipes them.
 *
 * Not covered: the plain fields outside the envelope are not authenticated; anyone who can write
 * the database can change them (they cannot read or forge the encrypted ones).
 */
/** The envelope version written now (XChaCha20-Poly1305); v1 (AES-256-GCM) is still read. */
export const FIELD_ENVELOPE_VERSION = 2;
const AES_GCM_ENVELOPE_VERSION = 1;
const NONCE_BYTES = { [AES_GCM_ENVELOPE_VERSION]: 12, [FIELD_ENVELOPE_VERSION]: 24 } as const;
const TAG_BYTES = 16;
// The label names the format's first version and stays, so v1 and v2 bind the same AAD.
const AAD_LABEL = 'protection-monitor/fields/v1';

type EnvelopeVersion = keyof typeof NONCE_BYTES;

export interface FieldEnvelope {
  v: EnvelopeVersion;
  /** The nonce: 24 bytes in v2, a 12-byte AES-GCM IV in v1. */
  iv: Uint8Array;
  ct: Uint8Array;
}

const cipherFor = (v: EnvelopeVersion, key: Uint8Array, nonce: Uint8Array, aad: Uint8Array) =>
  v === FIELD_ENVELOPE_VERSION ? xchacha20poly1305(key, nonce, aad) : gcm(key, nonce, aad);

const bytesOf = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.custom<Uint8Array>((v) => isUint8Array(v) && v.byteLength >= min && v.byteLength <= max);

export const fieldEnvelopeSchema = z.discriminatedUnion('v', [
  z.object({
    v: z.literal(FIELD_ENVELOPE_VERSION),
    iv: bytesOf(NONCE_BYTES[FIELD_ENVELOPE_VERSION], NONCE_BYTES[FIELD_ENVELOPE_VERSION]),
    ct: bytesOf(TAG_BYTES),
  }),
  z.object({
    v: z.literal(AES_GCM_ENVELOPE_VERSION),
    iv: bytesOf(NONCE_BYTES[AES_GCM_ENVELOPE_VERSION], NONCE_BYTES[AES_GCM_ENVELOPE_VERSION]),
    ct: bytesOf(TAG_BYTES),
  }),
]);

/** The keys that may be encrypted: everything but the id (it is the AAD) and `enc` itself. */
export type SensitiveKey<T> = Exclude<keyof T & string, 'id' | 'enc'>;
/** `Pick<T, 'id'>` keeps the id even when K is as wide as `string`. */
export type EncryptedRecord<T extends { id: string }, K extends keyof T> = Omit<T, K> &
  Pick<T, 'id'> & { enc: FieldEnvelope };

export interface FieldCipherOptions {
  /** Associated data binding the envelope to its record; defaults to the record's id. */
  aad?: string;
}

/** PADMÉ (Nikitin et al., 2019): at most 12 % overhead, leaks O(log log n) bits of the length. */
export function paddedLength(length: number): number {
  if (length <= 64) return 64;
  const e = Math.floor(Math.log2(length));
  const s = Math.floor(Math.log2(e)) + 1;
  const step = 2 ** (e - s);
  return Math.ceil(length / step) * step;
}

function aadFor(id: string, options: FieldCipherOptions): Bytes {
  return utf8(`${AAD_LABEL}\u0000${options.aad ?? id}`);
}

export const FIELD_KEY_BYTES = 32;

function assertKey(key: Uint8Array): void {
  if (key.byteLength !== FIELD_KEY_BYTES) throw new VaultError('invalid-key', 'Field key must be 32 bytes');
}

export function encryptFields<T extends { id: string }, K extends SensitiveKey<T>>(
  record: T,
  sensitiveKeys: readonly K[],
  key: Uint8Array,
  options: FieldCipherOptions = {},
): EncryptedRecord<T, K> {
  assertKey(key);
  if ('enc' in record) throw new VaultError('already-encrypted', 'Record already has an encrypted envelope');
  const sensitive = new Set<string>(sensitiveKeys);
  if (sensitive.has('id') || sensitive.has('enc'))
    throw new VaultError('unsupported-value', 'id and enc cannot be encrypted');
  const secret: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record)) {
    Object.defineProperty(sensitive.has(name) ? secret : rest, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const encoded = encodeValue(secret);
  const plaintext = new Uint8Array(paddedLength(encoded.byteLength));
  plaintext.set(encoded);
  const iv = randomBytes(NONCE_BYTES[FIELD_ENVELOPE_VERSION]);
  const ct = toBytes(
    cipherFor(FIELD_ENVELOPE_VERSION, key, iv, aadFor(record.id, options)).encrypt(plaintext),
  );
  // Best effort: strings cannot be wiped, but these byte copies can.
  encoded.fill(0);
  plaintext.fill(0);
  const enc: FieldEnvelope = { v: FIELD_ENVELOPE_VERSION, iv, ct };
  // The generic Omit cannot be built field by field in a typed way; `rest` holds exactly T minus K.
  return { ...rest, enc } as EncryptedRecord<T, K>;
}

/**
 * The record with its sensitive fields back in place. Throws `invalid-envelope` for a malformed
 * envelope and `decryption-failed` for a wrong key, a changed byte, or a record id (AAD) that is
 * not the one it was encrypted under. Validate the result with the entity's zod schema.
 */
export function decryptFields<S extends { id: string; enc: FieldEnvelope }>(
  stored: S,
  key: Uint8Array,
  options: FieldCipherOptions = {},
): Omit<S, 'enc'> & Record<string, unknown> {
  assertKey(key);
  const parsed = fieldEnvelopeSchema.safeParse(stored.enc);
  if (!parsed.success) throw new VaultError('invalid-envelope', 'Malformed field envelope');
  let plaintext: Uint8Array;
  try {
    const { v, iv, ct } = parsed.data;
    plaintext = cipherFor(v, key, toBytes(iv), aadFor(stored.id, options)).decrypt(toBytes(ct));
  } catch (cause) {
    throw new VaultError('decryption-failed', 'Encrypted fields could not be decrypted', {}, { cause });
  }
  const secret = decodeValue(plaintext);
  if (secret === null || typeof secret !== 'object' || Array.isArray(secret)) {
    throw new VaultError('invalid-envelope', 'Encrypted fields are not an object');
  }
  const { enc: _enc, ...rest } = stored;
  const out: Omit<S, 'enc'> & Record<string, unknown> = { ...rest };
  for (const [name, value] of Object.entries(secret)) {
    Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
