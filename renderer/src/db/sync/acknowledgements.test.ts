import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAcknowledgement } from '../../../../shared/sync/acknowledgement';
import { registration } from '../repositories/householdFixtures';
import { validShelter } from '../testing';
import { applyAcknowledgement, createAcknowledgementFor, purgeTombstones } from './acknowledgements';
import { databaseDigest } from './databaseDigest';
import { outgoingStatus } from './outgoing';
import { SyncFileError, type SyncFileErrorCode } from './syncFileError';
import {
  makeSyncOrganisation,
  openDevice,
  openHq,
  rejectionOf,
  type SyncTestOrganisation,
  type TestDeviceDb,
} from './syncTesting';

let org: SyncTestOrganisation;
let otherOrg: SyncTestOrganisation;
beforeAll(async () => {
  [org, otherOrg] = await Promise.all([makeSyncOrganisation(), makeSyncOrganisation('Other HQ')]);
}, 60_000);

const opened: { db: { close(): void } }[] = [];
afterEach(() => opened.splice(0).forEach((o) => o.db.close()));

/** A device whose first bundle HQ has merged. */
async function setUp() {
  const device = await openDevice();
  const hq = await openHq(org);
  opened.push(device, hq);
  await hq.enrol(device);
  const shelter = await device.shelters.create(validShelter());
  const household = await device.households.register(registration());
  const bundle = (await device.exportTo(org))!;
  await hq.import(bundle.bytes, bundle.fileName);
  return { device, hq, bundle, shelter, household };
}

const apply = (device: TestDeviceDb, bytes: Uint8Array, fileName = 'pm-ack.pmack', extra = {}) =>
  applyAcknowledgement(device.db, bytes, fileName, { organisation: org.forDevices, ...extra });

async function expectRefused(device: TestDeviceDb, bytes: Uint8Array, code: SyncFileErrorCode) {
  const before = await databaseDigest(device.db);
  const error = await rejectionOf(apply(device, bytes, 'strange.pmack'));
  expect(error).toBeInstanceOf(SyncFileError);
  expect(error).toMatchObject({ code, fileName: 'strange.pmack' });
  expect(await databaseDigest(device.db)).toBe(before);
}

describe('acknowledgements', () => {
  it('advance the watermark to what HQ holds, and only once', async () => {
    const { device, hq, bundle } = await setUp();
    const ack = await createAcknowledgementFor(hq.db, device.deviceId, org.signer);
    // One name per device: a newer acknowledgement replaces the older in the sync folder.
    expect(ack.fileName).toBe(`pm-ack-${device.deviceId}.pmack`);
    const outcome = await apply(device, ack.bytes, ack.fileName);
    expect(outcome).toMatchObject({
      status: 'applied',
      previousThrough: 0,
      acknowledgedThrough: bundle.header.seq.to,
      bundlesConfirmed: 1,
    });
    const after = await databaseDigest(device.db);
    expect(await apply(device, ack.bytes)).toMatchObject({ status: 'no-change' });
    expect(await databaseDigest(device.db)).toBe(after);
  });

  it('an older acknowledgement after a newer one says nothing new', async () => {
    const { device, hq, shelter } = await setUp();
    const older = await createAcknowledgementFor(hq.db, device.deviceId, org.signer);
    await device.shelters.update(shelter.id, validShelter({ residents: 2 }));
    const second = (await device.exportTo(org))!;
    await hq.import(second.bytes, second.fileName);
    const newer = await createAcknowledgementFor(hq.db, device.deviceId, org.signer);
    await apply(device, newer.bytes);
    const after = await databaseDigest(device.db);
    expect(await apply(device, older.bytes)).toMatchObject({
      status: 'no-change',
      acknowledgedThrough: second.header.seq.to,
    });
    expect(await databaseDigest(device.db)).toBe(after);
  });

  it('never move the watermark past what the device sent, whatever an acknowledgement claims', async () => {
    const { device, bundle } = await setUp();
    await device.shelters.create(validShelter({ name: 'Not sent yet' }));
    const overclaiming = await createAcknowledgement({
      ...org.signer,
      deviceId: device.deviceId,
      createdAt: '2025-02-01T00:00:00.000Z',
      ranges: [{ from: 1, to: 1000 }],
      bundleIds: [bundle.header.bundleId],
    });
    expect(await apply(device, overclaiming)).toMatchObject({ acknowledgedThrough: bundle.header.seq.to });
    expect((await outgoingStatus(device.db)).pendingChanges).toBe(1);
  });

  it('refuses, changing nothing: for another device, from another organisation, damaged, unknown version', async () => {
    const { device, hq } = await setUp();
    const stranger = await openDevice();
    opened.push(stranger);
    const forOther = await createAcknowledgementFor(hq.db, stranger.deviceId, org.signer);
    await expectRefused(device, forOther.bytes, 'wrong-recipient');
    const good = await createAcknowledgementFor(hq.db, device.deviceId, org.signer);
    const foreign = await createAcknowledgementFor(hq.db, device.deviceId, otherOrg.signer);
    await expectRefused(device, foreign.bytes, 'bad-signature');
    await expectRefused(device, good.bytes.subarray(0, good.bytes.length - 1), 'truncated');
    for (const index of [0, 5, 12, good.bytes.length - 2]) {
      const flipped = new Uint8Array(good.bytes);
      flipped[index]! ^= 0x04;
      const before = await databaseDigest(device.db);
      expect(await rejectionOf(apply(device, flipped))).toBeInstanceOf(SyncFileError);
      expect(await databaseDigest(device.db)).toBe(before);
    }
    const future = new Uint8Array(good.bytes);
    future[4] = 9;
    await expectRefused(device, future, 'unknown-version');
  });

  it('with the purge policy, drop deleted records HQ has, and keep the rest', async () => {
    const { device, hq, shelter, household } = await setUp();
    await device.shelters.archive(shelter.id);
    await device.households.archive(household.id);
    const second = (await device.exportTo(org))!;
    await hq.import(second.bytes, second.fileName);
    const ack = await createAcknowledgementFor(hq.db, device.deviceId, org.signer);
    // Restored after the acknowledged export: not at HQ in this state, so it stays.
    await device.households.restore(household.id);

    const outcome = await apply(device, ack.bytes, ack.fileName, { purge: purgeTombstones });
    expect(outcome.purged).toBe(1);
    expect(await device.db.shelters.get(shelter.id)).toBeUndefined();
    expect(await device.db.households.get(household.id)).toMatchObject({ deletedAt: null });
    expect(await device.db.persons.where('householdId').equals(household.id).count()).toBe(3);
    // What was purged is at HQ.
    expect(await hq.db.shelters.get(shelter.id)).toMatchObject({ id: shelter.id });
    expect(await device.exportTo(org)).toMatchObject({ header: { counts: { records: 1 } } });
  });
});
