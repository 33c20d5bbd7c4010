import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditEntries } from '../../../../shared/records/auditHash';
import { sha256Hex } from '../../../../shared/sync/bytes';
import type { StoredRecord } from '../../../../shared/sync/fieldVersions';
import { createHouseholdRepository } from '../repositories/householdRepository';
import { member, registration } from '../repositories/householdFixtures';
import { validReferral } from '../repositories/referralFixtures';
import { validShelterVisit } from '../repositories/visitTesting';
import { validShelter } from '../testing';
import { applyAcknowledgement, createAcknowledgementFor } from './acknowledgements';
import { hydrateFromBlobs } from './blobs';
import { databaseDigest } from './databaseDigest';
import { changesSince, outgoingStatus } from './outgoing';
import {
  DERIVED_FIELDS,
  SYNCED_TABLES,
  validateStoredSyncedRecord,
  validateSyncedRecord,
} from './syncTables';
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

async function setUp() {
  const device = await openDevice();
  const hq = await openHq(org);
  opened.push(device, hq);
  await hq.enrol(device);
  return { device, hq };
}

const photo = new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256));
const thumb = new Uint8Array([1, 2, 3, 4]);

/** A month of work on a device: every synced kind of record, an edit, a removal. */
async function fieldWork(device: TestDeviceDb) {
  const shelter = await device.shelters.create(validShelter());
  const household = await device.households.register(registration());
  const members = await device.households.members(household.id);
  await device.households.update(household.id, { ...registration().household, phone: '+383 44 555 999' });
  await device.households.removeMember(members[2]!.id);
  const visit = await device.shelterVisits.create(validShelterVisit(shelter.id));
  const referral = await device.referrals.create(validReferral(household.id));
  const followUp = await device.followUps.create({
    subjectType: 'referral',
    subjectId: referral.id,
    title: 'Call the civil registry',
    dueDate: '2025-03-01',
    notes: '',
  });
  const attachment = await device.attachments.add({
    ownerType: 'household',
    ownerId: household.id,
    fileName: 'birth-certificate.jpg',
    mimeType: 'image/jpeg',
    bytes: photo,
    thumbnail: thumb,
  });
  return { shelter, household, visit, referral, followUp, attachment };
}

