import Dexie from 'dexie';
import type { AttachmentRecord } from '../../../../shared/attachments/attachmentSchema';
import type { HouseholdRecord } from '../../../../shared/households/householdSchema';
import type { PersonRecord } from '../../../../shared/households/personSchema';
import { questionnaires, type QuestionnaireRegistry } from '../../../../shared/questionnaires/registry';
import type { FollowUpRecord, ReferralRecord } from '../../../../shared/referrals/referralSchema';
import type {
  HouseholdCaseInput,
  PeriodFilter,
  PeriodSummaryInput,
  ReferralLetterInput,
  ReportBranding,
  ReportImage,
  ReportInput,
  ReportLanguage,
  ReportKind,
  ReportPhoto,
  ReportRequest,
  ShelterProfileInput,
  VisitReportInput,
} from '../../../../shared/reports/reportTypes';
import { localToday } from '../../../../shared/validation/fields';
import type { AppDatabase } from '../AppDatabase';
import type { WriteContext } from '../writeContext';

/** Report settings and the log of reports made, in the meta table (settings, not records). */
export const REPORT_META_KEYS = {
  organisationName: 'report.organisationName',
  logo: 'report.logo',
  outboxFolder: 'report.outboxFolder',
  sent: 'report.sent',
} as const;

/** A logo larger than this makes every page heavy; a letterhead logo needs far less. */
export const MAX_LOGO_BYTES = 512 * 1024;
/** Photos bigger than this (without a thumbnail) are left out of reports. */
const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
const MAX_SENT_ENTRIES = 500;

export interface SentReport {
  id: string;
  /** ISO date-time. */
  at: string;
  kind: ReportKind;
  title: string;
  fileName: string;
  language: ReportLanguage;
  redacted: boolean;
  /** Where it was saved, as the host reported it. */
  location: string;
  /** A copy went to the reports outbox folder. */
  outbox: boolean;
}

export interface OutboxFolder {
  folderId: string;
  displayName: string;
}

export class LogoError extends Error {
  constructor(readonly reason: 'tooLarge' | 'type') {
    super(`Logo rejected: ${reason}`);
    this.name = 'LogoError';
  }
}

/** PNG and JPEG by their first bytes: a file name or a MIME type can lie. */
export function sniffImage(bytes: Uint8Array): ReportImage['format'] | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'PNG';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'JPEG';
  return null;
}

const live = <T extends { deletedAt: string | null }>(rows: (T | undefined)[]): T[] =>
  rows.filter((r): r is T => r !== undefined && r.deletedAt === null);

const isReportImage = (value: unknown): value is ReportImage =>
  typeof value === 'object' &&
  value !== null &&
  ((value as ReportImage).format === 'PNG' || (value as ReportImage).format === 'JPEG') &&
  (value as ReportImage).data instanceof Uint8Array;

/**
 * Gathers what each report is made from, reading the tables directly (indexes where they
 * exist), plus the report settings. Returns plain data for the report worker; the period
 * summary's rows carry codes and ids only, never a name.
 */
