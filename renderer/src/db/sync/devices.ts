import type { KnownDevice } from '../../../../shared/sync/deviceFile';
import { exportSpki, importSigningPublicKey } from '../../../../shared/sync/keys';
import type { AppDatabase } from '../AppDatabase';
import type { DeviceRow, HeldBundleRow } from './syncRows';

/**
 * HQ's directory of devices. A device is enrolled once HQ has compared the fingerprint its
 * device file shows (`readDeviceFile`, `formatFingerprint`) with the one the device displays;
 * bundles from any other sender are held back (`heldBundles`) until HQ decides. A revoked device
 * stays listed, so its later bundles are refused rather than held.
 */

export type DeviceEnrolmentProblem =
  /** Another device is enrolled with this key. */
  | 'key-in-use'
  /** This device id is enrolled with another key. */
  | 'device-id-in-use'
  /** The device was revoked; enrolling it again is a deliberate, separate decision. */
  | 'revoked';

export class DeviceEnrolmentError extends Error {
  override readonly name = 'DeviceEnrolmentError';
  constructor(
    readonly problem: DeviceEnrolmentProblem,
    readonly deviceId: string,
  ) {
    super(`Cannot enrol device ${deviceId}: ${problem}`);
  }
}

/** Enrols a device (idempotent for the same id and key). */
export async function enrolDevice(
  db: AppDatabase,
  device: KnownDevice,
  options: { now?: () => Date } = {},
): Promise<DeviceRow> {
  const spki = await exportSpki(device.publicKey);
  const at = (options.now ?? (() => new Date()))().toISOString();
  return db.transaction('rw', db.devices, async () => {
    const sameId = await db.devices.get(device.deviceId);
    const sameKey = await db.devices.where('fingerprint').equals(device.fingerprint).first();
    if (sameId?.status === 'revoked' || sameKey?.status === 'revoked') {
      throw new DeviceEnrolmentError('revoked', device.deviceId);
    }
    if (sameKey && sameKey.deviceId !== device.deviceId)
      throw new DeviceEnrolmentError('key-in-use', device.deviceId);
    if (sameId && sameId.fingerprint !== device.fingerprint) {
      throw new DeviceEnrolmentError('device-id-in-use', device.deviceId);
    }
    if (sameId) return sameId;
    const row: DeviceRow = {
      deviceId: device.deviceId,
      name: device.name,
      fingerprint: device.fingerprint,
      spki,
      status: 'active',
      enrolledAt: at,
      revokedAt: null,
    };
    await db.devices.add(row);
    return row;
  });
}

/** From now on the device's bundles are refused ('revoked-device'); what was merged stays. */
export async function revokeDevice(db: AppDatabase, deviceId: string, options: { now?: () => Date } = {}) {
  const at = (options.now ?? (() => new Date()))().toISOString();
  await db.transaction('rw', db.devices, async () => {
    const row = await db.devices.get(deviceId);
    if (row && row.status !== 'revoked') await db.devices.put({ ...row, status: 'revoked', revokedAt: at });
  });
}

export const listDevices = (db: AppDatabase): Promise<DeviceRow[]> => db.devices.toArray();

/** The enrolled device a bundle may come from, as the bundle reader needs it. */
export async function knownDeviceOf(row: DeviceRow): Promise<KnownDevice> {
  return {
    deviceId: row.deviceId,
    name: row.name,
    publicKey: await importSigningPublicKey(row.spki),
    fingerprint: row.fingerprint,
  };
}

export type HeldBundleSummary = Omit<HeldBundleRow, 'bytes'> & { size: number };

/** Bundles waiting for a decision, oldest first, without their bytes. */
export async function listHeldBundles(db: AppDatabase): Promise<HeldBundleSummary[]> {
  const rows = await db.heldBundles.toArray();
  return rows
    .map(({ bytes, ...rest }) => ({ ...rest, size: bytes.length }))
    .sort((a, b) => a.heldAt.localeCompare(b.heldAt) || a.id.localeCompare(b.id));
}

/** HQ decided not to import a held bundle. */
export const discardHeldBundle = (db: AppDatabase, id: string): Promise<void> => db.heldBundles.delete(id);
