import { describe, expect, it } from 'vitest';
import * as fx from '../../test/reports/fixtures';
import { householdRecordSchema } from '../households/householdSchema';
import { personFieldsSchema, personRecordSchema } from '../households/personSchema';
import { createQuestionnaireRegistry, installedDefinitions, questionnaires } from '../questionnaires/registry';
import { followUpRecordSchema, referralRecordSchema } from '../referrals/referralSchema';
import { shelterRecordSchema } from '../shelters/shelterSchema';
import { householdVisitRecordSchema } from '../visits/householdVisitSchema';
import { shelterVisitRecordSchema } from '../visits/shelterVisitSchema';
import { columnIds } from './columnIds';
import { allColumns, exportColumns } from './columns';
import { exportRecordTypes, type ExportRecordType, type ValueContext } from './exportTypes';
import { ageOn, internalFields } from './recordColumns';

const options = { registry: questionnaires, language: 'en' as const };
const ctx: ValueContext = { language: 'sr-Cyrl', today: '2025-06-16', organisationName: () => 'Partner' };

const schemaFields: Record<ExportRecordType, string[]> = {
  shelters: Object.keys(shelterRecordSchema.shape),
  households: Object.keys(householdRecordSchema.shape),
  persons: [...Object.keys(personRecordSchema.shape), ...Object.keys(personFieldsSchema.shape)],
  shelterVisits: Object.keys(shelterVisitRecordSchema.shape),
  householdVisits: Object.keys(householdVisitRecordSchema.shape),
  referrals: Object.keys(referralRecordSchema.shape),
  followUps: Object.keys(followUpRecordSchema.shape),
};

describe('export columns', () => {
  it.each(exportRecordTypes)('%s: every field of the record is exported or deliberately internal', (type) => {
    const exported = new Set(allColumns(type, options).map((c) => c.from));
    const internal = new Set<string>(internalFields);
    const undecided = schemaFields[type].filter((f) => !exported.has(f) && !internal.has(f));
    expect(undecided, 'add a column (and its pseudonymisation rule) or list the field as internal').toEqual([]);
    // And no column reads a field the record does not have.
    expect([...exported].filter((f) => !schemaFields[type].includes(f))).toEqual([]);
  });

  it.each(exportRecordTypes)('%s: column ids are unique, the id comes first', (type) => {
    const ids = allColumns(type, options).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('id');
  });

  it('uses every translated header, so the catalogs hold no stale column', () => {
    const used = new Set(
      exportRecordTypes.flatMap((t) => allColumns(t, options).flatMap((c) => ('key' in c.header ? [c.header.key] : []))),
    );
    expect(columnIds.filter((id) => !used.has(id))).toEqual([]);
  });

  it('marks names, contacts, addresses, dates of birth and free text as personal', () => {
    const personal = Object.fromEntries(
      exportRecordTypes.map((t) => [t, allColumns(t, options).filter((c) => c.kind === 'personal').map((c) => c.id)]),
    );
    expect(personal.shelters).toEqual(['address', 'contactPerson', 'contactPhone', 'notes']);
    expect(personal.households).toEqual([
      'headName',
      'displacementLocation',
      'returnSettlement',
      'address',
      'phone',
      'notes',
      'consentRecordedBy',
      'consentNotes',
    ]);
    expect(personal.persons).toEqual(['fullName', 'dateOfBirth']);
    expect(personal.shelterVisits).toEqual([
      'monitors',
      ...['heating', 'electricity', 'waterSanitation', 'overcrowding', 'accessibility', 'privacy', 'safetySecurity'].map(
        (c) => `conditionNote.${c}`,
      ),
      'observations',
      'followUpActions',
    ]);
    expect(personal.householdVisits).toEqual(
      expect.arrayContaining(['monitors', 'observations', 'followUpActions', 'answer.returnee-monitoring.comments']),
    );
    expect(personal.referrals).toEqual(['reason', 'closedReason']);
    expect(personal.followUps).toEqual(['title', 'notes']);
  });

  it('pseudonymised columns are the others, with the ids still there', () => {
    for (const type of exportRecordTypes) {
      const kept = exportColumns(type, { ...options, pseudonymise: true });
      expect(kept.some((c) => c.kind === 'personal')).toBe(false);
      expect(kept.length).toBe(allColumns(type, options).filter((c) => c.kind !== 'personal').length);
      expect(kept[0]?.kind).toBe('id');
    }
  });

  it('flattens nested values: consent, lists, residents met, condition ratings, status history', () => {
    const row = (type: ExportRecordType, record: unknown) =>
      Object.fromEntries(allColumns(type, options).map((c) => [c.id, (c.value as (r: unknown, x: ValueContext) => unknown)(record, ctx)]));
    const household = row('households', fx.household);
    expect(household.consentStatus).toBe('given');
    expect(household.consentScopes).toBe('dataCollection; referral; sharingWithPartners');
    expect(household.consentWithdrawnOn).toBeNull();
    expect(household.returnMunicipality).toBe('zvecan');
    expect(household.returnMunicipalityName).toBe('Звечан');
    const visit = row('shelterVisits', fx.shelterVisit);
    expect(visit.residentsAdultsFemale).toBe(6);
    expect(visit.residentsTotal).toBe(21);
    expect(visit['conditionRating.heating']).toBe('critical');
    expect(visit.needsIdentified).toBe('civilDocumentation; health; propertyHousing');
    const referral = row('referrals', { ...fx.referral, statusHistory: [{ status: 'open', on: '2025-06-12' }, { status: 'accepted', on: '2025-06-13' }] });
    expect(referral.statusHistory).toBe('open 2025-06-12; accepted 2025-06-13');
    expect(referral.organisationName).toBe('Partner');
    const spouse = row('persons', fx.members[1]);
    expect(spouse.specificNeeds).toBe('seriousMedicalCondition');
    expect(spouse.age).toBe(53);
    expect(spouse.statelessnessRisk).toBe(false);
    expect(row('persons', { ...fx.members[1], dateOfBirth: '', estimatedAge: 40 }).age).toBe(40);
  });
});

