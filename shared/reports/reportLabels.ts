import { communities, placesOfDisplacement, translatedName } from '../reference/communities';
import { findMunicipality, localizedPlaceName } from '../reference/municipalities';
import type { ReportLanguage } from './reportTypes';

/** A translate function fixed to the report language (i18next's getFixedT fits). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "2025-03-12" as a local calendar date, without a time-zone shift. */
export function parseIsoDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/** Whole years between a date of birth and a reference date. */
export function ageOn(dateOfBirth: string, on: string): number | null {
  const birth = parseIsoDate(dateOfBirth);
  const ref = parseIsoDate(on);
  if (!birth || !ref) return null;
  let age = ref.getFullYear() - birth.getFullYear();
  if (ref.getMonth() < birth.getMonth() || (ref.getMonth() === birth.getMonth() && ref.getDate() < birth.getDate()))
    age -= 1;
  return age;
}

export type AgeGroup = 'child' | 'adult' | 'older';
export const ageGroupOf = (age: number): AgeGroup => (age < 18 ? 'child' : age < 60 ? 'adult' : 'older');

/** A short, stable reference for a record: the first 8 characters of its id. */
export const shortRef = (id: string) => id.slice(0, 8).toUpperCase();

const months = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10', 'm11', 'm12'] as const;

/** Digit grouping and decimal mark by language: locale data, not interface text. */
const numberMarks: Record<ReportLanguage, { group: string; decimal: string }> = {
  en: { group: ',', decimal: '.' },
  sq: { group: '\u00a0', decimal: ',' },
  'sr-Latn': { group: '.', decimal: ',' },
  'sr-Cyrl': { group: '.', decimal: ',' },
};

export function formatNumber(value: number, language: ReportLanguage): string {
  const { group, decimal } = numberMarks[language];
  const [whole = '0', fraction] = Math.abs(value).toString().split('.');
  const grouped = whole.length > (language === 'en' ? 3 : 4) ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, group) : whole;
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? decimal + fraction : ''}`;
}

/**
 * Formatting in the report language. Dates, times and numbers are formatted here from the
 * catalogs (month names, patterns) rather than by Intl: browsers ship different locale data
 * (Chromium's build has no Albanian), and a report must read the same wherever it is made.
 * Place and community names come from the reference lists.
 */
export function createFormat(t: Translate, language: ReportLanguage) {
  const notRecorded = t('reports.common.notRecorded');
  const dateOf = (d: Date) =>
    t('reports.format.date', {
      day: d.getDate(),
      month: t(`reports.format.months.${months[d.getMonth()]!}`),
      year: d.getFullYear(),
    });
  return {
    notRecorded,
    text: (value: string) => value.trim() || notRecorded,
    date(iso: string): string {
      const d = parseIsoDate(iso);
      return d ? dateOf(d) : notRecorded;
    },
    /** Local date and 24-hour time of an ISO instant. */
    dateTime(iso: string): string {
      const d = new Date(iso);
      const time = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
      return t('reports.format.dateTime', { date: dateOf(d), time });
    },
    number: (value: number) => formatNumber(value, language),
    yesNo: (value: boolean) => (value ? t('reports.common.yes') : t('reports.common.no')),
    municipality(code: string): string {
      const m = code ? findMunicipality(code) : undefined;
      return m ? localizedPlaceName(m, language) : code || notRecorded;
    },
    community(code: string): string {
      const c = communities.find((x) => x.code === code);
      return c ? translatedName(c, language) : code || notRecorded;
    },
    placeOfDisplacement(code: string): string {
      const p = placesOfDisplacement.find((x) => x.code === code);
      return p ? translatedName(p, language) : code || notRecorded;
    },
    list: (items: string[]) => (items.length ? items.join(', ') : t('reports.common.none')),
  };
}
export type ReportFormat = ReturnType<typeof createFormat>;
