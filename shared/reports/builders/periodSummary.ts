import { communities } from '../../reference/communities';
import { referralServices, referralStatuses } from '../../referrals/referralSchema';
import { needCategories } from '../../visits/shelterVisitSchema';
import type { Block, ChartBar } from '../documentModel';
import { parseIsoDate } from '../reportLabels';
import type { PeriodSummaryInput } from '../reportTypes';
import {
  protectList,
  protectTable,
  SMALL_CELL_THRESHOLD,
  SUPPRESSED_SMALL,
  suppressCount,
  type ProtectedTable,
} from '../smallCells';
import { documentShell, needLabel, type BuildEnv, type NeedCategory } from './common';

const followUpSubjects = ['referral', 'household', 'shelter'] as const;
const overdueBands = ['week', 'month', 'longer'] as const;

/** The counts behind a period summary, exact; suppression happens when they are shown. */
export function computePeriodStats(input: PeriodSummaryInput, today: string) {
  const { period } = input;
  const inPeriod = (date: string) => date >= period.from && date <= period.to;
  const allowed = period.municipalities.length ? new Set(period.municipalities) : null;
  const inArea = (code: string) => !allowed || allowed.has(code);

  const shelters = new Map(input.shelters.map((s) => [s.id, s]));
  const households = new Map(input.households.map((h) => [h.id, h]));

  const shelterVisits = input.shelterVisits.filter(
    (v) => inPeriod(v.visitDate) && inArea(shelters.get(v.shelterId)?.municipality ?? ''),
  );
  const householdVisits = input.householdVisits.filter(
    (v) => inPeriod(v.visitDate) && inArea(households.get(v.householdId)?.municipality ?? ''),
  );

  // Visits by municipality, shelter and household visits side by side.
  const visitsByMunicipality = new Map<string, [number, number]>();
  const bump = (code: string, column: 0 | 1) => {
    const row = visitsByMunicipality.get(code) ?? [0, 0];
    row[column] += 1;
    visitsByMunicipality.set(code, row);
  };
  for (const v of shelterVisits) bump(shelters.get(v.shelterId)?.municipality ?? '', 0);
  for (const v of householdVisits) bump(households.get(v.householdId)?.municipality ?? '', 1);

  // Households reached: at least one visit in the period.
  const reached = new Set(householdVisits.map((v) => v.householdId));
  const reachedRows = [...reached].flatMap((id) => households.get(id) ?? []);
  const reachedCommunities = communities.map((c) => c.code).filter((code) => reachedRows.some((h) => h.community === code));
  const reachedMunicipalities = [...new Set(reachedRows.map((h) => h.municipality))];
  const householdMatrix = reachedMunicipalities.map((m) =>
    reachedCommunities.map((c) => reachedRows.filter((h) => h.municipality === m && h.community === c).length),
  );

  const needCounts = new Map<NeedCategory, number>();
  for (const v of [...shelterVisits, ...householdVisits]) {
    for (const n of new Set(v.needsIdentified)) {
      if ((needCategories as readonly string[]).includes(n)) needCounts.set(n as NeedCategory, (needCounts.get(n as NeedCategory) ?? 0) + 1);
    }
  }

  const referrals = input.referrals.filter(
    (r) => inPeriod(r.referredOn) && inArea(households.get(r.householdId)?.municipality ?? ''),
  );
  const referralMatrix = referralServices.map((s) =>
    referralStatuses.map((st) => referrals.filter((r) => r.service === s && r.status === st).length),
  );

  const todayDate = parseIsoDate(today)!;
  const daysOverdue = (due: string) => Math.round((todayDate.getTime() - parseIsoDate(due)!.getTime()) / 86_400_000);
  const overdue = input.overdueFollowUps.filter((x) => x.dueDate < today && inArea(x.municipality));
  const band = (days: number) => (days <= 7 ? 0 : days <= 30 ? 1 : 2);
  const overdueMatrix = followUpSubjects.map((s) =>
    overdueBands.map((_, b) => overdue.filter((x) => x.subjectType === s && band(daysOverdue(x.dueDate)) === b).length),
  );

  return {
    shelterVisits,
    householdVisits,
    sheltersVisited: new Set(shelterVisits.map((v) => v.shelterId)).size,
    residentsMet: shelterVisits.reduce((sum, v) => sum + v.residentsMet, 0),
    householdsReached: reached.size,
    personsReached: reachedRows.reduce((sum, h) => sum + h.memberCount, 0),
    visitsByMunicipality,
    households: { municipalities: reachedMunicipalities, communities: reachedCommunities, matrix: householdMatrix },
    needs: [...needCounts.entries()].sort((a, b) => b[1] - a[1]),
    referrals: { total: referrals.length, matrix: referralMatrix },
    overdue: { total: overdue.length, matrix: overdueMatrix },
    sheltersById: shelters,
    householdsById: households,
  };
}

