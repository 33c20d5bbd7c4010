import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as fx from '../../test/reports/fixtures';
import type { HouseholdRecord } from '../households/householdSchema';
import type { PersonRecord } from '../households/personSchema';
import { createQuestionnaireRegistry } from '../questionnaires/registry';
import type { FollowUpRecord, ReferralRecord } from '../referrals/referralSchema';
import type { ShelterRecord } from '../shelters/shelterSchema';
import type { HouseholdVisitRecord } from '../visits/householdVisitSchema';
import type { ShelterVisitRecord } from '../visits/shelterVisitSchema';
import { exportRecordTypes, type ExportRecordType } from './exportTypes';
import { ExportCancelled, runExport, type ExportOptions, type ExportProgress, type ExportRequest } from './runExport';
import { memorySource, type RecordsByType } from './testing/memorySource';
import { csvTables, readCsvZip, readXlsx } from './testing/readExport';

const registry = createQuestionnaireRegistry([fx.questionnaire]);
const organisations = new Map(fx.organisations.map((o) => [o.id, o.name]));
const deleted = { ...fx.members[0]!, id: '11111111-2222-4333-8444-000000000099', fullName: 'Tombstone Person', deletedAt: fx.GENERATED_AT };

const records: RecordsByType = {
  shelters: [fx.shelter],
  households: [fx.household],
  persons: [...fx.members, deleted],
  shelterVisits: [fx.shelterVisit],
  householdVisits: [fx.householdVisit],
  referrals: [fx.referral],
  followUps: fx.followUps,
};

/** Headers in English, the way the catalog words them for the test: `<id>` in brackets. */
const options: ExportOptions = {
  header: (key) => `[${key}]`,
  sheetName: (type) => `Sheet of ${type}`,
  today: '2025-06-16',
  registry,
  chunkSize: 2,
};
const request = (over: Partial<ExportRequest> = {}): ExportRequest => ({
  types: exportRecordTypes,
  format: 'csv',
  pseudonymise: true,
  language: 'en',
  ...over,
});

const allIds = () =>
  Object.values(records).flatMap((rows) => rows.flatMap((r) => [r.id, r.deviceId])).concat(fx.organisations.map((o) => o.id));
const personalTexts = [...fx.PERSONAL.names, ...fx.PERSONAL.phones, ...fx.PERSONAL.addresses, ...fx.PERSONAL.datesOfBirth, ...fx.PERSONAL.notes];

