import { afterEach, describe, expect, it } from 'vitest';
import returneeV1 from '../../../../shared/questionnaires/definitions/returnee-monitoring.v1.json';
import { validateAnswers, visibleQuestions } from '../../../../shared/questionnaires/questionnaireEngine';
import type { Answers } from '../../../../shared/questionnaires/questionnaireSchema';
import {
  createQuestionnaireRegistry,
  installedDefinitions,
} from '../../../../shared/questionnaires/registry';
import type { HouseholdVisitInput } from '../../../../shared/visits/householdVisitSchema';
import type { AppDatabase } from '../AppDatabase';
import { createHouseholdVisitRepository } from './householdVisitRepository';
import { daysAgo, insertHousehold, issuesOf, openVisitTestDb } from './visitTesting';

const opened: AppDatabase[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

/** Every required returnee-monitoring question answered, in a form valid in v1 and v2. */
const returneeAnswers: Answers = {
  feelsSafe: 'mostlySafe',
  securityIncident: false,
  movementRestricted: false,
  civilRegistration: 'all',
  adultsWithoutId: 0,
  unregisteredBirth: false,
  housingSituation: 'reconstructed',
  housingCondition: 'needsRepair',
  propertyOccupied: false,
  healthAccess: 'withDifficulty',
  schoolAttendance: 'all',
  incomeSources: ['agriculture', 'pension'],
  neighbourRelations: 'good',
  discrimination: false,
  intention: 'stay',
  intentionObstacles: ['livelihood'],
};
const v2Only: Answers = { familySeparated: false };

const visit = (householdId: string, overrides: Partial<HouseholdVisitInput> = {}) => ({
  householdId,
  visitDate: daysAgo(3),
  monitors: 'Arta Berisha',
  questionnaireId: 'returnee-monitoring',
  questionnaireVersion: 2,
  answers: { ...returneeAnswers, ...v2Only },
  observations: 'House rebuilt in 2019; the roof leaks.',
  needsIdentified: ['livelihoods'],
  followUpActions: '',
  ...overrides,
});

async function setup(definitions: readonly unknown[] = installedDefinitions, name?: string) {
  const { db, ctx } = await openVisitTestDb(name);
  opened.push(db);
  const registry = createQuestionnaireRegistry(definitions);
  return {
    db,
    visits: createHouseholdVisitRepository(db, ctx, registry),
    householdId: await insertHousehold(db),
  };
}

describe('household visit repository', () => {
  it('stores the answers with the questionnaire id and version', async () => {
    const { visits, householdId } = await setup();
    const created = await visits.create(visit(householdId));
    const read = await visits.get(created.id);
    expect(read).toMatchObject({
      householdId,
      questionnaireId: 'returnee-monitoring',
      questionnaireVersion: 2,
    });
    expect(read!.answers).toEqual({ ...returneeAnswers, ...v2Only });
  });

  it('drops answers to questions that are hidden, including down a chain', async () => {
    const { visits, householdId } = await setup();
    const answers = {
      ...returneeAnswers,
      ...v2Only,
      // Answered while "yes" was selected, then the monitor changed the answer to "no".
      securityIncident: false,
      incidentTypes: ['threats'],
      incidentReported: true,
      policeResponse: 'noAction',
      movementDetails: '',
    };
    const created = await visits.create(visit(householdId, { answers }));
    expect(created.answers).toEqual({ ...returneeAnswers, ...v2Only });
    expect(Object.keys((await visits.get(created.id))!.answers)).not.toContain('policeResponse');
  });

  it('refuses answers that break the questionnaire, with an issue per question, and writes nothing', async () => {
    const { db, visits, householdId } = await setup();
    const answers = {
      ...returneeAnswers,
      ...v2Only,
      securityIncident: true,
      adultsWithoutId: -1,
      monthlyIncome: 50,
    };
    expect(await issuesOf(visits.create(visit(householdId, { answers })))).toEqual([
      'answers.monthlyIncome: validation.unknownQuestion',
      'answers.incidentTypes: validation.required',
      'answers.incidentReported: validation.required',
      'answers.adultsWithoutId: validation.notNegative',
    ]);
    expect(await db.householdVisits.count()).toBe(0);
  });

  it('refuses a future visit date, an unknown questionnaire version and an unknown household', async () => {
    const { db, visits, householdId } = await setup();
    expect(await issuesOf(visits.create(visit(householdId, { visitDate: daysAgo(-2) })))).toEqual([
      'visitDate: validation.dateInFuture',
    ]);
    expect(await issuesOf(visits.create(visit(householdId, { questionnaireVersion: 9 })))).toEqual([
      'questionnaireVersion: validation.unknownQuestionnaire',
    ]);
    expect(await issuesOf(visits.create(visit(crypto.randomUUID())))).toEqual([
      'householdId: validation.visitHouseholdMissing',
    ]);
    expect(await db.householdVisits.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('refuses a new visit once the household has withdrawn its consent, but keeps earlier visits editable', async () => {
    const { db, ctx } = await openVisitTestDb();
    opened.push(db);
    const visits = createHouseholdVisitRepository(db, ctx);
    const householdId = await insertHousehold(db);
    const earlier = await visits.create(visit(householdId));
    await db.households.update(householdId, { 'consent.status': 'withdrawn' } as never);
    expect(await issuesOf(visits.create(visit(householdId)))).toEqual([
      'householdId: validation.visitConsentWithdrawn',
    ]);
    expect(await db.householdVisits.count()).toBe(1);
    const corrected = await visits.update(
      earlier.id,
      visit(householdId, { monitors: 'Arta Berisha, Milica Jovanović' }),
    );
    expect(corrected.monitors).toBe('Arta Berisha, Milica Jovanović');
  });

  it('reads back a visit made with v1 intact once v2 is installed, and shows it with v1', async () => {
    // Recorded while this device only had version 1.
    const first = await setup([returneeV1]);
    const v1Answers = { ...returneeAnswers, housingSituation: 'temporaryInformal', monthlyIncome: 180 };
    const made = await first.visits.create(
      visit(first.householdId, { questionnaireVersion: 1, answers: v1Answers }),
    );
    const name = first.db.name;
    first.db.close();

    // The app is updated: version 2 is now the latest, and v1's answers would not pass it.
    const { db, ctx } = await openVisitTestDb(name);
    opened.push(db);
    const registry = createQuestionnaireRegistry(installedDefinitions);
    const visits = createHouseholdVisitRepository(db, ctx, registry);
    expect(registry.latestQuestionnaire('returnee-monitoring')!.version).toBe(2);

    const read = (await visits.get(made.id))!;
    expect(read.questionnaireVersion).toBe(1);
    expect(read.answers).toEqual(v1Answers);
    const own = registry.questionnaireVersion(read.questionnaireId, read.questionnaireVersion)!;
    expect(validateAnswers(own, read.answers, daysAgo(0))).toEqual([]);
    const shown = visibleQuestions(own, read.answers).filter((q) => q.id in read.answers);
    expect(shown.map((q) => q.id).sort()).toEqual(Object.keys(v1Answers).sort());
    const housing = shown.find((q) => q.id === 'housingSituation')!;
    expect(housing.choices!.find((c) => c.value === 'temporaryInformal')!.label.en).toBe(
      'Temporary or informal shelter',
    );

    // Editing it keeps version 1, whatever the form sends.
    const edited = await visits.update(made.id, {
      ...read,
      questionnaireVersion: 2,
      observations: 'Seen again.',
    });
    expect(edited.questionnaireVersion).toBe(1);
    expect(edited.answers).toEqual(v1Answers);
  });

  it("lists a household's visits newest first and counts visits since a date", async () => {
    const { visits, householdId } = await setup();
    const older = await visits.create(visit(householdId, { visitDate: daysAgo(20) }));
    const newer = await visits.create(visit(householdId, { visitDate: daysAgo(1) }));
    const archived = await visits.create(visit(householdId, { visitDate: daysAgo(1) }));
    await visits.softDelete(archived.id);
    expect((await visits.forHousehold(householdId)).map((v) => v.id)).toEqual([newer.id, older.id]);
    expect((await visits.forHousehold(householdId, { archived: true })).map((v) => v.id)).toEqual([
      archived.id,
    ]);
    expect(await visits.countSince(daysAgo(7))).toBe(1);
    expect(await visits.countSince(daysAgo(30))).toBe(2);
  });
});
