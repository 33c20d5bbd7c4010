// Each report is generated from the fixtures by the same pipeline the report worker runs, and
// read back with poppler: the text must round-trip exactly (every Albanian and Serbian letter,
// the page numbering in the report's language, the confidentiality footer), and a redacted
// copy must not hold any name, phone, address, date of birth or note of the fixtures.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReportRefusedError } from '../../shared/reports/buildReport';
import { createFormat } from '../../shared/reports/reportLabels';
import type { ReportInput, ReportLanguage } from '../../shared/reports/reportTypes';
import { generateReport } from '../../renderer/src/features/reports/generateReport';
import { ReportCancelledError, type ReportFonts } from '../../renderer/src/features/reports/pdf/renderReportPdf';
import { createReportTranslator } from '../../renderer/src/features/reports/reportI18n';
import * as fx from './fixtures';
import { flat, keepFirstPagePng, loadFonts, pdfPageCount, pdfText, writePdf } from './pdfTools';

const branding = { organisationName: 'UNHCR Kosovo – Protection Unit', logo: null };

/** Written out by hand (not read from the catalogs) so a broken translation fails here too. */
const pageLabel: Record<ReportLanguage, (page: number, total: number) => string> = {
  en: (p, n) => `Page ${p} of ${n}`,
  sq: (p, n) => `Faqja ${p} nga ${n}`,
  'sr-Latn': (p, n) => `Strana ${p} od ${n}`,
  'sr-Cyrl': (p, n) => `Страна ${p} од ${n}`,
};
const confidential: Record<ReportLanguage, string> = {
  en: 'CONFIDENTIAL – contains personal data.',
  sq: 'KONFIDENCIALE – përmban të dhëna personale.',
  'sr-Latn': 'POVERLJIVO – sadrži lične podatke.',
  'sr-Cyrl': 'ПОВЕРЉИВО – садржи личне податке.',
};
const redactedMarking: Record<ReportLanguage, string> = {
  en: 'REDACTED COPY',
  sq: 'KOPJE ME TË DHËNA TË FSHEHURA',
  'sr-Latn': 'KOPIJA SA SKRIVENIM PODACIMA',
  'sr-Cyrl': 'КОПИЈА СА СКРИВЕНИМ ПОДАЦИМА',
};

interface Case {
  name: string;
  input: ReportInput;
  language: ReportLanguage;
  titleKey: string;
  /** Texts that must come back exactly. */
  expected: string[];
  personal: boolean;
}

const cases: Case[] = [
  {
    name: 'shelter-visit',
    input: fx.shelterVisitInput,
    language: 'sq',
    titleKey: 'reports.visit.shelterTitle',
    expected: [fx.shelter.name, fx.shelterVisit.monitors, fx.shelterVisit.observations, fx.shelterVisit.followUpActions],
    personal: true,
  },
  {
    name: 'household-visit',
    input: fx.householdVisitInput,
    language: 'sr-Cyrl',
    titleKey: 'reports.visit.householdTitle',
    expected: ['Ђорђе Јовановић', fx.householdVisit.monitors, fx.householdVisit.observations, 'Да ли се домаћинство осећа безбедно?'],
    personal: true,
  },
  {
    name: 'shelter-profile',
    input: fx.shelterProfileInput,
    language: 'sr-Latn',
    titleKey: 'reports.shelter.title',
    expected: [fx.shelter.name, 'Qëndresa Çeku', '+383 44 123 456', 'Đorđe Šarčević, Miloš Žižić'],
    personal: true,
  },
  {
    name: 'household-case',
    input: fx.householdCaseInput,
    language: 'sr-Cyrl',
    titleKey: 'reports.household.title',
    expected: ['Ђорђе Јовановић', 'Љубица Јовановић', 'Његош Јовановић', 'Ћирило Џаковић', 'Shpëtim Krasniqi', 'Thirrni Qëndresën për çështjen e dokumenteve'],
    personal: true,
  },
  {
    name: 'referral-letter',
    input: fx.referralLetterInput,
    language: 'en',
    titleKey: 'reports.letter.title',
    expected: ['Његош Јовановић', 'Civil Rights Program Kosovo (CRP/K)', 'Đorđe Šarčević', fx.referral.reason, 'Zveçan / Zvečan, Žitkovac'],
    personal: true,
  },
  {
    name: 'period-summary',
    input: fx.periodSummaryInput(),
    language: 'en',
    titleKey: 'reports.period.title',
    expected: fx.periodShelters.map((s) => s.name),
    personal: false,
  },
  {
    name: 'period-summary-sr-Cyrl',
    input: fx.periodSummaryInput(),
    language: 'sr-Cyrl',
    titleKey: 'reports.period.title',
    expected: fx.periodShelters.map((s) => s.name),
    personal: false,
  },
];

