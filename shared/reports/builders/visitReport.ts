import { visibleQuestions } from '../../questionnaires/questionnaireEngine';
import type { AnswerValue, Question, Questionnaire } from '../../questionnaires/questionnaireSchema';
import { shelterConditions, totalResidentsMet, type ResidentsMet } from '../../visits/shelterVisitSchema';
import type { Block } from '../documentModel';
import { shortRef } from '../reportLabels';
import type {
  HouseholdVisitReportInput,
  ShelterVisitReportInput,
  VisitReportInput,
} from '../reportTypes';
import {
  documentShell,
  followUpsTable,
  householdName,
  needsBlocks,
  photosBlocks,
  referralsTable,
  textSection,
  type BuildEnv,
} from './common';

/** One visit: its facts, what was found, what was done about it, and its photos. */
export function buildVisitReport(env: BuildEnv, input: VisitReportInput) {
  return input.visitType === 'shelter' ? shelterVisit(env, input) : householdVisit(env, input);
}

function closingBlocks(env: BuildEnv, input: VisitReportInput): Block[] {
  const { t, r } = env;
  const personName = (id: string) => r.name(input.persons[id]?.fullName ?? '', t('reports.redaction.name'));
  return [
    ...textSection(env, t('reports.sections.observations'), input.visit.observations),
    ...needsBlocks(env, input.visit.needsIdentified),
    ...textSection(env, t('reports.sections.followUpActions'), input.visit.followUpActions),
    { type: 'heading', text: t('reports.sections.followUpTasks') },
    followUpsTable(env, input.followUps),
    { type: 'heading', text: t('reports.sections.referrals') },
    referralsTable(env, input.referrals, input.organisationNames, personName),
    ...photosBlocks(env, input.photos),
  ];
}

function residentsTable(env: BuildEnv, met: ResidentsMet): Block {
  const { t, f } = env;
  const groups = [
    ['children', met.childrenFemale, met.childrenMale],
    ['adults', met.adultsFemale, met.adultsMale],
    ['older', met.olderFemale, met.olderMale],
  ] as const;
  return {
    type: 'table',
    columns: [
      { header: t('reports.columns.ageGroup'), width: 2 },
      { header: t('reports.columns.female'), align: 'right' },
      { header: t('reports.columns.male'), align: 'right' },
      { header: t('reports.columns.total'), align: 'right' },
    ],
    rows: groups.map(([group, female, male]) => [
      t(`reports.labels.residentGroup.${group}`),
      f.number(female),
      f.number(male),
      f.number(female + male),
    ]),
    foot: [
      t('reports.columns.total'),
      f.number(met.childrenFemale + met.adultsFemale + met.olderFemale),
      f.number(met.childrenMale + met.adultsMale + met.olderMale),
      f.number(totalResidentsMet(met)),
    ],
    emptyText: '',
  };
}

function shelterVisit(env: BuildEnv, input: ShelterVisitReportInput) {
  const { t, f, r } = env;
  const { visit, shelter } = input;
  const shelterName = shelter?.name ?? t('reports.common.unknownShelter');
  const conditions = shelterConditions.map((c) => ({ condition: c, ...visit.conditions[c] }));
  const blocks: Block[] = [
    {
      type: 'fields',
      columns: 2,
      items: [
        { label: t('reports.fields.shelter'), value: shelterName },
        { label: t('reports.fields.municipality'), value: f.municipality(shelter?.municipality ?? '') },
        { label: t('reports.fields.visitDate'), value: f.date(visit.visitDate) },
        { label: t('reports.fields.monitors'), value: r.name(visit.monitors) },
        { label: t('reports.fields.residentsMet'), value: f.number(totalResidentsMet(visit.residentsMet)) },
        { label: t('reports.fields.reference'), value: shortRef(visit.id) },
      ],
    },
    { type: 'heading', text: t('reports.sections.residentsMet') },
    residentsTable(env, visit.residentsMet),
    { type: 'heading', text: t('reports.sections.conditions') },
    {
      type: 'table',
      columns: [
        { header: t('reports.columns.condition'), width: 2.2 },
        { header: t('reports.columns.rating'), width: 1.6 },
        { header: t('reports.columns.note'), width: 4 },
      ],
      rows: conditions.map((c) => [
        t(`reports.labels.condition.${c.condition}`),
        t(`reports.labels.rating.${c.rating ?? 'notAssessed'}`),
        r.note(c.note ?? ''),
      ]),
      highlight: conditions.flatMap((c, i) => (c.rating === 'critical' ? [i] : [])),
      emptyText: '',
    },
    ...closingBlocks(env, input),
  ];
  return documentShell(env, 'visit', {
    title: t('reports.visit.shelterTitle'),
    subtitle: `${shelterName} · ${f.date(visit.visitDate)}`,
    fileBaseName: `shelter-visit-${visit.visitDate}-${shortRef(visit.id).toLowerCase()}`,
    blocks,
  });
}

