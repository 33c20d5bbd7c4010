import { toBase64Url, toBytes, utf8, type Bytes } from './encoding';
import { VaultError } from './errors';

/**
 * The data key (DEK): 256 random bits that never change for the life of a vault and are only
 * ever stored wrapped. Once unwrapped it is held as a non-extractable HKDF key (the "master
 * key"), from which every working key is derived with its own `info` label, so a key used for
 * one purpose (field encryption) is never reused for another (blind index HMAC, backups, audit).
 *
 * Wrapping uses AES-KW (RFC 3394) rather than AES-GCM:
 * - it is the algorithm made for wrapping keys: deterministic, no nonce to generate or reuse;
 * - its built-in 64-bit integrity check makes a wrong KEK fail with an error, which is how a
 *   wrong passphrase is detected, without a separate verifier hash that could be attacked;
 * - `unwrapKey` imports the result straight into a non-extractable CryptoKey, so at unlock the
 *   key bytes never appear in JavaScript memory.
 * What AES-GCM would add, associated data, is not needed: a wrapped key moved to another slot
 * or vault still needs that slot's passphrase, and the unlocked master key is checked against
 * the vault's `keyId`.
 */
export const DATA_KEY_BYTES = 32;
/** 32-byte key + 8-byte AES-KW integrity block. */
export const WRAPPED_KEY_BYTES = 40;

const KEY_LABEL_PREFIX = 'protection-monitor/v1/';

/**
 * A fresh data key, extractable only so that it can be wrapped by the passphrase and recovery
 * KEKs at setup. Drop it once wrapped and work with `unwrapMasterKey`'s non-extractable key.
 */
export function generateDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
}

export async function wrapDataKey(dataKey: CryptoKey, kek: CryptoKey): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.wrapKey('raw', dataKey, kek, 'AES-KW'));
}

async function unwrap(wrapped: Uint8Array, kek: CryptoKey, forRewrap: boolean): Promise<CryptoKey> {
  try {
    return forRewrap
      ? await crypto.subtle.unwrapKey('raw', toBytes(wrapped), kek, 'AES-KW', { name: 'AES-GCM' }, true, [
          'encrypt',
        ])
      : await crypto.subtle.unwrapKey('raw', toBytes(wrapped), kek, 'AES-KW', 'HKDF', false, [
          'deriveKey',
          'deriveBits',
        ]);
  } catch (cause) {
    // AES-KW's integrity check failed: wrong KEK or altered bytes. The caller names which secret.
    throw new VaultError('decryption-failed', 'The key could not be unwrapped', {}, { cause });
  }
}

/** The non-extractable HKDF master key every working key is derived from. */
export function unwrapMasterKey(wrapped: Uint8Array, kek: CryptoKey): Promise<CryptoKey> {
  return unwrap(wrapped, kek, false);
}

/** An extractable copy, only to wrap again under a new KEK (passphrase change, new recovery key). */
export function unwrapDataKeyForRewrap(wrapped: Uint8Array, kek: CryptoKey): Promise<CryptoKey> {
  return unwrap(wrapped, kek, true);
}

export interface VaultKeys {
  /**
   * 256-bit key bytes for record fields (`fieldCipher`, XChaCha20-Poly1305). Bytes, not a CryptoKey: fields are
   * sealed synchronously inside IndexedDB transactions (see fieldCipher.ts). Wipe on lock.
   */
  fieldKey: Uint8Array;
  /** HMAC-SHA-256 key bytes for name search tags (`blindIndex`), bytes for the same reason. */
  blindIndexKey: Uint8Array;
  /** AES-256-GCM for backup files (`backupContainer`). */
  backupKey: CryptoKey;
  /** HMAC-SHA-256 for a keyed audit chain (`auditChain`). */
  auditKey: CryptoKey;
  /** A public fingerprint of the data key: tells which vault a backup belongs to. */
  keyId: string;
}

/** Overwrites the byte keys; the CryptoKeys go with the last reference to them. */
export function wipeVaultKeys(keys: VaultKeys): void {
  keys.fieldKey.fill(0);
  keys.blindIndexKey.fill(0);
}

const hkdf = (label: string) => ({
  name: 'HKDF',
  hash: 'SHA-256',
  // The DEK is uniformly random, so HKDF needs no salt (RFC 5869 §3.1); labels separate uses.
  salt: new Uint8Array(0),
  info: utf8(KEY_LABEL_PREFIX + label),
});

export async function deriveVaultKeys(masterKey: CryptoKey): Promise<VaultKeys> {
  const aes = { name: 'AES-GCM', length: 256 };
  const hmac = { name: 'HMAC', hash: 'SHA-256', length: 256 };
  const [fieldBits, blindIndexBits, backupKey, auditKey, keyIdBits] = await Promise.all([
    crypto.subtle.deriveBits(hkdf('fields'), masterKey, 256),
    crypto.subtle.deriveBits(hkdf('blind-index'), masterKey, 256),
    crypto.subtle.deriveKey(hkdf('backup'), masterKey, aes, false, ['encrypt', 'decrypt']),
    crypto.subtle.deriveKey(hkdf('audit-chain'), masterKey, hmac, false, ['sign']),
    crypto.subtle.deriveBits(hkdf('key-id'), masterKey, 128),
  ]);
  return {
    fieldKey: new Uint8Array(fieldBits),
    blindIndexKey: new Uint8Array(blindIndexBits),
    backupKey,
    auditKey,
    keyId: toBase64Url(new Uint8Array(keyIdBits)),
  };
}