let fonts: ReportFonts;
beforeAll(async () => {
  fonts = await loadFonts();
});

async function generate(input: ReportInput, language: ReportLanguage, redacted: boolean, name: string) {
  const report = await generateReport({ input, options: { language, redacted }, branding, generatedAt: fx.GENERATED_AT, fonts });
  const file = await writePdf(name, report.bytes);
  return { report, file };
}

describe.each(cases)('$name ($language)', ({ name, input, language, titleKey, expected, personal }) => {
  let text: string;
  let layoutText: string;
  let pages: number;
  let file: string;

  beforeAll(async () => {
    ({ file } = await generate(input, language, false, name));
    text = await pdfText(file);
    layoutText = await pdfText(file, { layout: true });
    pages = await pdfPageCount(file);
    await keepFirstPagePng(file, name);
  });

  it('is a PDF whose title comes back in the report language', async () => {
    const t = await createReportTranslator(language);
    expect(text).toContain(t(titleKey));
    expect(pages).toBeGreaterThan(0);
  });

  it('keeps every Albanian and Serbian letter (ë ç č ć š ž đ Đ Ђ Ј Љ Њ Ћ Џ)', () => {
    const missing = fx.REQUIRED_LETTERS.filter((letter) => !text.includes(letter));
    expect(missing).toEqual([]);
  });

  it('round-trips names and texts exactly', () => {
    const folded = flat(text);
    expect(expected.filter((e) => !folded.includes(flat(e)))).toEqual([]);
  });

  it('numbers every page "N of M" in the report language', async () => {
    for (let p = 1; p <= pages; p++) {
      expect(await pdfText(file, { page: p })).toContain(pageLabel[language](p, pages));
    }
  });

  it(personal ? 'marks every page confidential' : 'holds no confidentiality marking (aggregated data only)', () => {
    const count = flat(layoutText).split(confidential[language]).length - 1;
    expect(count).toBe(personal ? pages : 0);
  });

  it('embeds only DejaVu Sans (no standard font that would lose letters)', async () => {
    const { stdout } = await promisify(execFile)('pdffonts', [file]);
    const fontsUsed = stdout.split('\n').slice(2).filter(Boolean).map((line) => line.split(/\s+/)[0]!);
    expect(fontsUsed.length).toBeGreaterThan(0);
    expect(fontsUsed.every((f) => /DejaVuSans/.test(f))).toBe(true);
  });
});

