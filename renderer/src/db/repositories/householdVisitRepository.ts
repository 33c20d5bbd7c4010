import Dexie from 'dexie';
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
import { newestVisitFirst } from './shelterVisitRepository';

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
    async forHousehold(householdId: string, options: { archived?: boolean } = {}): Promise<HouseholdVisit[]> {
      const visits = await db.householdVisits
        .where('[householdId+visitDate]')
        .between([householdId, Dexie.minKey], [householdId, Dexie.maxKey])
        .reverse()
        .toArray();
      return visits
        .filter((v) => (options.archived ? v.deletedAt !== null : v.deletedAt === null))
        .sort(newestVisitFirst);
    },

    /**
     * One page of live visits on or after this date, newest first, walking the visitDate index
     * backwards: only the rows of the page are read, however many visits there are.
     */
    listSince(date: string, page: { offset: number; limit: number }) {
      return db.householdVisits
        .where('visitDate')
        .aboveOrEqual(date)
        .reverse()
        .filter((v) => v.deletedAt === null)
        .offset(page.offset)
        .limit(page.limit)
        .toArray();
    },

    /** Live visits on or after this date (YYYY-MM-DD), through the visitDate index. */
    countSince(date: string): Promise<number> {
      return db.householdVisits
        .where('visitDate')
        .aboveOrEqual(date)
        .filter((v) => v.deletedAt === null)
        .count();
    },
  };
}

export type HouseholdVisitRepository = ReturnType<typeof createHouseholdVisitRepository>;
