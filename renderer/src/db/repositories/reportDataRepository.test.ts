import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQuestionnaireRegistry } from '../../../../shared/questionnaires/registry';
import type { AttachmentRecord } from '../../../../shared/attachments/attachmentSchema';
import type { HouseholdRecord } from '../../../../shared/households/householdSchema';
import type { FollowUpRecord, ReferralRecord } from '../../../../shared/referrals/referralSchema';
import * as fx from '../../../../test/reports/fixtures';
import { AppDatabase } from '../AppDatabase';
import { freshDbName, TEST_STORE_KEYS } from '../testing';
import { loadWriteContext } from '../writeContext';
import { createReportDataRepository, LogoError, MAX_LOGO_BYTES } from './reportDataRepository';

let db: AppDatabase;
let reports: ReturnType<typeof createReportDataRepository>;

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]);
const at = (iso: string) => ({ createdAt: iso, updatedAt: iso });

beforeEach(async () => {
  db = new AppDatabase(freshDbName(), TEST_STORE_KEYS);
  await db.open();
  const ctx = await loadWriteContext(db, () => new Date(fx.GENERATED_AT));
  ctx.monitorName = 'Đorđe Šarčević';
  reports = createReportDataRepository(db, ctx, createQuestionnaireRegistry([fx.questionnaire]));

  // The fixture records, written straight to the tables: this repository only reads them.
  await db.shelters.add({ ...fx.shelter, nameKey: 'qendra' });
  await db.shelterVisits.bulkAdd(fx.shelterProfileInput.visits);
  await db.households.add(fx.household);
  await db.persons.bulkAdd(fx.members);
  await db.persons.add({
    ...fx.members[1]!,
    id: crypto.randomUUID(),
    fullName: 'Archived Member',
    deletedAt: fx.GENERATED_AT,
  });
  await db.householdVisits.add(fx.householdVisit);
  await db.referrals.add(fx.referral);
  await db.organisations.bulkAdd(fx.organisations);
  await db.followUps.bulkAdd(fx.followUps);
  await db.followUps.add({
    ...fx.followUps[0]!,
    id: crypto.randomUUID(),
    title: 'Before the visit',
    subjectType: 'household',
    subjectId: fx.household.id,
    ...at('2025-01-01T08:00:00.000Z'),
  });
  const attachment = (
    ownerType: AttachmentRecord['ownerType'],
    ownerId: string,
    extra: Partial<AttachmentRecord>,
  ): AttachmentRecord => ({
    ...fx.shelterVisit,
    id: crypto.randomUUID(),
    ownerType,
    ownerId,
    fileName: 'photo.jpg',
    mimeType: 'image/jpeg',
    size: JPEG.length,
    sha256: '0'.repeat(64),
    caption: 'Kuzhina',
    data: JPEG,
    thumbnail: JPEG,
    ...extra,
  });
  await db.attachments.bulkAdd([
    attachment('householdVisit', fx.householdVisit.id, {}),
    attachment('householdVisit', fx.householdVisit.id, {
      mimeType: 'application/pdf',
      fileName: 'scan.pdf',
      thumbnail: null,
    }),
    attachment('householdVisit', fx.householdVisit.id, { caption: 'Removed', deletedAt: fx.GENERATED_AT }),
  ]);
});
afterEach(() => db.close());

describe('report data repository: record reports', () => {
  it('gathers a household visit with live members, its questionnaire, referrals, follow-ups since the visit and photos', async () => {
    const input = await reports.gather({
      kind: 'visit',
      visitType: 'household',
      visitId: fx.householdVisit.id,
    });
    expect(input?.kind).toBe('visit');
    if (input?.kind !== 'visit' || input.visitType !== 'household') throw new Error('wrong input');
    expect(input.members.map((m) => m.fullName)).toEqual(fx.members.map((m) => m.fullName));
    expect(input.questionnaire?.id).toBe('returnee-monitoring');
    expect(input.referrals.map((r) => r.id)).toEqual([fx.referral.id]);
    expect(input.followUps.map((f) => f.title).sort()).toEqual(fx.followUps.map((f) => f.title).sort());
    expect(input.photos).toEqual([
      { image: { format: 'JPEG', data: JPEG }, caption: 'Kuzhina', fileName: 'photo.jpg' },
    ]);
    expect(input.organisationNames[fx.organisations[0]!.id]).toBe(fx.organisations[0]!.name);
  });

  it('gathers a shelter profile with its visits newest first and the households living there', async () => {
    await db.households.add({
      ...fx.household,
      id: crypto.randomUUID(),
      shelterId: fx.shelter.id,
      memberCount: 5,
    } satisfies HouseholdRecord);
    const input = await reports.gather({ kind: 'shelterProfile', shelterId: fx.shelter.id });
    if (input?.kind !== 'shelterProfile') throw new Error('wrong input');
    expect(input.visits.map((v) => v.visitDate)).toEqual([
      '2025-06-10',
      '2025-05-12',
      '2025-04-08',
      '2025-03-05',
    ]);
    expect(input.registered).toEqual({ households: 1, persons: 5 });
  });

  it('gathers a household case with the referrals follow-ups and questionnaire titles', async () => {
    const input = await reports.gather({ kind: 'householdCase', householdId: fx.household.id });
    if (input?.kind !== 'householdCase') throw new Error('wrong input');
    expect(input.visits).toHaveLength(1);
    expect(input.questionnaireTitles['returnee-monitoring@1']?.en).toBe('Returnee monitoring');
    expect(input.followUps).toHaveLength(3);
  });

  it('gathers a referral letter with the signing monitor and the visit it came from', async () => {
    const input = await reports.gather({ kind: 'referralLetter', referralId: fx.referral.id });
    if (input?.kind !== 'referralLetter') throw new Error('wrong input');
    expect(input.monitorName).toBe('Đorđe Šarčević');
    expect(input.organisation?.id).toBe(fx.referral.organisationId);
    expect(input.visit).toEqual({
      visitDate: fx.householdVisit.visitDate,
      needsIdentified: fx.householdVisit.needsIdentified,
    });
  });

  it('returns null for a missing or archived record', async () => {
    expect(await reports.gather({ kind: 'householdCase', householdId: crypto.randomUUID() })).toBeNull();
    await db.shelterVisits.update(fx.shelterVisit.id, { deletedAt: fx.GENERATED_AT });
    expect(
      await reports.gather({ kind: 'visit', visitType: 'shelter', visitId: fx.shelterVisit.id }),
    ).toBeNull();
  });
});

