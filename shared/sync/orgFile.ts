import { z } from 'zod';
import { fromBase64, toBase64 } from './bytes';
import { SyncError } from './errors';
import {
  exportSpki,
  importEncryptionPublicKey,
  importSigningPublicKey,
  organisationFingerprint,
  spkiFingerprint,
  type OrganisationKeys,
} from './keys';
import { parseDocument, signDocument, verifyDocument } from './signedDocument';

/**
 * The organisation file HQ hands to every device at setup: the organisation's two public keys,
 * their fingerprints, and a signature by the organisation's signing key. A device checks the
 * file against itself here; people check `fingerprint` (shown with `formatFingerprint`) against
 * the one HQ reads out, which is what makes the file trustworthy.
 */
export const ORGANISATION_FILE_FORMAT = 'protection-monitor/organisation';
export const ORGANISATION_FILE_VERSION = 1;
export const ORGANISATION_FILE_EXTENSION = '.pmorg';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const keySchema = <A extends string>(algorithm: A) =>
  z.strictObject({ algorithm: z.literal(algorithm), spki: z.string().min(1).max(4096), fingerprint: hex64 });

const organisationBodySchema = z.strictObject({
  formatVersion: z.literal(ORGANISATION_FILE_VERSION),
  name: z.string().trim().min(1).max(200),
  createdAt: z.iso.datetime(),
  encryptionKey: keySchema('RSA-OAEP-3072-SHA256'),
  signingKey: keySchema('ECDSA-P256-SHA256'),
  fingerprint: hex64,
});

export interface Organisation {
  name: string;
  createdAt: string;
  /** Over both public keys: what people compare. */
  fingerprint: string;
  /** SHA-256 of the encryption key's SPKI: the `recipient` of every bundle. */
  encryptionKeyFingerprint: string;
  signingKeyFingerprint: string;
  encryptionKey: CryptoKey;
  signingKey: CryptoKey;
}

export async function describeOrganisation(
  keys: OrganisationKeys,
  name: string,
  createdAt: string,
): Promise<Organisation> {
  const encryptionSpki = await exportSpki(keys.encryption.publicKey);
  const signingSpki = await exportSpki(keys.signing.publicKey);
  return {
    name,
    createdAt,
    fingerprint: await organisationFingerprint(encryptionSpki, signingSpki),
    encryptionKeyFingerprint: await spkiFingerprint(encryptionSpki),
    signingKeyFingerprint: await spkiFingerprint(signingSpki),
    encryptionKey: keys.encryption.publicKey,
    signingKey: keys.signing.publicKey,
  };
}

export async function createOrganisationFile(
  keys: OrganisationKeys,
  name: string,
  createdAt: string,
): Promise<string> {
  const encryptionSpki = await exportSpki(keys.encryption.publicKey);
  const signingSpki = await exportSpki(keys.signing.publicKey);
  const body = {
    formatVersion: ORGANISATION_FILE_VERSION,
    name,
    createdAt,
    encryptionKey: {
      algorithm: 'RSA-OAEP-3072-SHA256',
      spki: toBase64(encryptionSpki),
      fingerprint: await spkiFingerprint(encryptionSpki),
    },
    signingKey: {
      algorithm: 'ECDSA-P256-SHA256',
      spki: toBase64(signingSpki),
      fingerprint: await spkiFingerprint(signingSpki),
    },
    fingerprint: await organisationFingerprint(encryptionSpki, signingSpki),
  };
  organisationBodySchema.parse(body);
  return signDocument(ORGANISATION_FILE_FORMAT, body, keys.signing.privateKey);
}

/** Checks structure, recomputes every fingerprint from the keys, verifies the self-signature. */
export async function readOrganisationFile(text: string): Promise<Organisation> {
  const parsed = parseDocument(
    text,
    ORGANISATION_FILE_FORMAT,
    ORGANISATION_FILE_VERSION,
    organisationBodySchema,
  );
  const { body } = parsed;
  const encryptionSpki = fromBase64(body.encryptionKey.spki);
  const signingSpki = fromBase64(body.signingKey.spki);
  const encryptionKeyFingerprint = await spkiFingerprint(encryptionSpki);
  const signingKeyFingerprint = await spkiFingerprint(signingSpki);
  const fingerprint = await organisationFingerprint(encryptionSpki, signingSpki);
  if (
    encryptionKeyFingerprint !== body.encryptionKey.fingerprint ||
    signingKeyFingerprint !== body.signingKey.fingerprint ||
    fingerprint !== body.fingerprint
  ) {
    throw new SyncError('corrupt', 'A fingerprint in the organisation file does not match its key');
  }
  const encryptionKey = await importEncryptionPublicKey(encryptionSpki);
  const signingKey = await importSigningPublicKey(signingSpki);
  await verifyDocument(signingKey, parsed, ORGANISATION_FILE_FORMAT);
  return {
    name: body.name,
    createdAt: body.createdAt,
    fingerprint,
    encryptionKeyFingerprint,
    signingKeyFingerprint,
    encryptionKey,
    signingKey,
  };
}
