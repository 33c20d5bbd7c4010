import type { PersonRecord } from '../../households/personSchema';
import type { FollowUpRecord, ReferralRecord } from '../../referrals/referralSchema';
import { localToday } from '../../validation/fields';
import type { needCategories } from '../../visits/shelterVisitSchema';
import type { Block, ReportDocument } from '../documentModel';
import { createRedactor, type Redactor } from '../redaction';
import { ageGroupOf, ageOn, createFormat, type ReportFormat, type Translate } from '../reportLabels';
import type { ReportContext, ReportKind, ReportPhoto } from '../reportTypes';

/** What every builder works with: translation, formatting, redaction, and "today". */
export interface BuildEnv {
  t: Translate;
  f: ReportFormat;
  r: Redactor;
  ctx: ReportContext;
  /** The local date the report is generated on. */
  today: string;
}

export function createBuildEnv(t: Translate, ctx: ReportContext): BuildEnv {
  return {
    t,
    f: createFormat(t, ctx.options.language),
    r: createRedactor(ctx.options.redacted, t),
    ctx,
    today: localToday(new Date(ctx.generatedAt)),
  };
}

/** The frame of a document: header, footer marking, page numbering template. */
export function documentShell(
  env: BuildEnv,
  kind: ReportKind,
  parts: { title: string; subtitle: string; fileBaseName: string; blocks: Block[] },
): ReportDocument {
  const { t, ctx } = env;
  const personal = kind !== 'periodSummary';
  const marking = !personal
    ? t('reports.marking.aggregate')
    : ctx.options.redacted
      ? t('reports.marking.redacted')
      : t('reports.marking.confidential');
  return {
    kind,
    language: ctx.options.language,
    title: parts.title,
    subtitle: parts.subtitle,
    fileBaseName: parts.fileBaseName + (personal && ctx.options.redacted ? '-redacted' : ''),
    header: {
      organisationName: ctx.branding.organisationName.trim() || t('reports.pdf.defaultOrganisation'),
      logo: ctx.branding.logo,
      generated: t('reports.pdf.generated', { value: env.f.dateTime(ctx.generatedAt) }),
    },
    footer: {
      marking,
      confidential: personal && !ctx.options.redacted,
      pageTemplate: t('reports.pdf.pageOf', { page: '%page%', total: '%total%' }),
    },
    blocks: parts.blocks,
  };
}

export type NeedCategory = (typeof needCategories)[number];

export const needLabel = (t: Translate, need: NeedCategory) => t(`reports.labels.need.${need}`);

export function needsBlocks(env: BuildEnv, needs: readonly NeedCategory[]): Block[] {
  const { t } = env;
  return [
    { type: 'heading', text: t('reports.sections.needs') },
    needs.length
      ? { type: 'paragraph', text: needs.map((n) => needLabel(t, n)).join(' · ') }
      : { type: 'paragraph', text: t('reports.common.noneRecorded'), tone: 'muted' },
  ];
}

export function textSection(env: BuildEnv, heading: string, text: string): Block[] {
  const redacted = env.r.note(text.trim());
  return [
    { type: 'heading', text: heading },
    redacted
      ? { type: 'paragraph', text: redacted }
      : { type: 'paragraph', text: env.t('reports.common.noneRecorded'), tone: 'muted' },
  ];
}

export function followUpStatus(env: BuildEnv, f: FollowUpRecord): { text: string; overdue: boolean } {
  if (f.done) return { text: env.t('reports.followUp.done', { date: env.f.date(f.completedOn) }), overdue: false };
  const overdue = f.dueDate < env.today;
  return { text: overdue ? env.t('reports.followUp.overdue') : env.t('reports.followUp.open'), overdue };
}

export function followUpsTable(env: BuildEnv, followUps: readonly FollowUpRecord[]): Block {
  const { t, f, r } = env;
  const sorted = [...followUps].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const statuses = sorted.map((x) => followUpStatus(env, x));
  return {
    type: 'table',
    columns: [
      { header: t('reports.columns.task'), width: 3 },
      { header: t('reports.columns.subject'), width: 1.3 },
      { header: t('reports.columns.dueDate'), width: 1.3 },
      { header: t('reports.columns.status'), width: 1.4 },
    ],
    rows: sorted.map((x, i) => [
      r.note(x.title),
      t(`reports.labels.followUpSubject.${x.subjectType}`),
      f.date(x.dueDate),
      statuses[i]!.text,
    ]),
    highlight: statuses.flatMap((s, i) => (s.overdue ? [i] : [])),
    emptyText: t('reports.followUp.none'),
  };
}

