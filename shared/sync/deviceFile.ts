import { z } from 'zod';
import { fromBase64, toBase64 } from './bytes';
import { SyncError } from './errors';
import { exportSpki, importSigningPublicKey, spkiFingerprint } from './keys';
import { parseDocument, signDocument, verifyDocument } from './signedDocument';

/**
 * A device's enrolment file: its id and the public half of its signing key, signed with the
 * private half (proof of possession). HQ reads it, shows the fingerprint for comparison with the
 * one the device displays, and adds the device to its known devices. Bundles from devices HQ
 * has not enrolled are refused ('unknown-device').
 */
export const DEVICE_FILE_FORMAT = 'protection-monitor/device';
export const DEVICE_FILE_VERSION = 1;
export const DEVICE_FILE_EXTENSION = '.pmdevice';

/** Device ids are UUIDs in the app; the format allows any short, plain id (tests use `dev-a`). */
export const deviceIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/);

const deviceBodySchema = z.strictObject({
  formatVersion: z.literal(DEVICE_FILE_VERSION),
  deviceId: deviceIdSchema,
  name: z.string().trim().max(200),
  createdAt: z.iso.datetime(),
  signingKey: z.strictObject({
    algorithm: z.literal('ECDSA-P256-SHA256'),
    spki: z.string().min(1).max(1024),
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});

/** What HQ keeps per enrolled device, and what bundle import looks devices up in. */
export interface KnownDevice {
  deviceId: string;
  name: string;
  publicKey: CryptoKey;
  /** SHA-256 of the SPKI. */
  fingerprint: string;
}

export async function createDeviceFile(
  device: { deviceId: string; name: string; keyPair: CryptoKeyPair },
  createdAt: string,
): Promise<string> {
  const spki = await exportSpki(device.keyPair.publicKey);
  const body = {
    formatVersion: DEVICE_FILE_VERSION,
    deviceId: device.deviceId,
    name: device.name,
    createdAt,
    signingKey: {
      algorithm: 'ECDSA-P256-SHA256',
      spki: toBase64(spki),
      fingerprint: await spkiFingerprint(spki),
    },
  };
  deviceBodySchema.parse(body);
  return signDocument(DEVICE_FILE_FORMAT, body, device.keyPair.privateKey);
}

export async function readDeviceFile(text: string): Promise<KnownDevice> {
  const parsed = parseDocument(text, DEVICE_FILE_FORMAT, DEVICE_FILE_VERSION, deviceBodySchema);
  const spki = fromBase64(parsed.body.signingKey.spki);
  const fingerprint = await spkiFingerprint(spki);
  if (fingerprint !== parsed.body.signingKey.fingerprint) {
    throw new SyncError('corrupt', "The device file's fingerprint does not match its key");
  }
  const publicKey = await importSigningPublicKey(spki);
  await verifyDocument(publicKey, parsed, DEVICE_FILE_FORMAT);
  return { deviceId: parsed.body.deviceId, name: parsed.body.name, publicKey, fingerprint };
}

export async function knownDevice(
  deviceId: string,
  name: string,
  publicKey: CryptoKey,
): Promise<KnownDevice> {
  return { deviceId, name, publicKey, fingerprint: await spkiFingerprint(await exportSpki(publicKey)) };
}
