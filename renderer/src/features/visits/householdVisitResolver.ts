import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, Resolver } from 'react-hook-form';
import { allQuestions, validateAnswers } from '../../../../shared/questionnaires/questionnaireEngine';
import type {
  Answers,
  AnswerValue,
  Questionnaire,
} from '../../../../shared/questionnaires/questionnaireSchema';
import { questionnaireVersion } from '../../../../shared/questionnaires/registry';
import { localToday } from '../../../../shared/validation/fields';
import {
  householdVisitSchema,
  type HouseholdVisitInput,
} from '../../../../shared/visits/householdVisitSchema';

/** The household visit form's values: answers to number questions are kept as typed. */
export type HouseholdVisitFormValues = Omit<HouseholdVisitInput, 'answers'> & {
  answers: Record<string, AnswerValue | undefined>;
};

const NUMBER = /^-?\d+(\.\d+)?$/;

/** The form's answers as the questionnaire stores them: typed numbers become numbers, blanks go. */
export function answersFromForm(
  questionnaire: Questionnaire,
  raw: HouseholdVisitFormValues['answers'],
): Answers {
  const types = new Map(allQuestions(questionnaire).map((q) => [q.id, q.type]));
  const answers: Answers = {};
  for (const [id, value] of Object.entries(raw ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    answers[id] =
      types.get(id) === 'number' && typeof value === 'string' && NUMBER.test(value.trim())
        ? Number(value)
        : value;
  }
  return answers;
}

const baseResolver = zodResolver(householdVisitSchema);

/**
 * The shared visit schema for the fields, then the visit's own questionnaire version for the
 * answers (messages are i18n keys, shown beside each question). The repository checks again.
 */
export const householdVisitResolver: Resolver<
  HouseholdVisitFormValues,
  unknown,
  HouseholdVisitInput
> = async (values, context, options) => {
  const questionnaire = questionnaireVersion(values.questionnaireId, values.questionnaireVersion);
  const answers = questionnaire ? answersFromForm(questionnaire, values.answers) : {};
  const result = await baseResolver({ ...values, answers }, context, options as never);
  const issues = questionnaire ? validateAnswers(questionnaire, answers, localToday()) : [];
  if (issues.length === 0 && Object.keys(result.errors).length === 0) {
    return { values: result.values as HouseholdVisitInput, errors: {} };
  }
  const answerErrors = Object.fromEntries(
    issues.map((i) => [i.questionId, { type: 'answer', message: i.message }]),
  );
  const errors = { ...result.errors, ...(issues.length > 0 ? { answers: answerErrors } : {}) };
  return { values: {}, errors: errors as FieldErrors<HouseholdVisitFormValues> };
};