describe.each(cases.filter((c) => c.personal))('$name redacted', ({ name, input, language }) => {
  let text: string;
  let layoutText: string;
  let pages: number;

  beforeAll(async () => {
    const { file } = await generate(input, language, true, `${name}-redacted`);
    text = flat(await pdfText(file));
    layoutText = flat(await pdfText(file, { layout: true }));
    pages = await pdfPageCount(file);
    await keepFirstPagePng(file, `${name}-redacted`);
  });

  it('contains none of the names, phones, addresses, dates of birth or notes', async () => {
    const t = await createReportTranslator(language);
    const format = createFormat(t, language);
    const formatted = fx.PERSONAL.datesOfBirth.map((d) => format.date(d));
    const secrets = [
      ...fx.PERSONAL.names,
      ...fx.PERSONAL.names.flatMap((n) => n.split(' ')).filter((part) => part.length > 3),
      ...fx.PERSONAL.phones,
      ...fx.PERSONAL.addresses,
      ...fx.PERSONAL.datesOfBirth,
      ...formatted,
      ...fx.PERSONAL.notes,
    ];
    expect(secrets.filter((s) => text.includes(flat(s)))).toEqual([]);
  });

  it('is marked as a redacted copy on every page, not as confidential', () => {
    expect(layoutText.split(redactedMarking[language]).length - 1).toBe(pages);
    expect(layoutText).not.toContain(confidential[language]);
  });
});

describe('referral letter and consent', () => {
  const withConsent = (consent: Partial<typeof fx.household.consent>) => ({
    ...fx.referralLetterInput,
    household: { ...fx.household, consent: { ...fx.household.consent, ...consent } },
  });

  it('is refused without consent to referral, with the reason', async () => {
    const input = withConsent({ scopes: ['dataCollection'] });
    await expect(
      generateReport({ input, options: { language: 'en', redacted: false }, branding, generatedAt: fx.GENERATED_AT, fonts }),
    ).rejects.toMatchObject({ name: 'ReportRefusedError', reason: 'noReferralConsent' });
  });

  it('is refused once consent is withdrawn', async () => {
    const input = withConsent({ status: 'withdrawn', withdrawnOn: '2025-06-01' });
    await expect(
      generateReport({ input, options: { language: 'en', redacted: false }, branding, generatedAt: fx.GENERATED_AT, fonts }),
    ).rejects.toBeInstanceOf(ReportRefusedError);
  });

  it('leaves out specific needs, documents and household details without consent to sharing', async () => {
    const input = withConsent({ scopes: ['dataCollection', 'referral'] });
    const { file } = await generate(input, 'en', false, 'referral-letter-no-sharing');
    const text = flat(await pdfText(file));
    expect(text).toContain('Његош Јовановић');
    expect(text).toContain('Further details are not shared');
    for (const detail of ['Not registered', 'Statelessness', 'Birth certificate', 'Serious medical condition', 'Љубица Јовановић', 'in total']) {
      expect(text).not.toContain(detail);
    }
  });
});

describe('rendering', () => {
  it('stops when cancelled, between blocks', async () => {
    let calls = 0;
    await expect(
      generateReport(
        { input: fx.periodSummaryInput(), options: { language: 'en', redacted: false }, branding, generatedAt: fx.GENERATED_AT, fonts },
        { isCancelled: () => ++calls > 3 },
      ),
    ).rejects.toBeInstanceOf(ReportCancelledError);
  });

  it('reports progress up to 1', async () => {
    const seen: number[] = [];
    await generateReport(
      { input: fx.householdCaseInput, options: { language: 'sq', redacted: false }, branding, generatedAt: fx.GENERATED_AT, fonts },
      { onProgress: (p) => seen.push(p.fraction) },
    );
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('puts the organisation logo on every page', async () => {
    const logo = { format: 'PNG' as const, data: fx.shelterVisitInput.photos[0]!.image.data };
    const report = await generateReport({
      input: fx.periodSummaryInput(),
      options: { language: 'en', redacted: false },
      branding: { organisationName: 'Danish Refugee Council – Kosovo', logo },
      generatedAt: fx.GENERATED_AT,
      fonts,
    });
    const file = await writePdf('with-logo', report.bytes);
    const { stdout } = await promisify(execFile)('pdfimages', ['-list', file]);
    const images = stdout.split('\n').slice(2).filter(Boolean);
    // One image object, drawn on every page.
    expect(images.length).toBe(report.pageCount);
    expect(new Set(images.map((l) => l.trim().split(/\s+/)[10])).size).toBe(1);
    expect(flat(await pdfText(file))).toContain('Danish Refugee Council – Kosovo');
  });
});
