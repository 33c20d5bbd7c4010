import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditEntries } from '../../../../shared/records/auditHash';
import { concatBytes, u32, utf8 } from '../../../../shared/sync/bytes';
import { sign } from '../../../../shared/sync/keys';
import { createReferenceBundle, readReferenceBundle } from '../../../../shared/sync/referenceBundle';
import { createOrganisationRepository } from '../repositories/organisationRepository';
import { createShelterRepository } from '../repositories/shelterRepository';
import { validShelter } from '../testing';
import { databaseDigest } from './databaseDigest';
import { outgoingStatus } from './outgoing';
import {
  applyReferenceBundle,
  createReferenceBundleFor,
  referenceDataState,
  type ApplyReferenceContext,
} from './referenceData';
import { SyncFileError, type SyncFileErrorCode } from './syncFileError';
import {
  makeSyncOrganisation,
  openDevice,
  openHq,
  rejectionOf,
  type SyncTestOrganisation,
  type TestDeviceDb,
  type TestHq,
} from './syncTesting';
import { validateStoredSyncedRecord } from './syncTables';

let org: SyncTestOrganisation;
let otherOrg: SyncTestOrganisation;
beforeAll(async () => {
  [org, otherOrg] = await Promise.all([makeSyncOrganisation(), makeSyncOrganisation('Other HQ')]);
}, 60_000);

const opened: { db: { close(): void } }[] = [];
afterEach(() => opened.splice(0).forEach((o) => o.db.close()));

/** HQ with its repositories, and a device whose first bundle HQ has merged. */
async function setUp(deviceOptions: Parameters<typeof openDevice>[0] = {}) {
  const device = await openDevice(deviceOptions);
  const hq = await openHq(org);
  opened.push(device, hq);
  await hq.enrol(device);
  const shelter = await device.shelters.create(validShelter());
  const bundle = (await device.exportTo(org))!;
  await hq.import(bundle.bytes, bundle.fileName);
  return {
    device,
    hq,
    shelter,
    hqShelters: createShelterRepository(hq.db, hq.ctx),
    hqOrganisations: createOrganisationRepository(hq.db, hq.ctx),
  };
}

const reference = (hq: TestHq, extra: Partial<Parameters<typeof createReferenceBundleFor>[1]> = {}) =>
  createReferenceBundleFor(hq.db, { ...org.signer, clock: hq.ctx.clock, now: hq.context.now, ...extra });

const apply = (
  device: TestDeviceDb,
  bytes: Uint8Array,
  fileName = 'pm-ref.pmref',
  extra: Partial<ApplyReferenceContext> = {},
) =>
  applyReferenceBundle(device.db, bytes, fileName, {
    organisation: org.forDevices,
    actor: 'Arta Berisha',
    clock: device.ctx.clock,
    now: device.now,
    ...extra,
  });

async function expectRefused(device: TestDeviceDb, bytes: Uint8Array, code: SyncFileErrorCode, extra = {}) {
  const before = await databaseDigest(device.db);
  const error = await rejectionOf(apply(device, bytes, 'strange.pmref', extra));
  expect(error).toBeInstanceOf(SyncFileError);
  expect(error).toMatchObject({ code, fileName: 'strange.pmref' });
  expect(await databaseDigest(device.db)).toBe(before);
}

/** A reference file written by hand and signed by the organisation, to smuggle what the writer refuses. */
async function signedRaw(header: object, payload: string) {
  const h = utf8(JSON.stringify(header));
  const p = utf8(payload);
  const unsigned = concatBytes(
    utf8('PMRF'),
    new Uint8Array([1, 0]),
    u32(4 + h.length + p.length),
    u32(h.length),
    h,
    p,
  );
  return concatBytes(unsigned, await sign(org.signer.organisationSigningKey, unsigned));
}