describe('ageOn', () => {
  it.each([
    ['1971-09-30', '2025-06-16', 53],
    ['1971-06-16', '2025-06-16', 54],
    ['1971-06-17', '2025-06-16', 53],
    ['2024-02-29', '2025-02-28', 0],
    ['', '2025-06-16', null],
    ['2026-01-01', '2025-06-16', null],
  ])('born %s, on %s: %s', (dob, today, age) => {
    expect(ageOn(dob, today)).toBe(age);
  });
});

describe('questionnaire answer columns', () => {
  const registry = createQuestionnaireRegistry([fx.questionnaire]);
  const columns = allColumns('householdVisits', { registry, language: 'sq' });
  const answers = columns.filter((c) => c.from === 'answers');

  it('has one column per question, headed by its id and its label in the export language', () => {
    expect(answers.map((c) => c.id)).toEqual([
      'answer.returnee-monitoring.feelsSafe',
      'answer.returnee-monitoring.incidentDescription',
      'answer.returnee-monitoring.intention',
      'answer.returnee-monitoring.adultsWorking',
    ]);
    expect(answers[0]?.header).toEqual({ text: 'returnee-monitoring.feelsSafe: A ndihet e sigurt familja?' });
    expect(answers.map((c) => c.kind)).toEqual(['data', 'personal', 'data', 'data']);
  });

  it('fills the answers of the visit, empty for another questionnaire or a question its version did not ask', () => {
    const values = (visit: typeof fx.householdVisit) => answers.map((c) => c.value(visit, ctx));
    expect(values(fx.householdVisit)).toEqual([false, fx.householdVisit.answers.incidentDescription, 'stay', 1]);
    expect(values({ ...fx.householdVisit, questionnaireId: 'other' })).toEqual([null, null, null, null]);
  });

  it('takes the union of every installed version, latest order first', () => {
    const all = allColumns('householdVisits', { registry: questionnaires, language: 'en' }).filter((c) => c.from === 'answers');
    const ids = all.map((c) => c.id);
    // v2 added legalAidAware; v1 alone asked monthlyIncome: both have a column.
    expect(ids).toContain('answer.returnee-monitoring.legalAidAware');
    expect(ids).toContain('answer.returnee-monitoring.monthlyIncome');
    expect(ids.indexOf('answer.returnee-monitoring.monthlyIncome')).toBeGreaterThan(
      ids.indexOf('answer.returnee-monitoring.comments'),
    );
    expect(ids.filter((i) => i.startsWith('answer.shelter-resident-monitoring.')).length).toBeGreaterThan(10);
    expect(installedDefinitions.length).toBe(3);
    const v1Visit = { ...fx.householdVisit, questionnaireVersion: 1, answers: { monthlyIncome: 300, legalAidAware: true } };
    const byId = Object.fromEntries(all.map((c) => [c.id, c.value(v1Visit, ctx)]));
    expect(byId['answer.returnee-monitoring.monthlyIncome']).toBe(300);
    // Version 1 never asked it: a stray value is not exported as if it had been.
    expect(byId['answer.returnee-monitoring.legalAidAware']).toBeNull();
  });
});
