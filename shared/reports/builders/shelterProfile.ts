import { shelterConditions, totalResidentsMet } from '../../visits/shelterVisitSchema';
import type { Block } from '../documentModel';
import { shortRef } from '../reportLabels';
import type { ShelterProfileInput } from '../reportTypes';
import { documentShell, followUpsTable, needLabel, textSection, type BuildEnv } from './common';

const LATEST_VISITS = 10;
const VISITS_IN_CHART = 12;

/** A shelter, its residents over time, its latest visits and what is still open. */
export function buildShelterProfile(env: BuildEnv, input: ShelterProfileInput) {
  const { t, f, r } = env;
  const { shelter, visits } = input;
  const latest = visits[0];
  const occupancy = shelter.capacity > 0 ? Math.round((shelter.residents / shelter.capacity) * 100) : null;

  const overTime = visits.slice(0, VISITS_IN_CHART).reverse();
  const issues = latest
    ? shelterConditions
        .map((c) => ({ condition: c, ...latest.conditions[c] }))
        .filter((c) => c.rating === 'critical' || c.rating === 'needsAttention')
    : [];
  const openFollowUps = input.followUps.filter((x) => !x.done);

  const blocks: Block[] = [
    {
      type: 'stats',
      items: [
        { label: t('reports.shelter.residentsNow'), value: f.number(shelter.residents) },
        { label: t('reports.shelter.capacity'), value: f.number(shelter.capacity) },
        {
          label: t('reports.shelter.occupancy'),
          value: occupancy === null ? f.notRecorded : t('reports.shelter.percent', { value: occupancy }),
        },
        { label: t('reports.shelter.visitsRecorded'), value: f.number(visits.length) },
      ],
    },
    {
      type: 'fields',
      columns: 2,
      items: [
        { label: t('reports.fields.municipality'), value: f.municipality(shelter.municipality) },
        { label: t('reports.fields.settlement'), value: f.text(shelter.settlement) },
        { label: t('reports.fields.address'), value: f.text(shelter.address) },
        { label: t('reports.fields.managingAuthority'), value: t(`reports.labels.managingAuthority.${shelter.managingAuthority}`) },
        { label: t('reports.fields.status'), value: t(`reports.labels.shelterStatus.${shelter.status}`) },
        {
          label: t('reports.fields.registeredHouseholds'),
          value: t('reports.shelter.registered', {
            households: f.number(input.registered.households),
            persons: f.number(input.registered.persons),
          }),
        },
        { label: t('reports.fields.contactPerson'), value: f.text(r.name(shelter.contactPerson)) },
        { label: t('reports.fields.contactPhone'), value: f.text(r.contact(shelter.contactPhone)) },
        { label: t('reports.fields.lastVisit'), value: latest ? f.date(latest.visitDate) : t('reports.shelter.neverVisited') },
        { label: t('reports.fields.reference'), value: shortRef(shelter.id) },
      ],
    },
    { type: 'heading', text: t('reports.sections.residentsOverTime') },
    {
      type: 'barChart',
      title: t('reports.shelter.chartTitle'),
      bars: overTime.map((v) => {
        const total = totalResidentsMet(v.residentsMet);
        return { label: f.date(v.visitDate), value: total, display: f.number(total), suppressed: false };
      }),
      emptyText: t('reports.shelter.noVisits'),
      note: t('reports.shelter.chartNote', { residents: f.number(shelter.residents) }),
    },
    {
      type: 'table',
      columns: [
        { header: t('reports.columns.visitDate'), width: 1.6 },
        { header: t('reports.labels.residentGroup.children'), align: 'right' },
        { header: t('reports.labels.residentGroup.adults'), align: 'right' },
        { header: t('reports.labels.residentGroup.older'), align: 'right' },
        { header: t('reports.columns.totalMet'), align: 'right' },
      ],
      rows: [...overTime].reverse().map((v) => {
        const m = v.residentsMet;
        return [
          f.date(v.visitDate),
          f.number(m.childrenFemale + m.childrenMale),
          f.number(m.adultsFemale + m.adultsMale),
          f.number(m.olderFemale + m.olderMale),
          f.number(totalResidentsMet(m)),
        ];
      }),
      emptyText: t('reports.shelter.noVisits'),
    },
    { type: 'heading', text: t('reports.sections.latestVisits') },
    {
      type: 'table',
      columns: [
        { header: t('reports.columns.visitDate'), width: 1.4 },
        { header: t('reports.columns.monitors'), width: 1.9 },
        { header: t('reports.columns.totalMet'), width: 1.3, align: 'right' },
        { header: t('reports.columns.conditionsOfConcern'), width: 2.4 },
        { header: t('reports.columns.needs'), width: 3 },
      ],
      rows: visits.slice(0, LATEST_VISITS).map((v) => {
        const concerns = shelterConditions.filter((c) => v.conditions[c]?.rating === 'critical');
        return [
          f.date(v.visitDate),
          r.name(v.monitors),
          f.number(totalResidentsMet(v.residentsMet)),
          concerns.length
            ? concerns.map((c) => t(`reports.labels.condition.${c}`)).join(', ')
            : t('reports.common.none'),
          f.list(v.needsIdentified.map((n) => needLabel(t, n))),
        ];
      }),
      emptyText: t('reports.shelter.noVisits'),
    },
    { type: 'heading', text: t('reports.sections.openIssues') },
    {
      type: 'table',
      columns: [
        { header: t('reports.columns.condition'), width: 2.2 },
        { header: t('reports.columns.rating'), width: 1.6 },
        { header: t('reports.columns.note'), width: 4 },
      ],
      rows: issues.map((c) => [
        t(`reports.labels.condition.${c.condition}`),
        t(`reports.labels.rating.${c.rating}`),
        r.note(c.note ?? ''),
      ]),
      highlight: issues.flatMap((c, i) => (c.rating === 'critical' ? [i] : [])),
      emptyText: latest ? t('reports.shelter.noIssues') : t('reports.shelter.noVisits'),
    },
    { type: 'heading', level: 2, text: t('reports.sections.openFollowUps') },
    followUpsTable(env, openFollowUps),
    ...textSection(env, t('reports.sections.notes'), shelter.notes),
  ];

  return documentShell(env, 'shelterProfile', {
    title: t('reports.shelter.title'),
    subtitle: `${shelter.name} · ${f.municipality(shelter.municipality)}`,
    fileBaseName: `shelter-profile-${shortRef(shelter.id).toLowerCase()}`,
    blocks,
  });
}
