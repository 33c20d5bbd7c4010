import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../../../../shared/sync/fieldVersions';
import { createHouseholdRepository, liveMembersOf } from '../repositories/householdRepository';
import { member, registration } from '../repositories/householdFixtures';
import { applyAcknowledgement, createAcknowledgementFor } from './acknowledgements';
import { deriveForHousehold } from './syncDerive';
import { syncTestBed, type TestDeviceDb, type TestHq } from './syncTesting';

/**
 * The import derives a household from its members as the merge leaves them, without reading the
 * merged persons back. Whatever travels (household and members, the household alone, a member
 * alone), every household at HQ must hold what its stored members give.
 */
const bed = syncTestBed();
const setUp = () => bed.setUp();

/** Sends what changed on the device since the last acknowledged bundle, and acknowledges it. */
async function sync(device: TestDeviceDb, hq: TestHq) {
  const bundle = (await device.exportTo(bed.org))!;
  const outcome = await hq.import(bundle.bytes, bundle.fileName);
  if (outcome.status !== 'imported') throw new Error(`The bundle was ${outcome.status}`);
  const ack = await createAcknowledgementFor(hq.db, device.deviceId, bed.org.signer);
  await applyAcknowledgement(device.db, ack.bytes, ack.fileName, { organisation: bed.org.forDevices });
  return { bundle, report: outcome.report };
}

/** Each HQ household's derived fields, next to what its stored members give. */
async function derivedAtHq(hq: TestHq) {
  const households = (await hq.db.households.toArray()) as unknown as StoredRecord[];
  return Promise.all(
    households.map(async (household) => {
      const members = liveMembersOf(await hq.db.persons.where('householdId').equals(household.id).toArray());
      const expected = deriveForHousehold(household, members);
      const stored = Object.fromEntries(Object.keys(expected).map((k) => [k, household[k]]));
      return { stored, expected };
    }),
  );
}

async function expectHouseholdsFollowMembers(hq: TestHq) {
  for (const { stored, expected } of await derivedAtHq(hq)) expect(stored).toEqual(expected);
}

describe('households at HQ follow their members', () => {
  it('when the household travels with its members, alone, or a member travels alone', async () => {
    const { device, hq } = await setUp();
    const first = await device.households.register(registration());
    const second = await device.households.register(
      registration({}, [member({ fullName: 'Arta Berisha', sex: 'female' })]),
    );
    await sync(device, hq);
    await expectHouseholdsFollowMembers(hq);
    expect((await hq.db.households.get(first.id))!.memberCount).toBe(3);

    // The household alone: its members are read from HQ's database.
    await device.households.update(first.id, { ...registration().household, phone: '+383 44 555 999' });
    const householdOnly = await sync(device, hq);
    expect(householdOnly.bundle.header.counts.records).toBe(1);
    await expectHouseholdsFollowMembers(hq);
    expect((await hq.db.households.get(first.id))!.headName).toBe('Dragan Đorđević');

    // A member alone (added, then another removed): the households are refreshed.
    await device.households.addMember(
      second.id,
      member({ fullName: 'Besnik Berisha', relationship: 'child', sex: 'male' }),
    );
    const [, spouse] = await device.households.members(first.id);
    await device.households.removeMember(spouse!.id);
    await sync(device, hq);
    await expectHouseholdsFollowMembers(hq);
    expect((await hq.db.households.get(first.id))!.memberCount).toBe(2);
    expect((await hq.db.households.get(second.id))!.memberCount).toBe(2);
    const search = createHouseholdRepository(hq.db, hq.ctx);
    expect((await search.list({ search: 'Besnik' })).rows.map((h) => h.id)).toEqual([second.id]);
    expect((await search.list({ search: 'Milica' })).rows).toEqual([]);
  });

  it('a full export changes nothing and refreshes nothing', async () => {
    const { device, hq } = await setUp();
    await device.households.register(registration());
    await sync(device, hq);
    const before = await derivedAtHq(hq);
    const full = (await device.exportTo(bed.org, { full: true }))!;
    const outcome = await hq.import(full.bytes, full.fileName);
    expect(outcome.status === 'imported' && outcome.report).toMatchObject({
      inserted: 0,
      updated: 0,
      householdsRefreshed: 0,
    });
    expect(await derivedAtHq(hq)).toEqual(before);
  });
});
