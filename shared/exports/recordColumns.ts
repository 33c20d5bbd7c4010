import type { HouseholdRecord } from '../households/householdSchema';
import type { PersonRecord } from '../households/personSchema';
import { findMunicipality, localizedPlaceName } from '../reference/municipalities';
import type { RecordMeta } from '../records/recordMeta';
import type { FollowUpRecord, ReferralRecord } from '../referrals/referralSchema';
import type { ShelterRecord } from '../shelters/shelterSchema';
import type { HouseholdVisitRecord } from '../visits/householdVisitSchema';
import { shelterConditions, totalResidentsMet, type ShelterVisitRecord } from '../visits/shelterVisitSchema';
import type { ColumnId } from './columnIds';
import type { Cell, ColumnKind, ExportColumn, ValueContext } from './exportTypes';

/**
 * The columns of each record type, and for each column what pseudonymisation does with it
 * (docs/exports.md lists them). Enumerated values are exported as their codes, which do not
 * change with the language; municipalities also get a column with their name in the export's
 * language. Lists are joined with "; ".
 */
export const LIST_SEPARATOR = '; ';

const col = <R>(
  id: ColumnId,
  kind: ColumnKind,
  from: string,
  value: (record: R, ctx: ValueContext) => Cell,
): ExportColumn<R> => ({ id, header: { key: id }, kind, from, value });

/** A plain field of the record, by name, under the header of the same name. */
const field = <R>(id: ColumnId & keyof R, kind: ColumnKind = 'data'): ExportColumn<R> =>
  col<R>(id, kind, id, (r) => cell(r[id]));

const cell = (value: unknown): Cell => {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.length ? value.join(LIST_SEPARATOR) : null;
  return JSON.stringify(value);
};

const municipalityName = (code: string, ctx: ValueContext): Cell => {
  const m = code ? findMunicipality(code) : undefined;
  return m ? localizedPlaceName(m, ctx.language) : null;
};

/** Completed years on `today`, both YYYY-MM-DD. */
export function ageOn(dateOfBirth: string, today: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) return null;
  const years = Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  const age = today.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
  return age >= 0 ? age : null;
}

function metaColumns<R extends RecordMeta>(): { first: ExportColumn<R>[]; last: ExportColumn<R>[] } {
  return {
    first: [field<R>('id', 'id')],
    last: [field<R>('createdAt'), field<R>('updatedAt'), field<R>('deviceId', 'id')],
  };
}

/** Record fields no export carries: sync bookkeeping and derived index keys. */
export const internalFields = ['hlc', 'fieldHlc', 'fieldBase', 'deletedAt', 'searchTokens'] as const;

export function shelterColumns(): ExportColumn<ShelterRecord>[] {
  const meta = metaColumns<ShelterRecord>();
  // A collective shelter is an institution: its name, municipality and settlement stay in a
  // pseudonymised export; its address and the people to contact do not.
  return [
    ...meta.first,
    field('name'),
    field('municipality'),
    col('municipalityName', 'data', 'municipality', (r, ctx) => municipalityName(r.municipality, ctx)),
    field('settlement'),
    field('address', 'personal'),
    field('managingAuthority'),
    field('capacity'),
    field('residents'),
    field('status'),
    field('contactPerson', 'personal'),
    field('contactPhone', 'personal'),
    field('notes', 'personal'),
    ...meta.last,
  ];
}

export function householdColumns(): ExportColumn<HouseholdRecord>[] {
  const meta = metaColumns<HouseholdRecord>();
  return [
    ...meta.first,
    field('headName', 'personal'),
    field('status'),
    field('community'),
    field('accommodation'),
    field('shelterId', 'id'),
    field('memberCount'),
    field('placeOfDisplacement'),
    // Places below the municipality, typed as free text, can single a family out.
    field('displacementLocation', 'personal'),
    field('displacementDate'),
    field('returnDate'),
    field('returnMunicipality'),
    col('returnMunicipalityName', 'data', 'returnMunicipality', (r, ctx) => municipalityName(r.returnMunicipality, ctx)),
    field('returnSettlement', 'personal'),
    field('currentMunicipality'),
    col('currentMunicipalityName', 'data', 'currentMunicipality', (r, ctx) =>
      municipalityName(r.currentMunicipality, ctx),
    ),
    field('address', 'personal'),
    field('phone', 'personal'),
    field('notes', 'personal'),
    col('consentStatus', 'data', 'consent', (r) => cell(r.consent.status)),
    col('consentDate', 'data', 'consent', (r) => cell(r.consent.date)),
    col('consentScopes', 'data', 'consent', (r) => cell(r.consent.scopes)),
    col('consentNotObtainedReason', 'data', 'consent', (r) => cell(r.consent.notObtainedReason)),
    col('consentWithdrawnOn', 'data', 'consent', (r) => cell(r.consent.withdrawnOn)),
    col('consentRecordedBy', 'personal', 'consent', (r) => cell(r.consent.recordedBy)),
    col('consentNotes', 'personal', 'consent', (r) => cell(r.consent.notes)),
    field('erasedAt'),
    ...meta.last,
  ];
}