describe('report data repository: period summary', () => {
  beforeEach(async () => {
    // A referral in the period and an overdue follow-up on a household living in the shelter.
    const inShelter = {
      ...fx.household,
      id: crypto.randomUUID(),
      currentMunicipality: '',
      returnMunicipality: '',
      shelterId: fx.shelter.id,
      status: 'displaced' as const,
    };
    await db.households.add(inShelter);
    await db.referrals.add({
      ...fx.referral,
      id: crypto.randomUUID(),
      householdId: inShelter.id,
      referredOn: '2025-05-02',
    } satisfies ReferralRecord);
    await db.followUps.add({
      ...fx.followUps[0]!,
      id: crypto.randomUUID(),
      subjectType: 'household',
      subjectId: inShelter.id,
      dueDate: '2025-06-01',
      openDue: '2025-06-01',
    } as FollowUpRecord & { openDue: string });
  });

  it('reads only the period, by its visit-date index, and carries no names', async () => {
    const input = await reports.gather({
      kind: 'periodSummary',
      period: { from: '2025-04-01', to: '2025-06-15', municipalities: [], includeVisitLog: false },
    });
    if (input?.kind !== 'periodSummary') throw new Error('wrong input');
    expect(input.shelterVisits.map((v) => v.visitDate).sort()).toEqual([
      '2025-04-08',
      '2025-05-12',
      '2025-06-10',
    ]);
    expect(input.shelterVisits[0]!.residentsMet).toBeGreaterThan(0);
    expect(input.householdVisits).toHaveLength(1);
    expect(input.referrals.map((r) => r.referredOn).sort()).toEqual(['2025-05-02', '2025-06-12']);
    // A household in a shelter is counted in the shelter's municipality.
    expect(input.households.map((h) => h.municipality).sort()).toEqual(['gracanice', 'zvecan']);
    expect(input.overdueFollowUps).toEqual([
      expect.objectContaining({ subjectType: 'household', municipality: 'gracanice' }),
    ]);
    const text = JSON.stringify(input);
    for (const secret of [...fx.PERSONAL.names, ...fx.PERSONAL.phones, ...fx.PERSONAL.notes])
      expect(text).not.toContain(secret);
  });
});

describe('report data repository: settings and the sent log', () => {
  it('keeps the organisation name and a PNG or JPEG logo', async () => {
    expect(await reports.branding()).toEqual({ organisationName: '', logo: null });
    await reports.saveOrganisationName('  UNHCR Kosovo  ');
    await reports.saveLogo(JPEG);
    expect(await reports.branding()).toEqual({
      organisationName: 'UNHCR Kosovo',
      logo: { format: 'JPEG', data: JPEG },
    });
    await reports.saveLogo(null);
    expect((await reports.branding()).logo).toBeNull();
  });

  it('refuses a logo that is not an image or is too large, keeping the old one', async () => {
    await reports.saveLogo(JPEG);
    await expect(reports.saveLogo(new TextEncoder().encode('<svg/>'))).rejects.toMatchObject({
      reason: 'type',
    });
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(JPEG);
    await expect(reports.saveLogo(big)).rejects.toBeInstanceOf(LogoError);
    expect((await reports.branding()).logo?.data).toEqual(JPEG);
  });

  it('logs the reports made, newest first', async () => {
    const entry = {
      kind: 'periodSummary' as const,
      title: 'Period summary',
      fileName: 'a.pdf',
      language: 'sq' as const,
      redacted: false,
      location: 'a.pdf',
      outbox: false,
    };
    await reports.recordSent(entry);
    await reports.recordSent({ ...entry, fileName: 'b.pdf', outbox: true });
    expect((await reports.listSent()).map((s) => [s.fileName, s.outbox, s.at])).toEqual([
      ['b.pdf', true, fx.GENERATED_AT],
      ['a.pdf', false, fx.GENERATED_AT],
    ]);
  });

  it('remembers the outbox folder', async () => {
    const folder = { folderId: crypto.randomUUID(), displayName: 'Reports' };
    await reports.setOutboxFolder(folder);
    expect(await reports.outboxFolder()).toEqual(folder);
    await reports.setOutboxFolder(null);
    expect(await reports.outboxFolder()).toBeNull();
  });
});
