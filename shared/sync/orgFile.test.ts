import { beforeAll, describe, expect, it } from 'vitest';
import { createDeviceFile, readDeviceFile } from './deviceFile';
import { SyncError } from './errors';
import {
  exportSpki,
  formatFingerprint,
  generateDeviceKeyPair,
  generateOrganisationKeys,
  keyFingerprint,
  RSA_MODULUS_BITS,
  type OrganisationKeys,
} from './keys';
import { createOrganisationFile, readOrganisationFile } from './orgFile';

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    if (error instanceof SyncError) return error.reason;
    throw error;
  }
}

let keys: OrganisationKeys;
let otherKeys: OrganisationKeys;
let file: string;

beforeAll(async () => {
  [keys, otherKeys] = await Promise.all([generateOrganisationKeys(), generateOrganisationKeys()]);
  file = await createOrganisationFile(keys, 'UNHCR partner HQ Prishtinë', '2025-01-01T08:00:00.000Z');
}, 60_000);

const edit = (mutate: (doc: Record<string, unknown>) => void) => {
  const doc = JSON.parse(file) as Record<string, unknown>;
  mutate(doc);
  return JSON.stringify(doc);
};

describe('organisation keys', () => {
  it('are RSA-OAEP 3072 with SHA-256 and ECDSA P-256, private halves not extractable', async () => {
    expect((keys.encryption.publicKey.algorithm as RsaHashedKeyAlgorithm).modulusLength).toBe(
      RSA_MODULUS_BITS,
    );
    expect((keys.encryption.publicKey.algorithm as RsaHashedKeyAlgorithm).hash.name).toBe('SHA-256');
    expect((keys.signing.publicKey.algorithm as EcKeyAlgorithm).namedCurve).toBe('P-256');
    expect(keys.encryption.privateKey.extractable).toBe(false);
    expect(keys.signing.privateKey.extractable).toBe(false);
  });

  it('fingerprints are SHA-256 of the SPKI, shown in groups of four', async () => {
    const spki = await exportSpki(keys.encryption.publicKey);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', spki));
    expect(await keyFingerprint(keys.encryption.publicKey)).toBe(Buffer.from(digest).toString('hex'));
    expect(formatFingerprint('3f9a0c11'.repeat(8))).toMatch(/^(3F9A 0C11 ){7}3F9A 0C11$/);
  });
});

describe('organisation file', () => {
  it('round-trips, with fingerprints recomputed from the keys', async () => {
    const org = await readOrganisationFile(file);
    expect(org.name).toBe('UNHCR partner HQ Prishtinë');
    expect(org.encryptionKeyFingerprint).toBe(await keyFingerprint(keys.encryption.publicKey));
    expect(org.signingKeyFingerprint).toBe(await keyFingerprint(keys.signing.publicKey));
    expect(org.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(org.encryptionKey.type).toBe('public');
    expect(JSON.parse(file).fingerprint).toBe(org.fingerprint);
  });

  it('refuses a changed name (bad-signature)', async () => {
    expect(await reason(readOrganisationFile(edit((d) => (d.name = 'Impostor HQ'))))).toBe('bad-signature');
  });

  it('refuses a swapped key, even with its fingerprint updated, because the organisation fingerprint no longer matches', async () => {
    const other = await createOrganisationFile(otherKeys, 'x', '2025-01-01T08:00:00.000Z');
    const swapped = edit((d) => (d.encryptionKey = JSON.parse(other).encryptionKey));
    expect(await reason(readOrganisationFile(swapped))).toBe('corrupt');
    const swappedSigning = edit((d) => {
      d.signingKey = JSON.parse(other).signingKey;
    });
    expect(await reason(readOrganisationFile(swappedSigning))).toBe('corrupt');
  });

  it('refuses unknown versions, other files, extra members and hostile JSON', async () => {
    expect(await reason(readOrganisationFile(edit((d) => (d.formatVersion = 2))))).toBe('unknown-version');
    expect(await reason(readOrganisationFile(edit((d) => (d.format = 'something-else'))))).toBe('corrupt');
    expect(await reason(readOrganisationFile(edit((d) => (d.extra = 1))))).toBe('corrupt');
    expect(await reason(readOrganisationFile(file.slice(0, file.length / 2)))).toBe('corrupt');
    expect(await reason(readOrganisationFile(file.replace('"name"', '"__proto__":{},"name"')))).toBe(
      'hostile-content',
    );
    expect(await reason(readOrganisationFile(' '.repeat(70_000)))).toBe('too-large');
  });
});

describe('device file', () => {
  it('round-trips and is refused when altered', async () => {
    const pair = await generateDeviceKeyPair();
    const text = await createDeviceFile(
      { deviceId: 'dev-a', name: 'Laptop Mitrovica', keyPair: pair },
      '2025-01-01T08:00:00.000Z',
    );
    const device = await readDeviceFile(text);
    expect(device).toMatchObject({
      deviceId: 'dev-a',
      name: 'Laptop Mitrovica',
      fingerprint: await keyFingerprint(pair.publicKey),
    });
    expect(await reason(readDeviceFile(text.replace('"dev-a"', '"dev-b"')))).toBe('bad-signature');
    expect(await reason(readDeviceFile(text.replace('"formatVersion": 1', '"formatVersion": 7')))).toBe(
      'unknown-version',
    );
  });
});