describe('reference data from HQ', () => {
  it('brings HQ’s new and archived shelters and partners to a device, without personal data', async () => {
    const { device, hq, hqShelters, hqOrganisations } = await setUp();
    const added = await hqShelters.create(
      validShelter({
        name: 'Qendra e re',
        contactPerson: 'Valbona Hoxha',
        contactPhone: '+383 45 000 000',
        notes: 'private',
      }),
    );
    const closed = await hqShelters.create(validShelter({ name: 'Closed centre' }));
    await hqShelters.archive(closed.id);
    const partner = await hqOrganisations.create({
      name: 'Partner e re',
      services: ['health'],
      contact: 'Dr. Gashi, 044 111 222',
    });

    const file = await reference(hq);
    expect(file.fileName).toMatch(/^pm-ref-\d{15}-\d{6}\.pmref$/);
    const seqBefore = (await outgoingStatus(device.db)).latestSeq;
    const outcome = await apply(device, file.bytes, file.fileName);
    expect(outcome).toMatchObject({ status: 'applied', missingQuestionnaires: [] });
    if (outcome.status !== 'applied') throw new Error('not applied');
    expect(outcome.report.byTable.shelters).toMatchObject({ inserted: 2, updated: 0, unchanged: 1 });
    expect(outcome.report.byTable.organisations.inserted).toBe(1);
    expect(outcome.report.invalidAfterMerge).toEqual([]);

    const copy = (await device.shelters.get(added.id))!;
    expect(copy).toMatchObject({
      name: 'Qendra e re',
      contactPerson: '',
      contactPhone: '',
      notes: '',
      residents: 31,
    });
    expect(copy.fieldHlc).toEqual(
      Object.fromEntries(
        Object.entries(added.fieldHlc).filter(
          ([f]) => !['contactPerson', 'contactPhone', 'notes'].includes(f),
        ),
      ),
    );
    expect(validateStoredSyncedRecord('shelters', copy as never).success).toBe(true);
    expect((await device.shelters.list({ search: 'qendra e re' })).map((s) => s.id)).toEqual([added.id]);
    expect((await device.shelters.get(closed.id))!.deletedAt).not.toBeNull();
    expect(await device.organisations.get(partner.id)).toMatchObject({
      name: 'Partner e re',
      contact: '',
      active: true,
    });

    // Audited on the device, chained; the changes are the device's to send on like any other.
    const audit = await device.db.audit.where(':id').above(seqBefore).toArray();
    expect(audit.map((e) => [e.entity, e.recordId, e.action, e.deviceId, e.actor])).toEqual(
      expect.arrayContaining([
        ['shelter', added.id, 'create', hq.ctx.deviceId, 'Arta Berisha'],
        ['organisation', partner.id, 'create', hq.ctx.deviceId, 'Arta Berisha'],
      ]),
    );
    expect(audit).toHaveLength(3);
    expect(verifyAuditEntries(await device.db.audit.toArray())).toMatchObject({ ok: true });
    expect(await referenceDataState(device.db)).toMatchObject({
      version: file.header.version,
      fileName: file.fileName,
    });
  });

  it('keeps the device’s own unsent edits: the newer stamp wins field by field', async () => {
    // The device's clock runs after HQ's, as when it edits after HQ did.
    const { device, hq, shelter, hqShelters } = await setUp({ startMs: Date.UTC(2025, 1, 10) });
    const atHq = (await hqShelters.get(shelter.id))!;
    await hqShelters.update(shelter.id, {
      ...atHq,
      name: 'Renamed by HQ',
      capacity: 50,
      contactPerson: 'Someone else',
    });
    await device.shelters.update(shelter.id, validShelter({ capacity: 45, residents: 12 }));
    const file = await reference(hq);

    const outcome = await apply(device, file.bytes);
    expect(outcome.status).toBe('applied');
    const merged = (await device.shelters.get(shelter.id))!;
    expect(merged).toMatchObject({
      name: 'Renamed by HQ', // HQ's edit, on a field the device did not touch
      capacity: 45, // both edited: the device's later edit wins …
      residents: 12, // the device's edit HQ has not seen
      contactPerson: 'Drita Krasniqi', // never sent by HQ
    });
    // … and HQ's concurrent value is kept beside it, as at HQ.
    if (outcome.status !== 'applied') throw new Error('not applied');
    expect(outcome.report.newConflicts).toEqual([
      expect.objectContaining({ table: 'shelters', id: shelter.id, field: 'capacity', value: 50 }),
    ]);
    expect(merged.nameKey).toBe('renamed by hq');

    // The device's next bundle brings HQ to the same values.
    const next = (await device.exportTo(org))!;
    await hq.import(next.bytes, next.fileName);
    expect(await hqShelters.get(shelter.id)).toMatchObject({
      name: 'Renamed by HQ',
      capacity: 45,
      residents: 12,
      contactPerson: 'Someone else',
    });
  });

  it('moves the device’s clock past HQ’s version, so an edit after the import wins', async () => {
    const { device, hq, shelter, hqShelters } = await setUp();
    const atHq = (await hqShelters.get(shelter.id))!;
    await hqShelters.update(shelter.id, { ...atHq, capacity: 50 });
    const file = await reference(hq);
    await apply(device, file.bytes);
    expect((await device.shelters.get(shelter.id))!.capacity).toBe(50);
    const edited = await device.shelters.update(shelter.id, { ...validShelter(), capacity: 60 });
    expect(edited.fieldHlc.capacity! > file.header.version).toBe(true);
  });

  it('applies a file once: the same or an older version changes nothing', async () => {
    const { device, hq, hqShelters } = await setUp();
    const older = await reference(hq);
    await hqShelters.create(validShelter({ name: 'Second' }));
    const newer = await reference(hq);
    expect(newer.header.version > older.header.version).toBe(true);
    expect(await apply(device, newer.bytes)).toMatchObject({ status: 'applied' });
    const after = await databaseDigest(device.db);
    expect(await apply(device, newer.bytes)).toMatchObject({
      status: 'already-applied',
      appliedVersion: newer.header.version,
    });
    expect(await apply(device, older.bytes)).toMatchObject({ status: 'already-applied' });
    expect(await databaseDigest(device.db)).toBe(after);

    // A later file with nothing new: applied, every record unchanged, no audit entry.
    const audit = await device.db.audit.count();
    const same = await reference(hq);
    const outcome = await apply(device, same.bytes);
    expect(outcome).toMatchObject({ status: 'applied', report: { inserted: 0, updated: 0 } });
    expect(await device.db.audit.count()).toBe(audit);
  });

  it('reports questionnaire versions this build does not have, and applies the rest', async () => {
    const { device, hq } = await setUp();
    const file = await reference(hq, {
      questionnaires: [
        { id: 'returnee-monitoring', version: 2 },
        { id: 'returnee-monitoring', version: 9 },
      ],
    });
    const outcome = await apply(device, file.bytes);
    expect(outcome).toMatchObject({
      status: 'applied',
      missingQuestionnaires: [{ id: 'returnee-monitoring', version: 9 }],
    });
    expect(await referenceDataState(device.db)).toMatchObject({
      questionnaires: [
        { id: 'returnee-monitoring', version: 2 },
        { id: 'returnee-monitoring', version: 9 },
      ],
      missingQuestionnaires: [{ id: 'returnee-monitoring', version: 9 }],
    });
  });

  it('refuses, changing nothing: foreign, forged, damaged, newer format, oversized, hostile, personal data', async () => {
    const { device, hq } = await setUp();
    const good = await reference(hq);
    const foreign = await createReferenceBundleFor(hq.db, { ...otherOrg.signer, clock: hq.ctx.clock });
    await expectRefused(device, foreign.bytes, 'wrong-recipient');
    const forged = await createReferenceBundleFor(hq.db, {
      ...org.signer,
      organisationSigningKey: otherOrg.signer.organisationSigningKey,
      clock: hq.ctx.clock,
    });
    await expectRefused(device, forged.bytes, 'bad-signature');
    await expectRefused(device, good.bytes.subarray(0, good.bytes.length - 1), 'truncated');
    for (const index of [0, 5, 12, 40, good.bytes.length - 100, good.bytes.length - 2]) {
      const flipped = new Uint8Array(good.bytes);
      flipped[index]! ^= 0x04;
      const before = await databaseDigest(device.db);
      expect(await rejectionOf(apply(device, flipped))).toBeInstanceOf(SyncFileError);
      expect(await databaseDigest(device.db)).toBe(before);
    }
    const future = new Uint8Array(good.bytes);
    future[4] = 9;
    await expectRefused(device, future, 'unknown-version');
    await expectRefused(device, good.bytes, 'too-large', { limits: { maxFileBytes: 256 } });

    const content = await readReferenceBundle(good.bytes, {
      organisationSigningKey: org.forDevices.signingKey,
      organisationFingerprint: org.forDevices.fingerprint,
    });
    const payload = {
      version: content.header.version,
      shelters: content.shelters,
      organisations: content.organisations,
      questionnaires: content.questionnaires,
    };
    const text = JSON.stringify(payload);
    await expectRefused(
      device,
      await signedRaw(content.header, text.replace('"name":', '"__proto__":{},"name":')),
      'hostile-content',
    );
    const smuggled = JSON.stringify({
      ...payload,
      shelters: content.shelters.map((s) => ({ ...s, contactPerson: 'Drita Krasniqi' })),
    });
    await expectRefused(device, await signedRaw(content.header, smuggled), 'invalid-record');
    const badValue = JSON.stringify({
      ...payload,
      shelters: content.shelters.map((s) => ({ ...s, municipality: 'atlantis' })),
    });
    await expectRefused(device, await signedRaw(content.header, badValue), 'invalid-record');
    expect(await referenceDataState(device.db)).toBeNull();

    // The same signer and bytes are fine: the refusals were the file's, not the setup's.
    expect(await apply(device, await signedRaw(content.header, text))).toMatchObject({ status: 'applied' });
  });

  it('HQ writes no personal data and cannot write a file its devices would refuse', async () => {
    const { hq } = await setUp();
    const file = await reference(hq);
    const text = new TextDecoder().decode(file.bytes);
    expect(text).not.toContain('Drita');
    expect(text).not.toContain('123 456');
    expect(
      await createReferenceBundle({
        ...org.signer,
        version: file.header.version,
        createdAt: file.header.createdAt,
        shelters: [{ ...(await hq.db.shelters.toArray())[0]!, capacity: -3 } as never],
        organisations: [],
        questionnaires: [],
      }).then(
        () => 'written',
        (error: { reason?: string }) => error.reason,
      ),
    ).toBe('invalid-record');
  });
});
