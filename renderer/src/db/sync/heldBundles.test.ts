import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatFingerprint } from '../../../../shared/sync/keys';
import { createDeviceFile, readDeviceFile } from '../../../../shared/sync/deviceFile';
import { registration } from '../repositories/householdFixtures';
import { databaseDigest } from './databaseDigest';
import {
  DeviceEnrolmentError,
  discardHeldBundle,
  enrolDevice,
  listHeldBundles,
  revokeDevice,
} from './devices';
import { releaseHeldBundles } from './importBundle';
import { SYNCED_TABLES } from './syncTables';
import {
  makeSyncOrganisation,
  openDevice,
  openHq,
  rejectionOf,
  type SyncTestOrganisation,
} from './syncTesting';

let org: SyncTestOrganisation;
beforeAll(async () => {
  org = await makeSyncOrganisation();
}, 60_000);

const opened: { db: { close(): void } }[] = [];
afterEach(() => opened.splice(0).forEach((o) => o.db.close()));

async function setUp() {
  const device = await openDevice();
  const hq = await openHq(org);
  opened.push(device, hq);
  await device.households.register(registration());
  const bundle = (await device.exportTo(org))!;
  return { device, hq, bundle };
}

const syncedOnly = { tables: [...SYNCED_TABLES, 'conflicts', 'blobs', 'importedBundles', 'audit'] };

describe('bundles from devices HQ has not enrolled', () => {
  it('are held back whole, never merged, and kept once however often they are read', async () => {
    const { device, hq, bundle } = await setUp();
    const merged = await databaseDigest(hq.db, syncedOnly);
    const outcome = await hq.import(bundle.bytes, bundle.fileName);
    expect(outcome).toMatchObject({ status: 'held', fileName: bundle.fileName });
    expect(await databaseDigest(hq.db, syncedOnly)).toBe(merged);

    const held = await listHeldBundles(hq.db);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({
      deviceId: device.deviceId,
      keyFingerprint: device.known.fingerprint,
      fileName: bundle.fileName,
      size: bundle.bytes.length,
    });

    const whole = await databaseDigest(hq.db);
    expect((await hq.import(bundle.bytes, bundle.fileName)).status).toBe('held');
    expect(await databaseDigest(hq.db)).toBe(whole);
  });

  it('HQ confirms the device by its fingerprint, enrols it, and the held bundles are merged', async () => {
    const { device, hq, bundle } = await setUp();
    await hq.import(bundle.bytes, bundle.fileName);

    // The device file HQ receives shows the same fingerprint the held bundle claims.
    const file = await createDeviceFile(
      { deviceId: device.deviceId, name: 'Tablet 3', keyPair: device.keyPair },
      '2025-01-10T08:00:00.000Z',
    );
    const candidate = await readDeviceFile(file);
    const [held] = await listHeldBundles(hq.db);
    expect(formatFingerprint(candidate.fingerprint)).toBe(formatFingerprint(held!.keyFingerprint));
    await enrolDevice(hq.db, candidate);

    const results = await releaseHeldBundles(hq.db, device.deviceId, hq.context);
    expect(results).toHaveLength(1);
    expect(results[0]!.outcome).toMatchObject({ status: 'imported' });
    expect(await listHeldBundles(hq.db)).toEqual([]);
    expect(await hq.db.households.count()).toBe(1);
    // Released once: importing the file again is a replay.
    expect((await hq.import(bundle.bytes, bundle.fileName)).status).toBe('already-imported');
  });

  it('a held bundle that turns out not to verify stays held, with the reason, until HQ discards it', async () => {
    const { device, hq, bundle } = await setUp();
    const forged = new Uint8Array(bundle.bytes);
    forged[forged.length - 1]! ^= 0xff;
    const outcome = await hq.import(forged, 'forged.pmbundle');
    expect(outcome.status).toBe('held');
    await hq.enrol(device);
    const [result] = await releaseHeldBundles(hq.db, device.deviceId, hq.context);
    expect(result!.error).toMatchObject({ code: 'bad-signature', fileName: 'forged.pmbundle' });
    expect(await hq.db.households.count()).toBe(0);
    expect(await listHeldBundles(hq.db)).toHaveLength(1);
    await discardHeldBundle(hq.db, outcome.status === 'held' ? outcome.heldId : '');
    expect(await listHeldBundles(hq.db)).toEqual([]);
  });
});

describe('the device directory', () => {
  it('refuses a second device with the same key, the same id with another key, and a revoked device', async () => {
    const { device, hq } = await setUp();
    const other = await openDevice();
    opened.push(other);
    await hq.enrol(device);
    await expect(hq.enrol(device)).resolves.toMatchObject({ deviceId: device.deviceId });
    const sameKey = { ...device.known, deviceId: other.deviceId };
    expect(await rejectionOf(enrolDevice(hq.db, sameKey))).toMatchObject({ problem: 'key-in-use' });
    const otherKey = { ...other.known, deviceId: device.deviceId };
    expect(await rejectionOf(enrolDevice(hq.db, otherKey))).toBeInstanceOf(DeviceEnrolmentError);
    await revokeDevice(hq.db, device.deviceId);
    expect(await rejectionOf(hq.enrol(device))).toMatchObject({ problem: 'revoked' });
  });
});
