import { ownBytes } from './bytes';
import {
  decodeContainer,
  encodeHeaderBlock,
  encodeUnsigned,
  IV_BYTES,
  type BundleHeader,
  type DecodedContainer,
} from './bundleFormat';
import type { KnownDevice } from './deviceFile';
import { SyncError } from './errors';
import { sign, verify } from './keys';
import type { SyncLimits } from './limits';

/**
 * Sealing and opening the container: a fresh AES-256-GCM key per bundle, wrapped with
 * RSA-OAEP-SHA256 for the organisation's key; the header block is the GCM additional data; the
 * whole file is signed with the device's ECDSA P-256 key. Only WebCrypto primitives.
 */
const subtle = () => globalThis.crypto.subtle;

export interface SealInput {
  header: BundleHeader;
  plaintext: Uint8Array;
  /** The organisation's RSA-OAEP public key (its fingerprint must be `header.recipient`). */
  recipientKey: CryptoKey;
  /** The device's ECDSA private key (its fingerprint must be `header.sender.keyFingerprint`). */
  signingKey: CryptoKey;
}

export async function sealBundle({
  header,
  plaintext,
  recipientKey,
  signingKey,
}: SealInput): Promise<Uint8Array<ArrayBuffer>> {
  const headerBlock = encodeHeaderBlock(header);
  const contentKey = await subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const wrappedKey = new Uint8Array(
    await subtle().wrapKey('raw', contentKey, recipientKey, { name: 'RSA-OAEP' }),
  );
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = new Uint8Array(
    await subtle().encrypt(
      { name: 'AES-GCM', iv, additionalData: headerBlock, tagLength: 128 },
      contentKey,
      ownBytes(plaintext),
    ),
  );
  const unsigned = encodeUnsigned(headerBlock, wrappedKey, iv, ciphertext);
  const signature = await sign(signingKey, unsigned);
  const out = new Uint8Array(unsigned.length + signature.length);
  out.set(unsigned);
  out.set(signature, unsigned.length);
  return out;
}

export type DeviceDirectory =
  | ReadonlyMap<string, KnownDevice>
  | ((deviceId: string) => KnownDevice | undefined);

export interface OpenContext {
  /** HQ's RSA-OAEP private key. */
  organisationKey: CryptoKey;
  /** SHA-256 of HQ's encryption key SPKI (`Organisation.encryptionKeyFingerprint`). */
  organisationKeyFingerprint: string;
  knownDevices: DeviceDirectory;
  /** True when this (device, bundle) was already imported: checked after the signature. */
  isApplied?: (deviceId: string, bundleId: string) => boolean;
  limits?: Partial<SyncLimits>;
}

const lookup = (devices: DeviceDirectory, id: string) =>
  typeof devices === 'function' ? devices(id) : devices.get(id);

/**
 * Checks in an order that never does work for an attacker: lengths and header, recipient,
 * sender enrolled with this key, signature, replay; only then RSA and AES.
 */
export async function openBundle(
  bytes: Uint8Array,
  context: OpenContext,
): Promise<{ header: BundleHeader; plaintext: Uint8Array; container: DecodedContainer }> {
  const container = decodeContainer(bytes, context.limits);
  const { header } = container;
  if (header.recipient !== context.organisationKeyFingerprint) {
    throw new SyncError('wrong-recipient', "The bundle is encrypted for another organisation's key", {
      recipient: header.recipient,
    });
  }
  const device = lookup(context.knownDevices, header.sender.deviceId);
  if (!device) {
    throw new SyncError('unknown-device', `Device ${header.sender.deviceId} is not enrolled`, {
      deviceId: header.sender.deviceId,
    });
  }
  if (device.fingerprint !== header.sender.keyFingerprint) {
    throw new SyncError(
      'unknown-device',
      `Device ${header.sender.deviceId} signed with a key that is not its enrolled one`,
      {
        deviceId: header.sender.deviceId,
      },
    );
  }
  if (!(await verify(device.publicKey, container.signature, container.signed))) {
    throw new SyncError(
      'bad-signature',
      `The signature does not match device ${header.sender.deviceId}'s key`,
    );
  }
  if (context.isApplied?.(header.sender.deviceId, header.bundleId)) {
    throw new SyncError('replayed', `Bundle ${header.bundleId} was already imported`, {
      bundleId: header.bundleId,
    });
  }
  let contentKey: CryptoKey;
  try {
    contentKey = await subtle().unwrapKey(
      'raw',
      ownBytes(container.wrappedKey),
      context.organisationKey,
      { name: 'RSA-OAEP' },
      { name: 'AES-GCM', length: 256 },
      false,
      ['decrypt'],
    );
  } catch {
    throw new SyncError('corrupt', "The bundle key cannot be unwrapped with this organisation's key");
  }
  let plaintext: Uint8Array;
  try {
    plaintext = new Uint8Array(
      await subtle().decrypt(
        {
          name: 'AES-GCM',
          iv: ownBytes(container.iv),
          additionalData: ownBytes(container.headerBlock),
          tagLength: 128,
        },
        contentKey,
        ownBytes(container.ciphertext),
      ),
    );
  } catch {
    throw new SyncError('tampered', 'The encrypted payload does not authenticate with its header');
  }
  return { header, plaintext, container };
}