describe('CSV export', () => {
  it('writes one CSV per chosen type into a zip, in a fixed order, with translated headers and live records only', async () => {
    const file = await runExport(memorySource(records, organisations), request({ types: ['persons', 'shelters'], pseudonymise: false }), options);
    expect(file.fileName).toBe('protection-monitor-export-2025-06-16.zip');
    expect(file.mimeType).toBe('application/zip');
    expect(Object.keys(readCsvZip(file.data))).toEqual(['shelters.csv', 'persons.csv']);
    const tables = csvTables(file.data);
    const persons = tables['persons.csv']!;
    expect(persons.header.slice(0, 4)).toEqual(['[id]', '[householdId]', '[fullName]', '[sex]']);
    expect(persons.rows.map((r) => r['[fullName]'])).toEqual(fx.members.map((m) => m.fullName));
    expect(persons.rows[0]!['[id]']).toBe(fx.ids.head);
    expect(persons.rows[0]!['[dateOfBirth]']).toBe('1968-04-12');
    expect(file.rowCounts).toEqual({ shelters: 1, persons: 4 });
    // The shelter's notes hold a comma, quotes would be doubled, Cyrillic survives.
    expect(tables['shelters.csv']!.rows[0]!['[notes]']).toBe(fx.shelter.notes);
    expect(tables['shelters.csv']!.rows[0]!['[contactPhone]']).toBe(`'${fx.shelter.contactPhone}`);
  });

  it('pseudonymised: no name, contact, date of birth, free text or database id is left', async () => {
    const file = await runExport(memorySource(records, organisations), request(), options);
    expect(file.fileName).toBe('protection-monitor-export-pseudonymised-2025-06-16.zip');
    const text = Object.values(readCsvZip(file.data)).join('\n');
    for (const personal of personalTexts) expect(text).not.toContain(personal);
    for (const id of allIds()) expect(text).not.toContain(id);
    const persons = csvTables(file.data)['persons.csv']!;
    expect(persons.header).not.toContain('[fullName]');
    expect(persons.header).not.toContain('[dateOfBirth]');
    expect(persons.rows.map((r) => r['[age]'])).toEqual(['57', '53', '16', '83']);
    // What analysts need stays: codes, dates of events, partner names.
    expect(text).toContain('civilDocumentation');
    expect(text).toContain('Civil Rights Program Kosovo (CRP/K)');
  });

  it('pseudonymised ids join across the files of one export', async () => {
    const tables = csvTables((await runExport(memorySource(records, organisations), request(), options)).data);
    const [household] = tables['households.csv']!.rows;
    const persons = tables['persons.csv']!.rows;
    const personIds = new Set(persons.map((p) => p['[id]']));
    expect(household!['[id]']).toMatch(/^[0-9a-f]{20}$/);
    expect(new Set(persons.map((p) => p['[householdId]']))).toEqual(new Set([household!['[id]']]));
    expect(tables['household-visits.csv']!.rows[0]!['[householdId]']).toBe(household!['[id]']);
    const [referral] = tables['referrals.csv']!.rows;
    expect(referral!['[householdId]']).toBe(household!['[id]']);
    expect(personIds.has(referral!['[personId]']!)).toBe(true);
    expect(referral!['[visitId]']).toBe(tables['household-visits.csv']!.rows[0]!['[id]']);
    const followUps = tables['follow-ups.csv']!.rows;
    expect(followUps.find((f) => f['[subjectType]'] === 'referral')!['[subjectId]']).toBe(referral!['[id]']);
    expect(followUps.find((f) => f['[subjectType]'] === 'household')!['[subjectId]']).toBe(household!['[id]']);
    // The shelter visit's shelter is the shelter exported.
    expect(tables['shelter-visits.csv']!.rows[0]!['[shelterId]']).toBe(tables['shelters.csv']!.rows[0]!['[id]']);
  });

  it('gives the same records other pseudonyms in another export', async () => {
    const first = csvTables((await runExport(memorySource(records), request({ types: ['households'] }), options)).data);
    const second = csvTables((await runExport(memorySource(records), request({ types: ['households'] }), options)).data);
    expect(first['households.csv']!.rows[0]!['[id]']).not.toBe(second['households.csv']!.rows[0]!['[id]']);
  });

  it('reports progress up to every record read, then writing, and yields after each chunk', async () => {
    const progress: ExportProgress[] = [];
    let yields = 0;
    await runExport(memorySource(records), request({ types: ['persons'] }), {
      ...options,
      onProgress: (p) => progress.push(p),
      yieldToUi: async () => void (yields += 1),
    });
    expect(progress.map((p) => `${p.phase} ${p.done}/${p.total}`)).toEqual([
      'reading 0/5',
      'reading 2/5',
      'reading 4/5',
      'reading 5/5',
      'writing 5/5',
    ]);
    expect(yields).toBe(4);
  });

  it('stops when cancelled, between chunks', async () => {
    const controller = new AbortController();
    await expect(
      runExport(memorySource(records), request(), {
        ...options,
        signal: controller.signal,
        onProgress: (p) => p.done >= 2 && controller.abort(),
      }),
    ).rejects.toBeInstanceOf(ExportCancelled);
  });

  it('refuses an export of nothing', async () => {
    await expect(runExport(memorySource(records), request({ types: [] }), options)).rejects.toThrow();
  });
});

