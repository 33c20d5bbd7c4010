import type { QuestionnaireRegistry } from '../questionnaires/registry';
import type { ReferenceLanguage } from '../reference/municipalities';
import type { ExportColumn, ExportRecords, ExportRecordType } from './exportTypes';
import { questionColumns } from './questionColumns';
import {
  followUpColumns,
  householdColumns,
  householdVisitColumns,
  personColumns,
  referralColumns,
  shelterColumns,
  shelterVisitColumns,
} from './recordColumns';

export interface ColumnOptions {
  registry: QuestionnaireRegistry;
  language: ReferenceLanguage;
  /** Leave out the personal columns (names, contacts, dates of birth, free text). */
  pseudonymise: boolean;
}

type ColumnsByType = { [T in ExportRecordType]: ExportColumn<ExportRecords[T]>[] };

/** Every column of a record type, personal ones included. */
export function allColumns<T extends ExportRecordType>(
  type: T,
  options: Pick<ColumnOptions, 'registry' | 'language'>,
): ColumnsByType[T] {
  const byType = {
    shelters: shelterColumns,
    households: householdColumns,
    persons: personColumns,
    shelterVisits: shelterVisitColumns,
    householdVisits: () => [...householdVisitColumns(), ...questionColumns(options.registry, options.language)],
    referrals: referralColumns,
    followUps: followUpColumns,
  } satisfies { [K in ExportRecordType]: () => ColumnsByType[K] };
  return byType[type]() as ColumnsByType[T];
}

/** The columns of one export: without the personal ones when it is pseudonymised. */
export function exportColumns<T extends ExportRecordType>(type: T, options: ColumnOptions): ColumnsByType[T] {
  const columns = allColumns(type, options);
  return (options.pseudonymise ? columns.filter((c) => c.kind !== 'personal') : columns) as ColumnsByType[T];
}
