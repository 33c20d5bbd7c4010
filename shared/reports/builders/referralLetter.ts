import { consentAllows } from '../../households/consentSchema';
import type { HouseholdRecord } from '../../households/householdSchema';
import { needCategories } from '../../visits/shelterVisitSchema';
import type { Block } from '../documentModel';
import { ageGroupOf, ageOn, shortRef } from '../reportLabels';
import type { ReferralLetterInput } from '../reportTypes';
import { birthOrAge, documentShell, householdName, memberName, needLabel, type BuildEnv, type NeedCategory } from './common';

export const refusalReasons = ['consentWithdrawn', 'noReferralConsent'] as const;
export type RefusalReason = (typeof refusalReasons)[number];

/** A report that must not be made: the UI shows the reason, and nothing is generated. */
export class ReportRefusedError extends Error {
  constructor(readonly reason: RefusalReason) {
    super(`Report refused: ${reason}`);
    this.name = 'ReportRefusedError';
  }
}

/**
 * A referral letter goes to another organisation, so it needs the household's consent to
 * referral; once consent is withdrawn nothing more is shared.
 */
export function referralLetterRefusal(household: Pick<HouseholdRecord, 'consent'>): RefusalReason | null {
  if (household.consent.status === 'withdrawn') return 'consentWithdrawn';
  if (!consentAllows(household.consent, 'referral')) return 'noReferralConsent';
  return null;
}

const isNeed = (n: string): n is NeedCategory => (needCategories as readonly string[]).includes(n);

/**
 * The letter to the receiving organisation. It holds only what the referral needs: who, how to
 * reach them, the service and the reason. Further details (specific needs, documents, the
 * household's composition, the needs found on the visit) only with consent to sharing.
 */
export function buildReferralLetter(env: BuildEnv, input: ReferralLetterInput) {
  const refusal = referralLetterRefusal(input.household);
  if (refusal) throw new ReportRefusedError(refusal);

  const { t, f, r } = env;
  const { referral, household: h, organisation } = input;
  const members = input.members;
  const person = referral.personId ? members.find((m) => m.id === referral.personId) : undefined;
  const head = members.find((m) => m.relationship === 'head');
  const sharing = consentAllows(h.consent, 'sharingWithPartners');
  const service = t(`reports.labels.service.${referral.service}`);
  const ref = shortRef(referral.id);
  const sender = env.ctx.branding.organisationName.trim() || t('reports.pdf.defaultOrganisation');
  const location = [f.municipality(h.currentMunicipality || h.returnMunicipality), h.returnSettlement]
    .filter(Boolean)
    .join(', ');

  const subject = person ?? head;
  const personBlocks: Block[] = [
    { type: 'heading', text: person ? t('reports.letter.personReferred') : t('reports.letter.householdReferred') },
    {
      type: 'fields',
      columns: 2,
      items: [
        {
          label: t('reports.columns.name'),
          value: subject ? memberName(env, members, subject) : householdName(env, h.headName, shortRef(h.id)),
        },
        ...(subject
          ? [
              { label: t('reports.columns.sex'), value: t(`reports.labels.sex.${subject.sex}`) },
              { label: t('reports.columns.birthOrAge'), value: birthOrAge(env, subject) },
            ]
          : []),
        ...(person ? [] : [{ label: t('reports.fields.members'), value: f.number(members.length) }]),
        { label: t('reports.fields.community'), value: f.community(subject?.community ?? h.community) },
        { label: t('reports.fields.location'), value: location || f.notRecorded },
        { label: t('reports.fields.phone'), value: f.text(r.contact(h.phone)) },
        { label: t('reports.fields.householdRef'), value: shortRef(h.id) },
      ],
    },
    { type: 'heading', text: t('reports.letter.reason') },
    referral.reason
      ? { type: 'paragraph', text: r.note(referral.reason) }
      : { type: 'paragraph', text: t('reports.common.noneRecorded'), tone: 'muted' },
  ];

  const extraBlocks: Block[] = [{ type: 'heading', text: t('reports.letter.additional') }];
  if (!sharing) {
    extraBlocks.push({ type: 'notice', tone: 'info', text: t('reports.letter.noSharingConsent') });
  } else {
    const composition = { child: 0, adult: 0, older: 0, unknown: 0 };
    for (const m of members) {
      const age = m.dateOfBirth ? ageOn(m.dateOfBirth, env.today) : m.estimatedAge;
      composition[age === null ? 'unknown' : ageGroupOf(age)] += 1;
    }
    const needs = (input.visit?.needsIdentified ?? []).filter(isNeed);
    extraBlocks.push({
      type: 'fields',
      columns: 1,
      items: [
        ...(subject
          ? [
              {
                label: t('reports.columns.specificNeeds'),
                value: f.list(subject.specificNeeds.map((n) => t(`reports.labels.specificNeed.${n}`))),
              },
              {
                label: t('reports.letter.documents'),
                value: t('reports.letter.documentsValue', {
                  birthCertificate: t(`reports.labels.documentStatus.${subject.birthCertificate}`),
                  idCard: t(`reports.labels.documentStatus.${subject.idCard}`),
                  civilRegistration: t(`reports.labels.civilRegistration.${subject.civilRegistration}`),
                }),
              },
            ]
          : []),
        {
          label: t('reports.letter.composition'),
          value: t('reports.letter.compositionValue', {
            total: f.number(members.length),
            children: f.number(composition.child),
            adults: f.number(composition.adult),
            older: f.number(composition.older),
          }),
        },
        { label: t('reports.fields.householdStatus'), value: t(`reports.labels.householdStatus.${h.status}`) },
        ...(input.visit
          ? [
              {
                label: t('reports.letter.needsAtVisit', { date: f.date(input.visit.visitDate) }),
                value: f.list(needs.map((n) => needLabel(t, n))),
              },
            ]
          : []),
      ],
    });
  }

  const blocks: Block[] = [
    {
      type: 'addresses',
      to: {
        label: t('reports.letter.to'),
        lines: [organisation?.name ?? t('reports.common.unknownOrganisation'), organisation?.contact ?? ''].filter(Boolean),
      },
      from: {
        label: t('reports.letter.from'),
        lines: [sender, r.name(input.monitorName), f.date(env.today)].filter(Boolean),
      },
    },
    { type: 'heading', text: t('reports.letter.subject', { service }) },
    {
      type: 'fields',
      columns: 2,
      items: [
        { label: t('reports.fields.reference'), value: ref },
        { label: t('reports.fields.referredOn'), value: f.date(referral.referredOn) },
        { label: t('reports.fields.urgency'), value: t(`reports.labels.urgency.${referral.urgency}`) },
        { label: t('reports.fields.respondBy'), value: f.date(referral.dueDate) },
      ],
    },
    {
      type: 'paragraph',
      text: t('reports.letter.intro', { service, date: f.date(h.consent.date) }),
    },
    ...personBlocks,
    ...extraBlocks,
    { type: 'paragraph', text: t('reports.letter.closing') },
    {
      type: 'signature',
      lines: [r.name(input.monitorName) || t('reports.letter.monitor'), sender],
    },
  ];

  return documentShell(env, 'referralLetter', {
    title: t('reports.letter.title'),
    subtitle: `${service} · ${t('reports.letter.refLabel', { ref })}`,
    fileBaseName: `referral-${ref.toLowerCase()}`,
    blocks,
  });
}
