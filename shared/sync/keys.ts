import { concatBytes, ownBytes, sha256Hex, u32, utf8 } from './bytes';
import { SyncError } from './errors';

/**
 * The keys of the file sync, all WebCrypto:
 * - the organisation's encryption pair (RSA-OAEP, SHA-256, 3072 bits): devices encrypt each
 *   bundle's AES key to the public half; only HQ can read bundles;
 * - the organisation's signing pair (ECDSA P-256, SHA-256): HQ signs acknowledgements and the
 *   organisation file;
 * - one signing pair per device (ECDSA P-256, SHA-256): a device signs its bundles.
 * Private keys are non-extractable unless asked: CryptoKey objects go into IndexedDB as they are.
 */
export const RSA_MODULUS_BITS = 3072;
const RSA_OAEP_GEN: RsaHashedKeyGenParams = {
  name: 'RSA-OAEP',
  modulusLength: RSA_MODULUS_BITS,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};
const RSA_OAEP_IMPORT: RsaHashedImportParams = { name: 'RSA-OAEP', hash: 'SHA-256' };
export const ECDSA_CURVE: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
export const ECDSA_SHA256: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };
/** IEEE P1363 r‖s, what WebCrypto produces for P-256. */
export const ECDSA_P256_SIGNATURE_BYTES = 64;

const subtle = () => globalThis.crypto.subtle;

export interface OrganisationKeys {
  encryption: CryptoKeyPair;
  signing: CryptoKeyPair;
}

/** Slow (RSA generation takes from a fraction of a second to a few seconds): run it once, at HQ setup. */
export async function generateOrganisationKeys(
  options: { extractable?: boolean } = {},
): Promise<OrganisationKeys> {
  const extractable = options.extractable ?? false;
  const [encryption, signing] = await Promise.all([
    subtle().generateKey(RSA_OAEP_GEN, extractable, ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey']),
    subtle().generateKey(ECDSA_CURVE, extractable, ['sign', 'verify']),
  ]);
  return { encryption, signing };
}

export function generateDeviceKeyPair(options: { extractable?: boolean } = {}): Promise<CryptoKeyPair> {
  return subtle().generateKey(ECDSA_CURVE, options.extractable ?? false, ['sign', 'verify']);
}

export async function exportSpki(publicKey: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await subtle().exportKey('spki', publicKey));
}

/** Lower-case hex SHA-256 of a SubjectPublicKeyInfo. */
export const spkiFingerprint = (spki: Uint8Array): Promise<string> => sha256Hex(spki);

export async function keyFingerprint(publicKey: CryptoKey): Promise<string> {
  return spkiFingerprint(await exportSpki(publicKey));
}

/**
 * The organisation's fingerprint, what people compare over the phone: SHA-256 over both public
 * keys, so that neither can be swapped in a copied organisation file without it changing.
 */
export async function organisationFingerprint(
  encryptionSpki: Uint8Array,
  signingSpki: Uint8Array,
): Promise<string> {
  return sha256Hex(
    concatBytes(
      utf8('PM-ORG-1\0'),
      u32(encryptionSpki.length),
      encryptionSpki,
      u32(signingSpki.length),
      signingSpki,
    ),
  );
}

/** `3f9a…` → `3F9A 0C11 …`: 16 groups of 4, readable aloud. */
export function formatFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}

export async function importEncryptionPublicKey(spki: Uint8Array): Promise<CryptoKey> {
  let key: CryptoKey;
  try {
    key = await subtle().importKey('spki', ownBytes(spki), RSA_OAEP_IMPORT, true, ['encrypt', 'wrapKey']);
  } catch {
    throw new SyncError('corrupt', 'The encryption key is not an RSA public key');
  }
  const algorithm = key.algorithm as RsaHashedKeyAlgorithm;
  const exponent = [...algorithm.publicExponent].join(',');
  if (algorithm.modulusLength !== RSA_MODULUS_BITS || exponent !== '1,0,1') {
    throw new SyncError(
      'corrupt',
      `The encryption key must be RSA of ${RSA_MODULUS_BITS} bits with exponent 65537`,
    );
  }
  return key;
}

export async function importSigningPublicKey(spki: Uint8Array): Promise<CryptoKey> {
  try {
    return await subtle().importKey('spki', ownBytes(spki), { name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'verify',
    ]);
  } catch {
    throw new SyncError('corrupt', 'The signing key is not an ECDSA P-256 public key');
  }
}

export async function sign(privateKey: CryptoKey, data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await subtle().sign(ECDSA_SHA256, privateKey, ownBytes(data)));
}

export async function verify(
  publicKey: CryptoKey,
  signature: Uint8Array,
  data: Uint8Array,
): Promise<boolean> {
  try {
    return await subtle().verify(ECDSA_SHA256, publicKey, ownBytes(signature), ownBytes(data));
  } catch {
    return false;
  }
}
