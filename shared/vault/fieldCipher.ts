import { gcm } from '@noble/ciphers/aes';
import { z } from 'zod';
import { isUint8Array, randomBytes, toBytes, utf8, type Bytes } from './encoding';
import { VaultError } from './errors';
import { decodeValue, encodeValue } from './valueCodec';

/**
 * Field encryption for records at rest (the store's sealing middleware uses it on every write): the sensitive fields of a record are taken out, encoded
 * together (`valueCodec`, so Uint8Array attachments round-trip), padded, and sealed with
 * AES-256-GCM into one `enc` envelope. The rest of the record (id, sync metadata, blind index
 * tags, non-personal indexed fields) stays as it is, so Dexie indexes keep working.
 *
 * - A fresh random 96-bit IV per write. With random IVs NIST SP 800-38D allows 2^32 encryptions
 *   under one key; a monitor's laptop makes a tiny fraction of that.
 * - Associated data: a label plus the record id (or a caller-given string, e.g. "household:<id>"),
 *   so an envelope copied onto another record does not decrypt.
 * - Padding (PADMÉ, at least 64 bytes) hides exact lengths: a name's or a note's length is not
 *   readable from the ciphertext size, only its rough size class.
 *
 * Synchronous, through @noble/ciphers (audited, constant-time AES-GCM) rather than WebCrypto:
 * records are sealed inside IndexedDB transactions, and awaiting WebCrypto there would let
 * IndexedDB commit the transaction early. The output is standard AES-256-GCM, so WebCrypto opens
 * it too (a test checks this). The price: the field key is held as bytes in JavaScript memory
 * while unlocked, where WebCrypto would hold a non-extractable key; locking wipes them.
 *
 * Not covered: the plain fields outside the envelope are not authenticated; anyone who can write
 * the database can change them (they cannot read or forge the encrypted ones).
 */
export const FIELD_ENVELOPE_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const AAD_LABEL = 'protection-monitor/fields/v1';

export interface FieldEnvelope {
  v: typeof FIELD_ENVELOPE_VERSION;
  iv: Uint8Array;
  ct: Uint8Array;
}

const bytesOf = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.custom<Uint8Array>((v) => isUint8Array(v) && v.byteLength >= min && v.byteLength <= max);

export const fieldEnvelopeSchema = z.object({
  v: z.literal(FIELD_ENVELOPE_VERSION),
  iv: bytesOf(IV_BYTES, IV_BYTES),
  ct: bytesOf(TAG_BYTES),
});

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
  const iv = randomBytes(IV_BYTES);
  const ct = toBytes(gcm(key, iv, aadFor(record.id, options)).encrypt(plaintext));
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
    plaintext = gcm(key, toBytes(parsed.data.iv), aadFor(stored.id, options)).decrypt(toBytes(parsed.data.ct));
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