function answerText(env: BuildEnv, question: Question, value: AnswerValue | undefined): string {
  const { t, f, r } = env;
  const language = env.ctx.options.language;
  const choice = (v: string) => question.choices?.find((c) => c.value === v)?.label[language] ?? v;
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length))
    return t('reports.visit.notAnswered');
  switch (question.type) {
    case 'yesNo':
      return typeof value === 'boolean' ? f.yesNo(value) : String(value);
    case 'singleChoice':
      return typeof value === 'string' ? choice(value) : String(value);
    case 'multipleChoice':
      return Array.isArray(value) ? value.map(choice).join(', ') : String(value);
    case 'number':
      return typeof value === 'number' ? f.number(value) : String(value);
    case 'date':
      return typeof value === 'string' ? f.date(value) : String(value);
    case 'text':
      return r.note(String(value));
  }
}

function answerBlocks(env: BuildEnv, questionnaire: Questionnaire | null, answers: Record<string, AnswerValue>): Block[] {
  const { t, r } = env;
  const language = env.ctx.options.language;
  const columns = [
    { header: t('reports.columns.question'), width: 3 },
    { header: t('reports.columns.answer'), width: 2.2 },
  ];
  if (!questionnaire) {
    // The definition is not on this device: the stored answers still print, by question id.
    return [
      { type: 'notice', tone: 'warning', text: t('reports.visit.questionnaireMissing') },
      {
        type: 'table',
        columns,
        rows: Object.entries(answers).map(([id, v]) => [id, typeof v === 'string' ? r.note(v) : JSON.stringify(v)]),
        emptyText: t('reports.visit.noAnswers'),
      },
    ];
  }
  const visible = new Set(visibleQuestions(questionnaire, answers).map((q) => q.id));
  return questionnaire.sections.flatMap((section): Block[] => {
    const questions = section.questions.filter((q) => visible.has(q.id));
    if (!questions.length) return [];
    return [
      { type: 'heading', level: 2, text: section.title[language] },
      {
        type: 'table',
        columns,
        rows: questions.map((q) => [q.label[language], answerText(env, q, answers[q.id])]),
        emptyText: '',
      },
    ];
  });
}

function householdVisit(env: BuildEnv, input: HouseholdVisitReportInput) {
  const { t, f, r } = env;
  const { visit, household, questionnaire } = input;
  const ref = shortRef(visit.householdId);
  const name = household ? householdName(env, household.headName, ref) : t('reports.common.unknownHousehold');
  const municipality = household?.currentMunicipality || household?.returnMunicipality || '';
  const questionnaireTitle = questionnaire
    ? t('reports.visit.questionnaireVersion', {
        title: questionnaire.title[env.ctx.options.language],
        version: visit.questionnaireVersion,
      })
    : `${visit.questionnaireId} v${visit.questionnaireVersion}`;
  const blocks: Block[] = [
    {
      type: 'fields',
      columns: 2,
      items: [
        { label: t('reports.fields.household'), value: name },
        { label: t('reports.fields.householdRef'), value: ref },
        { label: t('reports.fields.community'), value: f.community(household?.community ?? '') },
        { label: t('reports.fields.municipality'), value: f.municipality(municipality) },
        { label: t('reports.fields.visitDate'), value: f.date(visit.visitDate) },
        { label: t('reports.fields.monitors'), value: r.name(visit.monitors) },
        { label: t('reports.fields.questionnaire'), value: questionnaireTitle },
        { label: t('reports.fields.reference'), value: shortRef(visit.id) },
      ],
    },
    { type: 'heading', text: t('reports.sections.answers') },
    ...answerBlocks(env, questionnaire, visit.answers),
    ...closingBlocks(env, input),
  ];
  return documentShell(env, 'visit', {
    title: t('reports.visit.householdTitle'),
    subtitle: `${name} · ${f.date(visit.visitDate)}`,
    fileBaseName: `household-visit-${visit.visitDate}-${shortRef(visit.id).toLowerCase()}`,
    blocks,
  });
}
