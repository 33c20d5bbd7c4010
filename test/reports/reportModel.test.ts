// The document model, before any PDF: what the builders put in a report.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportDocument } from '../../shared/reports/buildReport';
import { computePeriodStats } from '../../shared/reports/builders/periodSummary';
import type { Block, ReportDocument } from '../../shared/reports/documentModel';
import { createFormat, type Translate } from '../../shared/reports/reportLabels';
import type { PeriodSummaryInput, ReportInput } from '../../shared/reports/reportTypes';
import { syntheticPeriodInput } from '../../shared/reports/syntheticPeriod';
import { createReportTranslator } from '../../renderer/src/features/reports/reportI18n';
import * as fx from './fixtures';

let t: Translate;
beforeAll(async () => {
  t = await createReportTranslator('en');
});

const build = (input: ReportInput, redacted = false) =>
  buildReportDocument(input, t, {
    options: { language: 'en', redacted },
    branding: { organisationName: 'UNHCR', logo: null },
    generatedAt: fx.GENERATED_AT,
  });

/** Every string a block shows. */
function strings(doc: ReportDocument): string[] {
  const of = (b: Block): string[] => {
    switch (b.type) {
      case 'heading':
      case 'paragraph':
      case 'notice':
        return [b.text];
      case 'fields':
      case 'stats':
        return b.items.flatMap((i) => [i.label, i.value]);
      case 'table':
        return [...b.columns.map((c) => c.header), ...b.rows.flat(), ...(b.foot ?? []), b.emptyText];
      case 'barChart':
        return [b.title, ...b.bars.flatMap((x) => [x.label, x.display]), b.note ?? ''];
      case 'photos':
        return b.items.map((i) => i.caption);
      case 'addresses':
        return [...b.to.lines, ...b.from.lines];
      case 'signature':
        return b.lines;
      case 'pageBreak':
        return [];
    }
  };
  return [doc.title, doc.subtitle, doc.fileBaseName, ...doc.blocks.flatMap(of)];
}

describe('period summary', () => {
  it('never shows a count from 1 to 4, in tables, figures or charts', () => {
    for (const input of [fx.periodSummaryInput(), syntheticPeriodInput({ rows: 300, seed: 7 })]) {
      const shown = strings(build(input)).filter((s) => /^\d+$/.test(s.replace(/[,.\s]/g, '')));
      expect(shown.filter((s) => ['1', '2', '3', '4'].includes(s))).toEqual([]);
      expect(strings(build(input))).toContain('<5');
    }
  });

  it('counts households once, visits and referrals within the period', () => {
    const stats = computePeriodStats(fx.periodSummaryInput(), '2025-06-16');
    expect(stats.householdsReached).toBe(40);
    expect(stats.shelterVisits.length).toBe(15);
    expect(stats.referrals.total).toBe(30);
    expect(stats.overdue.total).toBe(9);
  });

  it('keeps only the chosen municipalities', () => {
    const input: PeriodSummaryInput = { ...fx.periodSummaryInput() };
    input.period = { ...input.period, municipalities: ['prizren'] };
    const stats = computePeriodStats(input, '2025-06-16');
    expect(stats.householdsReached).toBe(11);
    expect([...stats.visitsByMunicipality.keys()]).toEqual(['prizren']);
    expect(stats.overdue.total).toBe(1);
    expect(build(input).subtitle).toContain('Prizren');
  });

  it('leaves household visits out of the annex when there are fewer than 5, and pools small municipalities', () => {
    const input = fx.periodSummaryInput();
    const few = { ...input, householdVisits: input.householdVisits.slice(0, 3) };
    expect(strings(build(few))).toContain(t('reports.period.logHouseholdsLeftOut'));
    const annex = build(input).blocks.at(-1) as Extract<Block, { type: 'table' }>;
    const places = new Set(annex.rows.filter((r) => r[1] === 'Household').map((r) => r[2]));
    // Istog has 3 household visits: pooled (with the next smallest, so the pool hides its size).
    expect(places.has('Istog / Istok')).toBe(false);
    expect(places.has('Other municipalities')).toBe(true);
  });
});

describe('redaction in the model', () => {
  const personal = [fx.shelterVisitInput, fx.householdVisitInput, fx.shelterProfileInput, fx.householdCaseInput, fx.referralLetterInput];

  it('leaves no name, phone, address, date of birth or note in any block', () => {
    const secrets = [...fx.PERSONAL.names, ...fx.PERSONAL.phones, ...fx.PERSONAL.addresses, ...fx.PERSONAL.notes];
    for (const input of personal) {
      const text = strings(build(input, true)).join('\n');
      expect(secrets.filter((s) => text.includes(s)), input.kind).toEqual([]);
      expect(text).not.toMatch(/19(41|68|71)|2009-02/);
    }
  });

  it('keeps the facts a donor or an authority needs', () => {
    const text = strings(build(fx.householdCaseInput, true)).join('\n');
    for (const kept of ['Head of household', 'Member 2', 'Adult (18–59)', 'Child (under 18)', 'Civil documentation', 'Serb']) {
      expect(text).toContain(kept);
    }
  });

  it('does not apply to the period summary, which names nobody', () => {
    expect(build(fx.periodSummaryInput(), true).fileBaseName).not.toContain('redacted');
  });

  it('drops photos, saying how many were left out', () => {
    const doc = build(fx.shelterVisitInput, true);
    expect(doc.blocks.some((b) => b.type === 'photos')).toBe(false);
    expect(strings(doc)).toContain('2 photos are left out of this redacted copy.');
  });
});

describe('formats in the report language, the same in every browser', () => {
  it.each([
    ['en', '12 Mar 2025', '12 Mar 2025, 14:05', '12,345'],
    ['sq', '12 mar 2025', '12 mar 2025, ora 14:05', '12\u00a0345'],
    ['sr-Latn', '12. mar 2025.', '12. mar 2025. u 14:05', '12.345'],
    ['sr-Cyrl', '12. мар 2025.', '12. мар 2025. у 14:05', '12.345'],
  ] as const)('%s', async (language, date, dateTime, number) => {
    const f = createFormat(await createReportTranslator(language), language);
    expect(f.date('2025-03-12')).toBe(date);
    expect(f.dateTime(new Date(2025, 2, 12, 14, 5).toISOString())).toBe(dateTime);
    expect(f.number(12345)).toBe(number);
    expect(f.number(1234)).toBe(language === 'en' ? '1,234' : '1234');
    expect(f.date('')).toBe(f.notRecorded);
  });
});