/** Every synced record of a database without the fields each side derives with its own keys. */
async function syncedRecords(db: TestHq['db'] | TestDeviceDb['db']) {
  const out: Record<string, StoredRecord[]> = {};
  for (const table of SYNCED_TABLES) {
    const rows = (await db.table(table).toArray()) as StoredRecord[];
    out[table] = rows
      .map(
        (r) =>
          Object.fromEntries(
            Object.entries(r).filter(([k]) => !DERIVED_FIELDS[table].includes(k)),
          ) as StoredRecord,
      )
      .map((r) => ({ ...r, fieldBase: r.fieldBase ?? {} }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }
  return out;
}

describe('device → HQ round trip', () => {
  it('HQ receives every record as the device holds it, derives its own search keys, and stores attachments once by hash', async () => {
    const { device, hq } = await setUp();
    const work = await fieldWork(device);
    const bundle = await device.exportTo(org);
    expect(bundle).not.toBeNull();
    expect(bundle!.fileName).toMatch(new RegExp(`^pm-${device.deviceId}-00000001-\\d{8}-.*\\.pmbundle$`));

    const outcome = await hq.import(bundle!.bytes, bundle!.fileName);
    expect(outcome.status).toBe('imported');
    if (outcome.status !== 'imported') return;
    const deviceRecords = await syncedRecords(device.db);
    const total = Object.values(deviceRecords).reduce((n, rows) => n + rows.length, 0);
    expect(outcome.report).toMatchObject({ inserted: total, updated: 0, unchanged: 0, newConflicts: [] });
    expect(outcome.report.invalidAfterMerge).toEqual([]);

    // Same records, field for field (attachments carry a reference to their bytes instead).
    const hqRecords = await syncedRecords(hq.db);
    const hqAttachment = hqRecords.attachments![0]!;
    const sha = await sha256Hex(photo);
    expect(hqAttachment.data).toEqual({ $blob: sha });
    expect(hqAttachment.thumbnail).toEqual({ $blob: await sha256Hex(thumb) });
    expect(await hq.db.blobs.count()).toBe(2);
    // Stored rows with references pass the stored-row check (backups use it), not the bundle one.
    expect(validateStoredSyncedRecord('attachments', hqAttachment).success).toBe(true);
    expect(validateSyncedRecord('attachments', hqAttachment).success).toBe(false);
    const hydrated = await hydrateFromBlobs(hq.db, hqAttachment);
    expect(hydrated.data).toEqual(photo);
    expect({ ...hqRecords, attachments: [hydrated] }).toEqual(deviceRecords);

    // Derived fields recomputed with HQ's keys: HQ's own search finds the family by name.
    const hqHouseholds = createHouseholdRepository(hq.db, hq.ctx);
    const found = await hqHouseholds.list({ search: 'Đorđević' });
    expect(found.rows.map((h) => h.id)).toEqual([work.household.id]);
    expect(found.rows[0]).toMatchObject({ headName: 'Dragan Đorđević', memberCount: 2 });
    const devicePerson = (await device.db.persons.toArray())[0]!;
    const hqPerson = (await hq.db.persons.get(devicePerson.id))!;
    expect(hqPerson.searchTokens).toEqual(hq.db.nameIndex.tags(devicePerson.fullName));
    expect(hqPerson.searchTokens).not.toEqual(devicePerson.searchTokens);
    expect((await hq.db.referrals.get(work.referral.id))!.openDue).toBe(work.referral.dueDate);

    // One audit entry per merged record, chained.
    const audit = await hq.db.audit.toArray();
    expect(audit).toHaveLength(total);
    expect(audit.every((e) => e.actor === 'HQ reviewer' && e.deviceId === device.deviceId)).toBe(true);
    expect(verifyAuditEntries(audit)).toMatchObject({ ok: true });
  });

  it('importing the same bundle twice changes nothing', async () => {
    const { device, hq } = await setUp();
    await fieldWork(device);
    const bundle = (await device.exportTo(org))!;
    await hq.import(bundle.bytes, bundle.fileName);
    const before = await databaseDigest(hq.db);
    const again = await hq.import(bundle.bytes, bundle.fileName);
    expect(again.status).toBe('already-imported');
    expect(await databaseDigest(hq.db)).toBe(before);
  });

  it('sends everything HQ has not acknowledged; after the acknowledgement only what changed since', async () => {
    const { device, hq } = await setUp();
    const work = await fieldWork(device);
    const first = (await device.exportTo(org))!;
    await hq.import(first.bytes, first.fileName);

    // A second export before any acknowledgement covers the first one's changes again.
    await device.shelters.update(work.shelter.id, validShelter({ residents: 12 }));
    const second = (await device.exportTo(org))!;
    expect(second.header.seq.from).toBe(1);
    const outcome = await hq.import(second.bytes, second.fileName);
    expect(outcome.status === 'imported' && outcome.report).toMatchObject({ inserted: 0, updated: 1 });
    expect((await hq.db.shelters.get(work.shelter.id))!.residents).toBe(12);

    const ack = await createAcknowledgementFor(hq.db, device.deviceId, org.signer);
    expect(ack.acknowledgedThrough).toBe(second.header.seq.to);
    const applied = await applyAcknowledgement(device.db, ack.bytes, ack.fileName, {
      organisation: org.forDevices,
    });
    expect(applied).toMatchObject({
      status: 'applied',
      previousThrough: 0,
      acknowledgedThrough: second.header.seq.to,
      bundlesConfirmed: 2,
    });
    expect(await outgoingStatus(device.db)).toMatchObject({ pendingChanges: 0, unacknowledged: [] });

    expect(await device.exportTo(org)).toBeNull();
    await device.followUps.complete(work.followUp.id);
    const third = (await device.exportTo(org))!;
    expect(third.header.seq).toEqual({ from: second.header.seq.to + 1, to: second.header.seq.to + 1 });
    expect(third.header.counts.records).toBe(1);
    const changes = await changesSince(device.db, { afterSeq: second.header.seq.to });
    expect(changes.records.map((r) => r.table)).toEqual(['followUps']);
    const merged = await hq.import(third.bytes, third.fileName);
    expect(merged.status === 'imported' && merged.report).toMatchObject({ updated: 1 });
    expect((await hq.db.followUps.get(work.followUp.id))!.openDue).toBeUndefined();

    // A full export on request sends everything again, and changes nothing at HQ.
    const full = (await device.exportTo(org, { full: true }))!;
    expect(full.full).toBe(true);
    const fullOutcome = await hq.import(full.bytes, full.fileName);
    expect(
      fullOutcome.status === 'imported' && fullOutcome.report.updated + fullOutcome.report.inserted,
    ).toBe(0);
  });

  it('reports progress while exporting', async () => {
    const { device } = await setUp();
    await fieldWork(device);
    const phases: string[] = [];
    await device.exportTo(org, { onProgress: (p) => phases.push(p.phase) });
    expect(phases.filter((p) => p === 'collecting')).toHaveLength(SYNCED_TABLES.length);
    expect(phases.slice(-2)).toEqual(['sealing', 'done']);
  });

  it('a member added at the device refreshes the household at HQ, even when the household itself did not change', async () => {
    const { device, hq } = await setUp();
    const { household } = await fieldWork(device);
    const first = (await device.exportTo(org))!;
    await hq.import(first.bytes, first.fileName);
    const ack = await createAcknowledgementFor(hq.db, device.deviceId, org.signer);
    await applyAcknowledgement(device.db, ack.bytes, ack.fileName, { organisation: org.forDevices });

    await device.households.addMember(
      household.id,
      member({ fullName: 'Jelena Đorđević', relationship: 'child', sex: 'female' }),
    );
    const next = (await device.exportTo(org))!;
    const outcome = await hq.import(next.bytes, next.fileName);
    // Only the new member travels (a household's derived fields are not a change of it): HQ
    // recomputes the household's name tags and counts from its members.
    expect(next.header.counts.records).toBe(1);
    expect(outcome.status === 'imported' && outcome.report.householdsRefreshed).toBe(1);
    const hqHouseholds = createHouseholdRepository(hq.db, hq.ctx);
    expect((await hqHouseholds.list({ search: 'Jelena' })).rows.map((h) => h.id)).toEqual([household.id]);
    expect((await hq.db.households.get(household.id))!.memberCount).toBe(3);
  });
});