export function createReportDataRepository(
  db: AppDatabase,
  ctx: WriteContext,
  registry: QuestionnaireRegistry = questionnaires,
) {
  async function photos(ownerType: AttachmentRecord['ownerType'], ownerId: string): Promise<ReportPhoto[]> {
    const attachments = live(
      await db.attachments.where('[ownerType+ownerId]').equals([ownerType, ownerId]).toArray(),
    );
    return attachments
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .flatMap((a): ReportPhoto[] => {
        if (!a.mimeType.startsWith('image/')) return [];
        const candidates = [a.thumbnail, a.data.byteLength <= MAX_PHOTO_BYTES ? a.data : null];
        for (const bytes of candidates) {
          const format = bytes ? sniffImage(bytes) : null;
          if (bytes && format)
            return [{ image: { format, data: bytes }, caption: a.caption, fileName: a.fileName }];
        }
        return [];
      });
  }

  async function organisationNames(ids: string[]): Promise<Record<string, string>> {
    const orgs = await db.organisations.bulkGet([...new Set(ids)]);
    return Object.fromEntries(orgs.flatMap((o) => (o ? [[o.id, o.name]] : [])));
  }

  async function membersOf(householdId: string): Promise<PersonRecord[]> {
    return live(await db.persons.where('householdId').equals(householdId).toArray()).sort(
      (a, b) =>
        Number(b.relationship === 'head') - Number(a.relationship === 'head') ||
        a.createdAt.localeCompare(b.createdAt),
    );
  }

  async function referralsOf(householdIds: string[]): Promise<ReferralRecord[]> {
    if (!householdIds.length) return [];
    return live(await db.referrals.where('householdId').anyOf(householdIds).toArray());
  }

  async function followUpsOf(subjectIds: string[]): Promise<FollowUpRecord[]> {
    if (!subjectIds.length) return [];
    return live(await db.followUps.where('subjectId').anyOf(subjectIds).toArray());
  }

  async function visitReport(
    visitType: 'shelter' | 'household',
    visitId: string,
  ): Promise<VisitReportInput | null> {
    if (visitType === 'shelter') {
      const visit = await db.shelterVisits.get(visitId);
      if (!visit || visit.deletedAt) return null;
      const shelter = (await db.shelters.get(visit.shelterId)) ?? null;
      const residents = live(await db.households.where('shelterId').equals(visit.shelterId).toArray());
      const referrals = (await referralsOf(residents.map((h) => h.id))).filter((r) => r.visitId === visitId);
      const followUps = (await followUpsOf([visit.shelterId, ...referrals.map((r) => r.id)])).filter(
        (f) => f.createdAt.slice(0, 10) >= visit.visitDate,
      );
      const persons = live(await db.persons.bulkGet(referrals.map((r) => r.personId).filter(Boolean)));
      return {
        kind: 'visit',
        visitType,
        visit,
        shelter,
        referrals,
        followUps,
        photos: await photos('shelterVisit', visitId),
        organisationNames: await organisationNames(referrals.map((r) => r.organisationId)),
        persons: Object.fromEntries(persons.map((p) => [p.id, { id: p.id, fullName: p.fullName }])),
      };
    }
    const visit = await db.householdVisits.get(visitId);
    if (!visit || visit.deletedAt) return null;
    const household = (await db.households.get(visit.householdId)) ?? null;
    const members = await membersOf(visit.householdId);
    const referrals = (await referralsOf([visit.householdId])).filter((r) => r.visitId === visitId);
    const followUps = (await followUpsOf([visit.householdId, ...referrals.map((r) => r.id)])).filter(
      (f) => f.createdAt.slice(0, 10) >= visit.visitDate,
    );
    return {
      kind: 'visit',
      visitType,
      visit,
      household,
      members,
      questionnaire: registry.questionnaireVersion(visit.questionnaireId, visit.questionnaireVersion) ?? null,
      referrals,
      followUps,
      photos: await photos('householdVisit', visitId),
      organisationNames: await organisationNames(referrals.map((r) => r.organisationId)),
      persons: Object.fromEntries(members.map((p) => [p.id, { id: p.id, fullName: p.fullName }])),
    };
  }

  async function shelterProfile(shelterId: string): Promise<ShelterProfileInput | null> {
    const shelter = await db.shelters.get(shelterId);
    if (!shelter || shelter.deletedAt) return null;
    const visits = live(
      await db.shelterVisits
        .where('[shelterId+visitDate]')
        .between([shelterId, Dexie.minKey], [shelterId, Dexie.maxKey])
        .reverse()
        .toArray(),
    );
    const residents = live(await db.households.where('shelterId').equals(shelterId).toArray());
    return {
      kind: 'shelterProfile',
      shelter,
      visits,
      followUps: (await followUpsOf([shelterId])).filter((f) => f.subjectType === 'shelter'),
      registered: { households: residents.length, persons: residents.reduce((s, h) => s + h.memberCount, 0) },
    };
  }

  async function householdCase(householdId: string): Promise<HouseholdCaseInput | null> {
    const household = await db.households.get(householdId);
    if (!household || household.deletedAt) return null;
    const visits = live(
      await db.householdVisits
        .where('[householdId+visitDate]')
        .between([householdId, Dexie.minKey], [householdId, Dexie.maxKey])
        .reverse()
        .toArray(),
    );
    const referrals = await referralsOf([householdId]);
    const shelter = household.shelterId ? await db.shelters.get(household.shelterId) : undefined;
    const questionnaireTitles = Object.fromEntries(
      visits.flatMap((v) => {
        const q = registry.questionnaireVersion(v.questionnaireId, v.questionnaireVersion);
        return q ? [[`${q.id}@${q.version}`, q.title]] : [];
      }),
    );
    return {
      kind: 'householdCase',
      household,
      members: await membersOf(householdId),
      shelter: shelter ? { id: shelter.id, name: shelter.name, municipality: shelter.municipality } : null,
      visits,
      questionnaireTitles,
      referrals,
      followUps: await followUpsOf([householdId, ...referrals.map((r) => r.id)]),
      organisationNames: await organisationNames(referrals.map((r) => r.organisationId)),
    };
  }

  async function referralLetter(referralId: string): Promise<ReferralLetterInput | null> {
    const referral = await db.referrals.get(referralId);
    if (!referral || referral.deletedAt) return null;
    const household = await db.households.get(referral.householdId);
    if (!household || household.deletedAt) return null;
    const visit = referral.visitId
      ? ((await db.householdVisits.get(referral.visitId)) ?? (await db.shelterVisits.get(referral.visitId)))
      : undefined;
    return {
      kind: 'referralLetter',
      referral,
      household,
      members: await membersOf(household.id),
      organisation: (await db.organisations.get(referral.organisationId)) ?? null,
      visit:
        visit && !visit.deletedAt
          ? { visitDate: visit.visitDate, needsIdentified: visit.needsIdentified }
          : null,
      monitorName: ctx.monitorName,
    };
  }

  async function periodSummary(period: PeriodFilter): Promise<PeriodSummaryInput> {
    const today = localToday(ctx.now());
    const shelterVisits = live(
      await db.shelterVisits.where('visitDate').between(period.from, period.to, true, true).toArray(),
    );
    const householdVisits = live(
      await db.householdVisits.where('visitDate').between(period.from, period.to, true, true).toArray(),
    );
    // No index on referredOn yet: one pass over the table, keeping only the period's rows.
    const referrals = live(
      await db.referrals.filter((r) => r.referredOn >= period.from && r.referredOn <= period.to).toArray(),
    );
    const overdue = live(await db.followUps.where('openDue').below(today).toArray());
    const overdueReferrals = live(
      await db.referrals.bulkGet(overdue.filter((f) => f.subjectType === 'referral').map((f) => f.subjectId)),
    );

    const householdIds = new Set([
      ...householdVisits.map((v) => v.householdId),
      ...referrals.map((r) => r.householdId),
      ...overdueReferrals.map((r) => r.householdId),
      ...overdue.filter((f) => f.subjectType === 'household').map((f) => f.subjectId),
    ]);
    const households = (await db.households.bulkGet([...householdIds])).filter(
      (h): h is HouseholdRecord => !!h,
    );
    const shelters = live(await db.shelters.toArray());
    const shelterMunicipality = new Map(shelters.map((s) => [s.id, s.municipality]));
    const municipalityOf = (h: HouseholdRecord) =>
      h.currentMunicipality || h.returnMunicipality || shelterMunicipality.get(h.shelterId) || '';
    const householdMunicipality = new Map(households.map((h) => [h.id, municipalityOf(h)]));
    const referralHousehold = new Map(overdueReferrals.map((r) => [r.id, r.householdId]));
    const subjectMunicipality = (f: FollowUpRecord) =>
      f.subjectType === 'shelter'
        ? (shelterMunicipality.get(f.subjectId) ?? '')
        : f.subjectType === 'household'
          ? (householdMunicipality.get(f.subjectId) ?? '')
          : (householdMunicipality.get(referralHousehold.get(f.subjectId) ?? '') ?? '');

    const residentsMet = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    return {
      kind: 'periodSummary',
      period,
      shelterVisits: shelterVisits.map((v) => ({
        id: v.id,
        visitDate: v.visitDate,
        shelterId: v.shelterId,
        needsIdentified: v.needsIdentified,
        residentsMet: residentsMet(v.residentsMet),
      })),
      householdVisits: householdVisits.map((v) => ({
        id: v.id,
        visitDate: v.visitDate,
        householdId: v.householdId,
        needsIdentified: v.needsIdentified,
      })),
      shelters: shelters.map((s) => ({ id: s.id, name: s.name, municipality: s.municipality })),
      households: households.map((h) => ({
        id: h.id,
        status: h.status,
        community: h.community,
        municipality: municipalityOf(h),
        memberCount: h.memberCount,
      })),
      referrals: referrals.map((r) => ({
        id: r.id,
        householdId: r.householdId,
        service: r.service,
        status: r.status,
        referredOn: r.referredOn,
      })),
      overdueFollowUps: overdue.map((f) => ({
        id: f.id,
        dueDate: f.dueDate,
        subjectType: f.subjectType,
        municipality: subjectMunicipality(f),
      })),
    };
  }

  const readTables = [
    db.shelters,
    db.households,
    db.persons,
    db.shelterVisits,
    db.householdVisits,
    db.referrals,
    db.followUps,
    db.organisations,
    db.attachments,
  ];

  async function listSent(): Promise<SentReport[]> {
    return (await readMeta(REPORT_META_KEYS.sent, (v): v is SentReport[] => Array.isArray(v))) ?? [];
  }

  async function readMeta<T>(key: string, guard: (v: unknown) => v is T): Promise<T | null> {
    const value = (await db.meta.get(key))?.value;
    return guard(value) ? value : null;
  }

  return {
    /** The input of a report, read in one transaction; null when the record does not exist. */
    gather(request: ReportRequest): Promise<ReportInput | null> {
      return db.transaction('r', readTables, (): Promise<ReportInput | null> => {
        switch (request.kind) {
          case 'visit':
            return visitReport(request.visitType, request.visitId);
          case 'shelterProfile':
            return shelterProfile(request.shelterId);
          case 'householdCase':
            return householdCase(request.householdId);
          case 'referralLetter':
            return referralLetter(request.referralId);
          case 'periodSummary':
            return periodSummary(request.period);
        }
      });
    },

    async branding(): Promise<ReportBranding> {
      return {
        organisationName:
          (await readMeta(REPORT_META_KEYS.organisationName, (v): v is string => typeof v === 'string')) ??
          '',
        logo: await readMeta(REPORT_META_KEYS.logo, isReportImage),
      };
    },

    async saveOrganisationName(name: string): Promise<void> {
      await db.meta.put({ key: REPORT_META_KEYS.organisationName, value: name.trim().slice(0, 200) });
    },

    /** Checks the bytes are a PNG or JPEG within the size limit; throws LogoError otherwise. */
    async saveLogo(bytes: Uint8Array | null): Promise<void> {
      if (bytes === null) {
        await db.meta.delete(REPORT_META_KEYS.logo);
        return;
      }
      if (bytes.byteLength > MAX_LOGO_BYTES) throw new LogoError('tooLarge');
      const format = sniffImage(bytes);
      if (!format) throw new LogoError('type');
      await db.meta.put({ key: REPORT_META_KEYS.logo, value: { format, data: bytes } satisfies ReportImage });
    },

    outboxFolder: () =>
      readMeta(
        REPORT_META_KEYS.outboxFolder,
        (v): v is OutboxFolder =>
          typeof v === 'object' && v !== null && typeof (v as OutboxFolder).folderId === 'string',
      ),

    async setOutboxFolder(folder: OutboxFolder | null): Promise<void> {
      if (folder) await db.meta.put({ key: REPORT_META_KEYS.outboxFolder, value: folder });
      else await db.meta.delete(REPORT_META_KEYS.outboxFolder);
    },

    /** Reports made on this device, newest first. */
    listSent,

    async recordSent(entry: Omit<SentReport, 'id' | 'at'>): Promise<SentReport> {
      const sent: SentReport = { ...entry, id: crypto.randomUUID(), at: ctx.now().toISOString() };
      await db.transaction('rw', db.meta, async () => {
        const current = await listSent();
        await db.meta.put({
          key: REPORT_META_KEYS.sent,
          value: [sent, ...current].slice(0, MAX_SENT_ENTRIES),
        });
      });
      return sent;
    },
  };
}

export type ReportDataRepository = ReturnType<typeof createReportDataRepository>;
