import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { partnerSeeds } from '../../../../shared/referrals/partnerSeeds';
import { applyAcknowledgement, createAcknowledgementFor } from './acknowledgements';
import { listConflicts, resolveConflict } from './conflicts';
import {
  makeSyncOrganisation,
  openDevice,
  openHq,
  type SyncTestOrganisation,
  type TestDeviceDb,
  type TestHq,
} from './syncTesting';

let org: SyncTestOrganisation;
beforeAll(async () => {
  org = await makeSyncOrganisation();
}, 60_000);

const opened: { db: { close(): void } }[] = [];
afterEach(() => opened.splice(0).forEach((o) => o.db.close()));

const PARTNER = partnerSeeds[0]!.id;

async function setUp() {
  // B's clock is an hour ahead of A's, so B's stamps are the newer ones.
  const [a, b] = await Promise.all([openDevice(), openDevice({ startMs: Date.UTC(2025, 0, 10, 9) })]);
  const hq = await openHq(org);
  opened.push(a!, b!, hq);
  await hq.enrol(a!);
  await hq.enrol(b!);
  return { a: a!, b: b!, hq };
}

async function setContact(device: TestDeviceDb, contact: string) {
  const current = (await device.organisations.get(PARTNER))!;
  return device.organisations.update(PARTNER, { ...current, contact });
}

async function send(device: TestDeviceDb, hq: TestHq) {
  const bundle = await device.exportTo(org);
  if (bundle) await hq.import(bundle.bytes, bundle.fileName);
  const ack = await createAcknowledgementFor(hq.db, device.deviceId, org.signer);
  await applyAcknowledgement(device.db, ack.bytes, ack.fileName, { organisation: org.forDevices });
  return bundle;
}

describe('conflicts at HQ', () => {
  it('two devices change the same field without seeing each other: the newer stamp wins, the other is kept for review', async () => {
    const { a, b, hq } = await setUp();
    const fromA = await setContact(a, '+383 38 111 111');
    const fromB = await setContact(b, '+383 38 222 222');
    await send(a, hq);
    await send(b, hq);
    expect((await hq.db.organisations.get(PARTNER))!.contact).toBe('+383 38 222 222');
    const conflicts = await listConflicts(hq.db);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      table: 'organisations',
      recordId: PARTNER,
      field: 'contact',
      value: '+383 38 111 111',
      stamp: fromA.fieldHlc.contact,
      currentValue: '+383 38 222 222',
      currentStamp: fromB.fieldHlc.contact,
      disagreement: true,
    });
  });

  it('the kept version survives a later write that did not see it, even once its device stops sending it', async () => {
    const { a, b, hq } = await setUp();
    await setContact(a, 'from A');
    await setContact(b, 'from B');
    await send(a, hq);
    await send(b, hq);
    // B writes again, knowing only its own value; A's value is no longer in any bundle.
    await setContact(b, 'from B, again');
    const third = (await send(b, hq))!;
    expect(third.header.counts.records).toBe(1);
    expect((await listConflicts(hq.db)).map((c) => c.value)).toEqual(['from A']);
  });

  it('HQ resolves by choosing a version: the others go away, and a repeated old bundle does not bring them back', async () => {
    const { a, b, hq } = await setUp();
    await setContact(a, 'from A');
    await setContact(b, 'from B');
    const first = await a.exportTo(org);
    await hq.import(first!.bytes, first!.fileName);
    await send(b, hq);
    const [conflict] = await listConflicts(hq.db);

    const resolved = await resolveConflict(hq.db, hq.ctx, {
      table: 'organisations',
      recordId: PARTNER,
      field: 'contact',
      keepStamp: conflict!.stamp,
    });
    expect(resolved.contact).toBe('from A');
    expect(resolved.fieldHlc.contact).not.toBe(conflict!.stamp);
    expect(await listConflicts(hq.db)).toEqual([]);
    const audit = await hq.db.audit.orderBy(':id').last();
    expect(audit).toMatchObject({
      entity: 'organisation',
      recordId: PARTNER,
      action: 'update',
      fields: ['contact'],
      actor: 'HQ reviewer',
    });

    // A's unacknowledged changes go again in its next bundle: HQ's choice covers them.
    const again = (await a.exportTo(org))!;
    const outcome = await hq.import(again.bytes, again.fileName);
    expect(outcome.status === 'imported' && outcome.report).toMatchObject({ updated: 0, newConflicts: [] });
    expect((await hq.db.organisations.get(PARTNER))!.contact).toBe('from A');
    expect(await listConflicts(hq.db)).toEqual([]);
  });

  it('concurrent writes of the same value are kept, but not shown as a disagreement', async () => {
    const { a, b, hq } = await setUp();
    await a.organisations.deactivate(PARTNER);
    await b.organisations.deactivate(PARTNER);
    await send(a, hq);
    await send(b, hq);
    const conflicts = await listConflicts(hq.db);
    expect(conflicts.map((c) => [c.field, c.disagreement])).toEqual([['active', false]]);
  });
});