describe('XLSX export', () => {
  it('writes one workbook with a sheet per type, names and all, when not pseudonymised', async () => {
    const file = await runExport(memorySource(records, organisations), request({ format: 'xlsx', pseudonymise: false }), options);
    expect(file.fileName).toBe('protection-monitor-export-2025-06-16.xlsx');
    const book = readXlsx(file.data);
    expect(book.sheets).toEqual(exportRecordTypes.map((t) => `Sheet of ${t}`));
    for (const m of fx.members) expect(book.strings).toContain(m.fullName);
    expect(book.strings).toContain(fx.ids.household);
    expect(book.strings).toContain('[fullName]');
    // Numbers and booleans are typed cells, not text.
    expect(book.xml).toMatch(/<c r="[A-Z]+2"[^>]*t="b"[^>]*><v>0<\/v><\/c>/);
  });

  it('pseudonymised: no personal text and no database id in any part of the workbook', async () => {
    const file = await runExport(memorySource(records, organisations), request({ format: 'xlsx' }), options);
    const { xml } = readXlsx(file.data);
    for (const personal of personalTexts) expect(xml).not.toContain(personal);
    for (const id of allIds()) expect(xml).not.toContain(id);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: whatever the personal fields hold, none of it reaches a pseudonymised file.
// The list below is the rule from docs/exports.md, written out independently of the columns.
// ---------------------------------------------------------------------------------------------

const MARK = '\u2042PII';
const personalArb = fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => `${MARK}${s}${MARK}`);
const dateArb = fc.date({ min: new Date('1930-01-01'), max: new Date('1990-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const personalFieldsArb = fc.record({
  name: personalArb,
  text: fc.array(personalArb, { minLength: 12, maxLength: 12 }),
  dob: dateArb,
});

describe('pseudonymisation (property)', () => {
  it('drops every personal field and every database id, in CSV and XLSX', async () => {
    await fc.assert(
      fc.asyncProperty(personalFieldsArb, fc.constantFrom('csv' as const, 'xlsx' as const), async ({ name, text, dob }, format) => {
        const t = (i: number) => text[i]!;
        const shelter: ShelterRecord = { ...fx.shelter, address: t(0), contactPerson: name, contactPhone: t(1), notes: t(2) };
        const household: HouseholdRecord = {
          ...fx.household,
          headName: name,
          address: t(0),
          phone: t(1),
          notes: t(2),
          displacementLocation: t(3),
          returnSettlement: t(4),
          consent: { ...fx.household.consent, recordedBy: t(5), notes: t(6) },
        };
        const person: PersonRecord = { ...fx.members[0]!, fullName: name, dateOfBirth: dob };
        const shelterVisit: ShelterVisitRecord = {
          ...fx.shelterVisit,
          monitors: t(7),
          observations: t(8),
          followUpActions: t(9),
          conditions: { ...fx.shelterVisit.conditions, heating: { rating: 'critical', note: t(10) } },
        };
        const householdVisit: HouseholdVisitRecord = {
          ...fx.householdVisit,
          monitors: t(7),
          observations: t(8),
          followUpActions: t(9),
          answers: { ...fx.householdVisit.answers, incidentDescription: t(11) },
        };
        const referral: ReferralRecord = { ...fx.referral, reason: t(0), closedReason: t(1) };
        const followUp: FollowUpRecord = { ...fx.followUps[0]!, title: t(2), notes: t(3) };
        const source = memorySource({
          shelters: [shelter],
          households: [household],
          persons: [person],
          shelterVisits: [shelterVisit],
          householdVisits: [householdVisit],
          referrals: [referral],
          followUps: [followUp],
        });
        const file = await runExport(source, request({ format }), { ...options, chunkSize: 500 });
        const written = format === 'csv' ? Object.values(readCsvZip(file.data)).join('\n') : readXlsx(file.data).xml;
        expect(written).not.toContain(MARK);
        expect(written).not.toContain(dob);
        for (const id of [shelter.id, household.id, person.id, shelterVisit.id, householdVisit.id, referral.id, followUp.id])
          expect(written).not.toContain(id);
      }),
      { numRuns: 25 },
    );
  });

  it('the same records exported in full do carry the marks (the property can fail)', async () => {
    const person: PersonRecord = { ...fx.members[0]!, fullName: `${MARK}x` };
    const file = await runExport(memorySource({ persons: [person] }), request({ pseudonymise: false }), options);
    expect(Object.values(readCsvZip(file.data)).join('')).toContain(MARK);
  });
});

// A compile-time check that the record map is complete.
const _everyType: Record<ExportRecordType, true> = {
  shelters: true,
  households: true,
  persons: true,
  shelterVisits: true,
  householdVisits: true,
  referrals: true,
  followUps: true,
};