export function personColumns(): ExportColumn<PersonRecord>[] {
  const meta = metaColumns<PersonRecord>();
  return [
    ...meta.first,
    field('householdId', 'id'),
    field('fullName', 'personal'),
    field('sex'),
    field('relationship'),
    field('dateOfBirth', 'personal'),
    field('estimatedAge'),
    // The age on the export's date, from the date of birth or else the estimate: what remains
    // of the date of birth in a pseudonymised export.
    col('age', 'data', 'dateOfBirth', (r, ctx) => ageOn(r.dateOfBirth, ctx.today) ?? r.estimatedAge),
    field('community'),
    field('birthCertificate'),
    field('idCard'),
    field('civilRegistration'),
    field('statelessnessRisk'),
    field('specificNeeds'),
    field('erasedAt'),
    ...meta.last,
  ];
}

const residents = {
  residentsChildrenFemale: 'childrenFemale',
  residentsChildrenMale: 'childrenMale',
  residentsAdultsFemale: 'adultsFemale',
  residentsAdultsMale: 'adultsMale',
  residentsOlderFemale: 'olderFemale',
  residentsOlderMale: 'olderMale',
} as const satisfies Partial<Record<ColumnId, keyof ShelterVisitRecord['residentsMet']>>;

export function shelterVisitColumns(): ExportColumn<ShelterVisitRecord>[] {
  const meta = metaColumns<ShelterVisitRecord>();
  return [
    ...meta.first,
    field('shelterId', 'id'),
    field('visitDate'),
    field('monitors', 'personal'),
    ...Object.entries(residents).map(([id, key]) =>
      col<ShelterVisitRecord>(id as keyof typeof residents, 'data', 'residentsMet', (r) => r.residentsMet[key]),
    ),
    col('residentsTotal', 'data', 'residentsMet', (r) => totalResidentsMet(r.residentsMet)),
    ...shelterConditions.map((c) =>
      col<ShelterVisitRecord>(`conditionRating.${c}`, 'data', 'conditions', (r) => cell(r.conditions[c]?.rating)),
    ),
    ...shelterConditions.map((c) =>
      col<ShelterVisitRecord>(`conditionNote.${c}`, 'personal', 'conditions', (r) => cell(r.conditions[c]?.note)),
    ),
    field('needsIdentified'),
    field('observations', 'personal'),
    field('followUpActions', 'personal'),
    ...meta.last,
  ];
}

/** Without the questionnaire's answers: questionColumns.ts adds one column per question. */
export function householdVisitColumns(): ExportColumn<HouseholdVisitRecord>[] {
  const meta = metaColumns<HouseholdVisitRecord>();
  return [
    ...meta.first,
    field('householdId', 'id'),
    field('visitDate'),
    field('monitors', 'personal'),
    field('questionnaireId'),
    field('questionnaireVersion'),
    field('needsIdentified'),
    field('observations', 'personal'),
    field('followUpActions', 'personal'),
    ...meta.last,
  ];
}

export function referralColumns(): ExportColumn<ReferralRecord>[] {
  const meta = metaColumns<ReferralRecord>();
  return [
    ...meta.first,
    field('householdId', 'id'),
    field('personId', 'id'),
    field('visitId', 'id'),
    field('service'),
    field('organisationId', 'id'),
    // A partner organisation is not a person: its name stays.
    col('organisationName', 'data', 'organisationId', (r, ctx) => cell(ctx.organisationName(r.organisationId))),
    field('urgency'),
    field('referredOn'),
    field('dueDate'),
    field('status'),
    col('statusHistory', 'data', 'statusHistory', (r) =>
      cell(r.statusHistory.map((s) => `${s.status} ${s.on}`)),
    ),
    field('reason', 'personal'),
    field('closedReason', 'personal'),
    ...meta.last,
  ];
}

export function followUpColumns(): ExportColumn<FollowUpRecord>[] {
  const meta = metaColumns<FollowUpRecord>();
  return [
    ...meta.first,
    field('subjectType'),
    field('subjectId', 'id'),
    // Titles are typed freely ("Call Drita about her ID card"): free text, like notes.
    field('title', 'personal'),
    field('dueDate'),
    field('done'),
    field('completedOn'),
    field('notes', 'personal'),
    ...meta.last,
  ];
}