export function referralsTable(
  env: BuildEnv,
  referrals: readonly ReferralRecord[],
  organisationNames: Record<string, string>,
  personName: (personId: string) => string,
): Block {
  const { t, f } = env;
  const sorted = [...referrals].sort((a, b) => b.referredOn.localeCompare(a.referredOn));
  return {
    type: 'table',
    columns: [
      { header: t('reports.columns.service'), width: 2 },
      { header: t('reports.columns.referredPerson'), width: 1.8 },
      { header: t('reports.columns.organisation'), width: 2.2 },
      { header: t('reports.columns.urgency'), width: 1.1 },
      { header: t('reports.columns.dueDate'), width: 1.3 },
      { header: t('reports.columns.status'), width: 1.4 },
    ],
    rows: sorted.map((x) => [
      t(`reports.labels.service.${x.service}`),
      x.personId ? personName(x.personId) : t('reports.referral.wholeHousehold'),
      organisationNames[x.organisationId] ?? t('reports.common.unknownOrganisation'),
      t(`reports.labels.urgency.${x.urgency}`),
      f.date(x.dueDate),
      referralStatusText(env, x),
    ]),
    highlight: sorted.flatMap((x, i) =>
      (x.status === 'open' || x.status === 'accepted') && x.dueDate < env.today ? [i] : [],
    ),
    emptyText: t('reports.referral.none'),
  };
}

/** "Accepted · 12 Mar 2025", with the reason when closed unresolved. */
export function referralStatusText(env: BuildEnv, referral: ReferralRecord): string {
  const { t, f, r } = env;
  const since = referral.statusHistory.at(-1)?.on;
  const status = t(`reports.labels.referralStatus.${referral.status}`);
  const text = since ? `${status} · ${f.date(since)}` : status;
  return referral.status === 'closedUnresolved' && referral.closedReason
    ? `${text}: ${r.note(referral.closedReason)}`
    : text;
}

export function photosBlocks(env: BuildEnv, photos: readonly ReportPhoto[]): Block[] {
  const { t, r } = env;
  if (!photos.length) return [];
  const heading: Block = { type: 'heading', text: t('reports.sections.photos') };
  if (r.active) {
    // Faces and places identify people as surely as names do.
    return [heading, { type: 'notice', text: t('reports.redaction.photosLeftOut', { count: photos.length }), tone: 'info' }];
  }
  return [
    heading,
    {
      type: 'photos',
      items: photos.map((p) => ({ image: p.image, caption: p.caption || p.fileName })),
    },
  ];
}

/** A member's name, or under redaction an alias by their place in the household. */
export function memberName(env: BuildEnv, members: readonly PersonRecord[], person: PersonRecord): string {
  if (person.relationship === 'head') return env.r.name(person.fullName, env.t('reports.redaction.head'));
  const index = members.filter((m) => m.relationship !== 'head').indexOf(person);
  return env.r.name(person.fullName, env.t('reports.redaction.member', { number: index + 2 }));
}

/** Date of birth or estimated age; under redaction the age group only. */
export function birthOrAge(env: BuildEnv, person: PersonRecord): string {
  const { t, f, r, today } = env;
  const age = person.dateOfBirth ? ageOn(person.dateOfBirth, today) : person.estimatedAge;
  const group = age === null ? undefined : t(`reports.labels.ageGroup.${ageGroupOf(age)}`);
  if (person.dateOfBirth) return r.dateOfBirth(f.date(person.dateOfBirth), group);
  if (person.estimatedAge !== null) {
    return r.active ? (group ?? f.notRecorded) : t('reports.household.estimatedAge', { count: person.estimatedAge });
  }
  return f.notRecorded;
}

/** The household's name in a report: its head, or "Household ABC12345" under redaction. */
export function householdName(env: BuildEnv, headName: string, ref: string): string {
  return env.r.name(headName, env.t('reports.household.alias', { ref }));
}

export function asciiSlug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'report'
  );
}
