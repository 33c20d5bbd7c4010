import type { PersonRecord } from '../../households/personSchema';
import type { Block } from '../documentModel';
import { shortRef } from '../reportLabels';
import type { HouseholdCaseInput } from '../reportTypes';
import {
  birthOrAge,
  documentShell,
  followUpsTable,
  householdName,
  memberName,
  needLabel,
  referralsTable,
  textSection,
  type BuildEnv,
} from './common';

const relationshipOrder = ['head', 'spouse', 'child', 'parent', 'sibling', 'grandchild', 'grandparent', 'otherRelative', 'nonRelative'];

/** A household's case: who they are, where from, their consent, and what was done for them. */
export function buildHouseholdCase(env: BuildEnv, input: HouseholdCaseInput) {
  const { t, f, r } = env;
  const { household: h } = input;
  const language = env.ctx.options.language;
  const ref = shortRef(h.id);
  const name = householdName(env, h.headName, ref);
  const members = [...input.members].sort(
    (a, b) => relationshipOrder.indexOf(a.relationship) - relationshipOrder.indexOf(b.relationship),
  );
  const nameOf = (p: PersonRecord) => memberName(env, members, p);
  const personName = (id: string) => {
    const p = members.find((m) => m.id === id);
    return p ? nameOf(p) : t('reports.common.formerMember');
  };
  const document = (status: PersonRecord['birthCertificate']) => t(`reports.labels.documentStatus.${status}`);
  const c = h.consent;

  const blocks: Block[] = [
    {
      type: 'fields',
      columns: 2,
      items: [
        { label: t('reports.fields.householdHead'), value: name },
        { label: t('reports.fields.householdRef'), value: ref },
        { label: t('reports.fields.householdStatus'), value: t(`reports.labels.householdStatus.${h.status}`) },
        { label: t('reports.fields.community'), value: f.community(h.community) },
        { label: t('reports.fields.accommodation'), value: t(`reports.labels.accommodation.${h.accommodation}`) },
        { label: t('reports.fields.shelter'), value: input.shelter?.name ?? t('reports.common.none') },
        { label: t('reports.fields.currentMunicipality'), value: f.municipality(h.currentMunicipality) },
        { label: t('reports.fields.members'), value: f.number(members.length) },
        { label: t('reports.fields.address'), value: f.text(r.contact(h.address)) },
        { label: t('reports.fields.phone'), value: f.text(r.contact(h.phone)) },
      ],
    },
    { type: 'heading', text: t('reports.sections.members') },
    {
      type: 'table',
      columns: [
        { header: t('reports.columns.name'), width: 2.4 },
        { header: t('reports.columns.sex'), width: 1 },
        { header: t('reports.columns.birthOrAge'), width: 1.6 },
        { header: t('reports.columns.relationship'), width: 1.5 },
        { header: t('reports.columns.community'), width: 1.4 },
      ],
      rows: members.map((m) => [
        nameOf(m),
        t(`reports.labels.sex.${m.sex}`),
        birthOrAge(env, m),
        t(`reports.labels.relationship.${m.relationship}`),
        f.community(m.community),
      ]),
      emptyText: t('reports.household.noMembers'),
    },
    { type: 'heading', level: 2, text: t('reports.sections.documentsAndNeeds') },
    {
      type: 'table',
      fontSize: 8,
      columns: [
        { header: t('reports.columns.name'), width: 2 },
        { header: t('reports.columns.birthCertificate'), width: 1.3 },
        { header: t('reports.columns.idCard'), width: 1.1 },
        { header: t('reports.columns.civilRegistration'), width: 1.5 },
        { header: t('reports.columns.statelessnessRisk'), width: 1.5 },
        { header: t('reports.columns.specificNeeds'), width: 2.6 },
      ],
      rows: members.map((m) => [
        nameOf(m),
        document(m.birthCertificate),
        document(m.idCard),
        t(`reports.labels.civilRegistration.${m.civilRegistration}`),
        f.yesNo(m.statelessnessRisk),
        f.list(m.specificNeeds.map((n) => t(`reports.labels.specificNeed.${n}`))),
      ]),
      highlight: members.flatMap((m, i) => (m.statelessnessRisk ? [i] : [])),
      emptyText: t('reports.household.noMembers'),
    },
    { type: 'heading', text: t('reports.sections.displacement') },
    {
      type: 'fields',
      columns: 2,
      items: [
        { label: t('reports.fields.placeOfDisplacement'), value: f.placeOfDisplacement(h.placeOfDisplacement) },
        { label: t('reports.fields.displacementLocation'), value: f.text(h.displacementLocation) },
        { label: t('reports.fields.displacementDate'), value: f.date(h.displacementDate) },
        { label: t('reports.fields.returnDate'), value: f.date(h.returnDate) },
        {
          label: t('reports.fields.placeOfReturn'),
          value: h.returnMunicipality
            ? [f.municipality(h.returnMunicipality), h.returnSettlement].filter(Boolean).join(', ')
            : f.notRecorded,
        },
        {
          label: t('reports.fields.shelter'),
          value: input.shelter
            ? `${input.shelter.name} (${f.municipality(input.shelter.municipality)})`
            : t('reports.common.none'),
        },
      ],
    },
    { type: 'heading', text: t('reports.sections.consent') },
    ...(c.status === 'withdrawn'
      ? [{ type: 'notice', tone: 'warning', text: t('reports.household.consentWithdrawn', { date: f.date(c.withdrawnOn) }) } as Block]
      : []),
    {
      type: 'fields',
      columns: 2,
      items: [
        { label: t('reports.fields.consentStatus'), value: t(`reports.labels.consentStatus.${c.status}`) },
        { label: t('reports.fields.consentDate'), value: f.date(c.date) },
        { label: t('reports.fields.recordedBy'), value: r.name(c.recordedBy) },
        {
          label: t('reports.fields.consentScopes'),
          value: f.list(c.scopes.map((s) => t(`reports.labels.consentScope.${s}`))),
        },
        ...(c.notObtainedReason
          ? [{ label: t('reports.fields.notObtainedReason'), value: t(`reports.labels.notObtainedReason.${c.notObtainedReason}`) }]
          : []),
        ...(c.withdrawnOn ? [{ label: t('reports.fields.withdrawnOn'), value: f.date(c.withdrawnOn) }] : []),
        ...(c.notes ? [{ label: t('reports.fields.consentNotes'), value: r.note(c.notes) }] : []),
      ],
    },
    { type: 'heading', text: t('reports.sections.visits') },
    {
      type: 'table',
      columns: [
        { header: t('reports.columns.visitDate'), width: 1.3 },
        { header: t('reports.columns.questionnaire'), width: 2.4 },
        { header: t('reports.columns.monitors'), width: 1.8 },
        { header: t('reports.columns.needs'), width: 3 },
      ],
      rows: input.visits.map((v) => {
        const title = input.questionnaireTitles[`${v.questionnaireId}@${v.questionnaireVersion}`];
        return [
          f.date(v.visitDate),
          title ? `${title[language]} (v${v.questionnaireVersion})` : `${v.questionnaireId} (v${v.questionnaireVersion})`,
          r.name(v.monitors),
          f.list(v.needsIdentified.map((n) => needLabel(t, n))),
        ];
      }),
      emptyText: t('reports.household.noVisits'),
    },
    { type: 'heading', text: t('reports.sections.referrals') },
    referralsTable(env, input.referrals, input.organisationNames, personName),
    { type: 'heading', text: t('reports.sections.followUpTasks') },
    followUpsTable(env, input.followUps),
    ...textSection(env, t('reports.sections.notes'), h.notes),
  ];

  return documentShell(env, 'householdCase', {
    title: t('reports.household.title'),
    subtitle: `${name} · ${t('reports.household.refLabel', { ref })}`,
    fileBaseName: `household-case-${ref.toLowerCase()}`,
    blocks,
  });
}
