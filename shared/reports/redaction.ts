import type { Translate } from './reportLabels';

/**
 * Redaction for sharing a report with authorities or donors: names, contact details, dates of
 * birth and free-text notes are replaced before any of them reaches the document model, so a
 * redacted PDF cannot hold them, not even in a table cell the layout would have cut.
 *
 * Builders route every such value through a Redactor; with redaction off it returns the value.
 */
export interface Redactor {
  readonly active: boolean;
  /** A beneficiary's or a staff member's name; `alias` is what replaces it ("Member 2"). */
  name(value: string, alias?: string): string;
  /** Phone numbers, addresses, e-mail. */
  contact(value: string): string;
  /** A date of birth, replaced by the age group when known. */
  dateOfBirth(formatted: string, ageGroup?: string): string;
  /** Free text: observations, notes, reasons, text answers, captions. */
  note(value: string): string;
}

export function createRedactor(active: boolean, t: Translate): Redactor {
  if (!active) {
    return {
      active,
      name: (v) => v,
      contact: (v) => v,
      dateOfBirth: (v) => v,
      note: (v) => v,
    };
  }
  // An empty value stays empty: "not recorded" must not look like "removed".
  return {
    active,
    name: (v, alias) => (v ? (alias ?? t('reports.redaction.name')) : v),
    contact: (v) => (v ? t('reports.redaction.contact') : v),
    dateOfBirth: (v, ageGroup) => (v ? (ageGroup ?? t('reports.redaction.dateOfBirth')) : v),
    note: (v) => (v ? t('reports.redaction.note') : v),
  };
}
