import type { z } from 'zod';
import { pruneHiddenAnswers, validateAnswers } from '../../../../shared/questionnaires/questionnaireEngine';
import { questionnaires, type QuestionnaireRegistry } from '../../../../shared/questionnaires/registry';
import { localToday } from '../../../../shared/validation/fields';
import {
  householdVisitSchema,
  type HouseholdVisitInput,
  type HouseholdVisitRecord,
} from '../../../../shared/visits/householdVisitSchema';
import type { AppDatabase } from '../AppDatabase';
import { RecordStore, RecordValidationError } from '../recordStore';
import type { WriteContext } from '../writeContext';
import { visitQueries } from './visitQueries';

export type HouseholdVisit = HouseholdVisitRecord;

const issue = (path: PropertyKey[], message: string): z.core.$ZodIssue => ({ code: 'custom', path, message });

/**
 * Monitoring visits to households. Answers are checked against the exact questionnaire version
 * the visit names and stored with that id and version, answers to hidden questions dropped.
 */
export function createHouseholdVisitRepository(
  db: AppDatabase,
  ctx: WriteContext,
  registry: QuestionnaireRegistry = questionnaires,
) {
  const store = new RecordStore<HouseholdVisitInput, HouseholdVisitRecord>(db, ctx, {
    entity: 'householdVisit',
    table: (d) => d.householdVisits,
    inputSchema: householdVisitSchema,
  });
  const queries = visitQueries(() => db.householdVisits, '[householdId+visitDate]');

  /** The whole input checked (fields, then answers against its questionnaire), nothing written. */
  async function checked(raw: unknown) {
    const parsed = householdVisitSchema.safeParse(raw);
    if (!parsed.success) throw new RecordValidationError(parsed.error.issues);
    const input = parsed.data;
    const questionnaire = registry.questionnaireVersion(input.questionnaireId, input.questionnaireVersion);
    if (!questionnaire)
      throw new RecordValidationError([issue(['questionnaireVersion'], 'validation.unknownQuestionnaire')]);
    const problems = validateAnswers(questionnaire, input.answers, localToday(ctx.now()));
    if (problems.length > 0) {
      throw new RecordValidationError(problems.map((p) => issue(['answers', p.questionId], p.message)));
    }
    const household = await db.households.get(input.householdId);
    if (!household)
      throw new RecordValidationError([issue(['householdId'], 'validation.visitHouseholdMissing')]);
    return { input: { ...input, answers: pruneHiddenAnswers(questionnaire, input.answers) }, household };
  }

  return {
    get: (id: string) => store.get(id),

    /** A new visit collects personal data: not once the household has withdrawn its consent. */
    async create(raw: unknown): Promise<HouseholdVisit> {
      const { input, household } = await checked(raw);
      if (household.consent?.status === 'withdrawn') {
        throw new RecordValidationError([issue(['householdId'], 'validation.visitConsentWithdrawn')]);
      }
      return store.create(input);
    },

    /** The household and the questionnaire version of a visit never change: the stored ones are kept. */
    async update(id: string, raw: unknown): Promise<HouseholdVisit> {
      const current = await store.get(id);
      const fixed = current
        ? {
            householdId: current.householdId,
            questionnaireId: current.questionnaireId,
            questionnaireVersion: current.questionnaireVersion,
          }
        : {};
      return store.update(id, (await checked({ ...(raw as object), ...fixed })).input);
    },

    softDelete: (id: string) => store.softDelete(id),
    restore: (id: string) => store.restore(id),

    /** A household's visits, newest first, read through the [householdId+visitDate] index. */
    forHousehold: queries.forOwner,
    listSince: queries.listSince,
    countSince: queries.countSince,
  };
}

export type HouseholdVisitRepository = ReturnType<typeof createHouseholdVisitRepository>;
