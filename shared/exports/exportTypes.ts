import type { HouseholdRecord } from '../households/householdSchema';
import type { PersonRecord } from '../households/personSchema';
import type { ReferenceLanguage } from '../reference/municipalities';
import type { FollowUpRecord, ReferralRecord } from '../referrals/referralSchema';
import type { ShelterRecord } from '../shelters/shelterSchema';
import type { HouseholdVisitRecord } from '../visits/householdVisitSchema';
import type { ShelterVisitRecord } from '../visits/shelterVisitSchema';
import type { ColumnId } from './columnIds';

/** The record types an analyst can export, in the order of the files and sheets. */
export const exportRecordTypes = [
  'shelters',
  'households',
  'persons',
  'shelterVisits',
  'householdVisits',
  'referrals',
  'followUps',
] as const;
export type ExportRecordType = (typeof exportRecordTypes)[number];

/** The stored record behind each export type. */
export interface ExportRecords {
  shelters: ShelterRecord;
  households: HouseholdRecord;
  persons: PersonRecord;
  shelterVisits: ShelterVisitRecord;
  householdVisits: HouseholdVisitRecord;
  referrals: ReferralRecord;
  followUps: FollowUpRecord;
}

/** File names inside the CSV zip: stable and in English, so an analyst's scripts keep working. */
export const csvFileNames: Record<ExportRecordType, string> = {
  shelters: 'shelters.csv',
  households: 'households.csv',
  persons: 'persons.csv',
  shelterVisits: 'shelter-visits.csv',
  householdVisits: 'household-visits.csv',
  referrals: 'referrals.csv',
  followUps: 'follow-ups.csv',
};

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** One cell: the types both CSV and XLSX can carry. Dates stay ISO strings (no time zone shifts). */
export type Cell = string | number | boolean | null;

/**
 * What pseudonymisation does with a column: `data` stays, `id` (a record id or a foreign key)
 * is replaced by its keyed pseudonym, `personal` (names, contacts, addresses, dates of birth,
 * free text) is left out of the file altogether.
 */
export type ColumnKind = 'data' | 'id' | 'personal';

export type ColumnHeader = { key: ColumnId } | { text: string };

/** What a column's value may depend on besides the record. */
export interface ValueContext {
  language: ReferenceLanguage;
  /** The export's date (YYYY-MM-DD): ages are computed on it. */
  today: string;
  organisationName(id: string): string;
}

export interface ExportColumn<R> {
  /** Unique within its record type; stable across languages. */
  id: string;
  header: ColumnHeader;
  kind: ColumnKind;
  /** The record's top-level field the value comes from: every field must be exported or listed as internal. */
  from: string;
  value(record: R, ctx: ValueContext): Cell;
}