/** Bars for totals already protected in a table, so chart and table say the same. */
function barsFrom(labels: string[], values: number[], displays: string[], hidden: boolean[]): ChartBar[] {
  return labels.map((label, i) => ({
    label,
    value: hidden[i] ? (displays[i] === SUPPRESSED_SMALL ? SMALL_CELL_THRESHOLD / 2 : SMALL_CELL_THRESHOLD) : values[i]!,
    display: displays[i]!,
    suppressed: hidden[i]!,
  }));
}

const isHiddenDisplay = (display: string, value: number, format: (n: number) => string) => display !== format(value);

/** HQ's and donors' view of a period: aggregated, with small counts suppressed. */
export function buildPeriodSummary(env: BuildEnv, input: PeriodSummaryInput) {
  const { t, f } = env;
  const { period } = input;
  const stats = computePeriodStats(input, env.today);
  const n = f.number;
  const collator = new Intl.Collator(env.ctx.options.language);
  const area = period.municipalities.length
    ? period.municipalities.map((m) => f.municipality(m)).sort(collator.compare).join(', ')
    : t('reports.period.allMunicipalities');
  const periodText = t('reports.period.range', { from: f.date(period.from), to: f.date(period.to) });

  // Visits by municipality (shelter / household).
  const visitRows = [...stats.visitsByMunicipality.entries()]
    .map(([code, counts]) => ({ label: f.municipality(code), counts }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const visitsTable = protectTable(
    visitRows.map((r) => [...r.counts]),
    { rows: true, columns: true },
    n,
  );

  // Households reached by municipality × community.
  const hh = stats.households;
  const hhOrder = hh.municipalities
    .map((code, i) => ({ label: f.municipality(code), i }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const householdsTable = protectTable(
    hhOrder.map((o) => hh.matrix[o.i]!),
    { rows: true, columns: true },
    n,
  );
  const communityTotals = hh.communities.map((_, c) => hh.matrix.reduce((s, row) => s + row[c]!, 0));

  const needs = protectList(
    stats.needs.map(([, count]) => count),
    n,
  );

  // Referrals by service × status; only services with referrals.
  const serviceRows = referralServices
    .map((service, i) => ({ service, counts: stats.referrals.matrix[i]! }))
    .filter((r) => r.counts.some((c) => c > 0));
  const referralsTable = protectTable(
    serviceRows.map((r) => r.counts),
    { rows: true, columns: true },
    n,
  );

  const overdueTable = protectTable(stats.overdue.matrix, { rows: true, columns: true }, n);

  const tableRows = (labels: string[], table: ProtectedTable) =>
    labels.map((label, i) => [label, ...table.cells[i]!, ...(table.rowTotals.length ? [table.rowTotals[i]!] : [])]);
  const footRow = (table: ProtectedTable) => [t('reports.columns.total'), ...table.columnTotals, table.grandTotal];

  const blocks: Block[] = [
    {
      type: 'stats',
      items: [
        { label: t('reports.period.shelterVisits'), value: suppressCount(stats.shelterVisits.length, n) },
        { label: t('reports.period.householdVisits'), value: suppressCount(stats.householdVisits.length, n) },
        { label: t('reports.period.householdsReached'), value: suppressCount(stats.householdsReached, n) },
        { label: t('reports.period.personsReached'), value: suppressCount(stats.personsReached, n) },
        { label: t('reports.period.referralsMade'), value: suppressCount(stats.referrals.total, n) },
        { label: t('reports.period.followUpsOverdue'), value: suppressCount(stats.overdue.total, n) },
      ],
    },
    {
      type: 'paragraph',
      tone: 'muted',
      text: t('reports.period.scope', {
        shelters: suppressCount(stats.sheltersVisited, n),
        residents: suppressCount(stats.residentsMet, n),
      }),
    },
    { type: 'heading', text: t('reports.period.visitsHeading') },
    {
      type: 'table',
      columns: [
        { header: t('reports.columns.municipality'), width: 3 },
        { header: t('reports.period.shelterVisits'), align: 'right', width: 1.5 },
        { header: t('reports.period.householdVisits'), align: 'right', width: 1.5 },
        { header: t('reports.columns.total'), align: 'right', width: 1.2 },
      ],
      rows: tableRows(
        visitRows.map((r) => r.label),
        visitsTable,
      ),
      foot: visitRows.length ? footRow(visitsTable) : undefined,
      emptyText: t('reports.period.noVisits'),
    },
    {
      type: 'barChart',
      title: t('reports.period.visitsChart'),
      bars: barsFrom(
        visitRows.map((r) => r.label),
        visitRows.map((r) => r.counts[0] + r.counts[1]),
        visitsTable.rowTotals,
        visitRows.map((r, i) => isHiddenDisplay(visitsTable.rowTotals[i]!, r.counts[0] + r.counts[1], n)),
      ),
      emptyText: t('reports.period.noVisits'),
    },
    { type: 'heading', text: t('reports.period.householdsHeading') },
    {
      type: 'table',
      fontSize: hh.communities.length > 6 ? 7 : 8.5,
      columns: [
        { header: t('reports.columns.municipality'), width: 2.4 },
        ...hh.communities.map((c) => ({ header: f.community(c), align: 'right' as const })),
        { header: t('reports.columns.total'), align: 'right' as const },
      ],
      rows: tableRows(
        hhOrder.map((o) => o.label),
        householdsTable,
      ),
      foot: hhOrder.length ? footRow(householdsTable) : undefined,
      emptyText: t('reports.period.noHouseholds'),
    },
    {
      type: 'barChart',
      title: t('reports.period.communitiesChart'),
      bars: barsFrom(
        hh.communities.map((c) => f.community(c)),
        communityTotals,
        householdsTable.columnTotals,
        communityTotals.map((v, i) => isHiddenDisplay(householdsTable.columnTotals[i]!, v, n)),
      ),
      emptyText: t('reports.period.noHouseholds'),
    },
    { type: 'heading', text: t('reports.period.needsHeading') },
    {
      type: 'barChart',
      title: t('reports.period.needsChart'),
      bars: barsFrom(
        stats.needs.map(([need]) => needLabel(t, need)),
        stats.needs.map(([, c]) => c),
        needs.cells,
        needs.hidden,
      ),
      emptyText: t('reports.period.noNeeds'),
    },
    {
      type: 'table',
      columns: [
        { header: t('reports.columns.need'), width: 4 },
        { header: t('reports.period.visitsReporting'), align: 'right', width: 1.6 },
      ],
      rows: stats.needs.map(([need], i) => [needLabel(t, need), needs.cells[i]!]),
      emptyText: t('reports.period.noNeeds'),
    },
    { type: 'heading', text: t('reports.period.referralsHeading') },
    {
      type: 'table',
      fontSize: 8.5,
      columns: [
        { header: t('reports.columns.service'), width: 2.8 },
        ...referralStatuses.map((s) => ({ header: t(`reports.labels.referralStatus.${s}`), align: 'right' as const })),
        { header: t('reports.columns.total'), align: 'right' as const },
      ],
      rows: tableRows(
        serviceRows.map((r) => t(`reports.labels.service.${r.service}`)),
        referralsTable,
      ),
      foot: serviceRows.length ? footRow(referralsTable) : undefined,
      emptyText: t('reports.period.noReferrals'),
    },
    {
      type: 'barChart',
      title: t('reports.period.referralsChart'),
      bars: barsFrom(
        serviceRows.map((r) => t(`reports.labels.service.${r.service}`)),
        serviceRows.map((r) => r.counts.reduce((a, b) => a + b, 0)),
        referralsTable.rowTotals,
        serviceRows.map((r, i) => isHiddenDisplay(referralsTable.rowTotals[i]!, r.counts.reduce((a, b) => a + b, 0), n)),
      ),
      emptyText: t('reports.period.noReferrals'),
    },
    { type: 'heading', text: t('reports.period.overdueHeading') },
    {
      type: 'paragraph',
      tone: 'muted',
      text: t('reports.period.overdueAsOf', { date: f.date(env.today) }),
    },
    {
      type: 'table',
      columns: [
        { header: t('reports.columns.subject'), width: 2.4 },
        ...overdueBands.map((b) => ({ header: t(`reports.period.overdueBand.${b}`), align: 'right' as const })),
        { header: t('reports.columns.total'), align: 'right' as const },
      ],
      rows: tableRows(
        followUpSubjects.map((s) => t(`reports.labels.followUpSubject.${s}`)),
        overdueTable,
      ),
      foot: footRow(overdueTable),
      emptyText: '',
    },
    { type: 'heading', text: t('reports.period.methodHeading') },
    { type: 'paragraph', tone: 'muted', text: t('reports.period.method') },
  ];

  if (period.includeVisitLog) blocks.push(...visitLog(env, stats));

  return documentShell(env, 'periodSummary', {
    title: t('reports.period.title'),
    subtitle: `${periodText} · ${area}`,
    fileBaseName: `period-summary-${period.from}-${period.to}`,
    blocks,
  });
}

/**
 * The annex: one line per visit. Shelters are places and are named; a household visit shows
 * only its municipality, and municipalities whose count of household visits would be
 * suppressed in a table are pooled as "other municipalities" (by the same rule), so that the
 * annex never gives away a count the tables hide.
 */
function visitLog(env: BuildEnv, stats: ReturnType<typeof computePeriodStats>): Block[] {
  const { t, f } = env;
  const municipalityOf = (householdId: string) => stats.householdsById.get(householdId)?.municipality ?? '';
  const perMunicipality = new Map<string, number>();
  for (const v of stats.householdVisits) {
    const m = municipalityOf(v.householdId);
    perMunicipality.set(m, (perMunicipality.get(m) ?? 0) + 1);
  }
  const codes = [...perMunicipality.keys()];
  const protectedCounts = protectList(codes.map((c) => perMunicipality.get(c)!));
  const pooled = new Set(codes.filter((_, i) => protectedCounts.hidden[i]));
  const showHouseholds = stats.householdVisits.length >= SMALL_CELL_THRESHOLD;
  const needs = (list: string[]) =>
    f.list(list.filter((x): x is NeedCategory => (needCategories as readonly string[]).includes(x)).map((x) => needLabel(t, x)));

  const log = [
    ...stats.shelterVisits.map((v) => ({
      date: v.visitDate,
      type: t('reports.period.logShelter'),
      place: stats.sheltersById.get(v.shelterId)?.name ?? t('reports.common.unknownShelter'),
      needs: v.needsIdentified,
    })),
    ...(showHouseholds
      ? stats.householdVisits.map((v) => {
          const m = municipalityOf(v.householdId);
          return {
            date: v.visitDate,
            type: t('reports.period.logHousehold'),
            place: pooled.has(m) ? t('reports.period.otherMunicipalities') : f.municipality(m),
            needs: v.needsIdentified,
          };
        })
      : []),
  ].sort((a, b) => a.date.localeCompare(b.date));

  return [
    { type: 'pageBreak' },
    { type: 'heading', text: t('reports.period.logHeading') },
    { type: 'paragraph', tone: 'muted', text: t('reports.period.logNote') },
    ...(!showHouseholds && stats.householdVisits.length
      ? [{ type: 'paragraph', tone: 'muted', text: t('reports.period.logHouseholdsLeftOut') } as Block]
      : []),
    {
      type: 'table',
      fontSize: 7.5,
      columns: [
        { header: t('reports.columns.visitDate'), width: 1.2 },
        { header: t('reports.columns.visitType'), width: 1.1 },
        { header: t('reports.columns.place'), width: 2.6 },
        { header: t('reports.columns.needs'), width: 4 },
      ],
      rows: log.map((v) => [f.date(v.date), v.type, v.place, needs(v.needs)]),
      emptyText: t('reports.period.noVisits'),
    },
  ];
}
