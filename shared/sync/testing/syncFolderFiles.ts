/**
 * Test-only: real signed and encrypted bundles and acknowledgements for the sync folder tests
 * (unit and the Syncthing integration test). Not imported by app code.
 */
import { createAcknowledgement } from '../acknowledgement';
import { sha256Hex } from '../bytes';
import { createBundle, type ReadContext } from '../bundle';
import { bundleFileName } from '../bundleFormat';
import {
  makeDevice,
  makeOrganisation,
  record,
  stamp,
  uuid,
  validate,
  type TestDevice,
  type TestOrganisation,
} from './syncTestKit';

export interface SyncParties {
  org: TestOrganisation;
  device: TestDevice;
  /** What HQ needs to open the device's bundles. */
  hqContext: ReadContext;
  /** What the device needs to read HQ's acknowledgements. */
  ackContext: { organisationSigningKey: CryptoKey; organisationFingerprint: string; deviceId: string };
}

export async function makeSyncParties(deviceId = 'dev-field-1'): Promise<SyncParties> {
  const [org, device] = await Promise.all([makeOrganisation(), makeDevice(deviceId)]);
  return {
    org,
    device,
    hqContext: {
      organisationKey: org.keys.encryption.privateKey,
      organisationKeyFingerprint: org.info.encryptionKeyFingerprint,
      knownDevices: new Map([[device.deviceId, device.known]]),
      validate,
    },
    ackContext: {
      organisationSigningKey: org.keys.signing.publicKey,
      organisationFingerprint: org.info.fingerprint,
      deviceId,
    },
  };
}

/**
 * A bundle with one household and, when `attachmentBytes` is given, an attachment of that many
 * bytes (incompressible, so the file is as large as asked).
 */
export async function makeBundleFile(
  parties: SyncParties,
  options: { seq: number; attachmentBytes?: number },
): Promise<{ name: string; bytes: Uint8Array<ArrayBuffer>; bundleId: string }> {
  const wall = 1_736_000_000_000 + options.seq * 1000;
  const s = stamp(wall, parties.device.deviceId);
  const household = record({ a: options.seq % 1000, b: 2, c: 3 }, s, { id: uuid(options.seq) });
  const records = [{ table: 'households', record: household }];
  if (options.attachmentBytes !== undefined) {
    const data = randomBytes(options.attachmentBytes);
    records.push({
      table: 'attachments',
      record: record({ ownerId: household.id, sha256: await sha256Hex(data), data, thumbnail: null }, s, {
        id: uuid(100_000 + options.seq),
      }),
    });
  }
  const { bytes, header } = await createBundle({
    device: {
      deviceId: parties.device.deviceId,
      signingKey: parties.device.keyPair.privateKey,
      publicKey: parties.device.keyPair.publicKey,
    },
    organisation: { encryptionKey: parties.org.keys.encryption.publicKey },
    seq: { from: options.seq, to: options.seq },
    changes: { records },
    createdAt: new Date(wall).toISOString(),
  });
  return { name: bundleFileName(header), bytes, bundleId: header.bundleId };
}

export async function makeAcknowledgementFile(
  parties: SyncParties,
  bundleIds: readonly string[],
  through: number,
): Promise<{ name: string; bytes: Uint8Array<ArrayBuffer> }> {
  const bytes = await createAcknowledgement({
    organisationSigningKey: parties.org.keys.signing.privateKey,
    organisationFingerprint: parties.org.info.fingerprint,
    deviceId: parties.device.deviceId,
    createdAt: '2025-02-01T12:00:00.000Z',
    ranges: [{ from: 1, to: through }],
    bundleIds,
  });
  return { name: `pm-ack-${parties.device.deviceId}.pmack`, bytes };
}

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  // getRandomValues fills at most 65 536 bytes per call.
  for (let offset = 0; offset < length; offset += 65_536) {
    globalThis.crypto.getRandomValues(out.subarray(offset, Math.min(length, offset + 65_536)));
  }
  return out;
}
