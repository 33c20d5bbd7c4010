import type { Answers, AnswerValue, Condition, Question, Questionnaire } from './questionnaireSchema';

export const allQuestions = (q: Questionnaire): Question[] => q.sections.flatMap((s) => s.questions);

const isEmpty = (v: AnswerValue | undefined) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

export function conditionHolds(condition: Condition, answers: Answers): boolean {
  const value = answers[condition.question];
  if (condition.anyOf) {
    return Array.isArray(value)
      ? value.some((v) => condition.anyOf!.includes(v))
      : typeof value === 'string' && condition.anyOf.includes(value);
  }
  if (Array.isArray(value)) return typeof condition.equals === 'string' && value.includes(condition.equals);
  return value === condition.equals;
}

/** The questions shown for these answers; a hidden question's own dependants are hidden too. */
export function visibleQuestions(q: Questionnaire, answers: Answers): Question[] {
  const visible = new Set<string>();
  const result: Question[] = [];
  for (const question of allQuestions(q)) {
    const show =
      !question.showIf || (visible.has(question.showIf.question) && conditionHolds(question.showIf, answers));
    if (show) {
      visible.add(question.id);
      result.push(question);
    }
  }
  return result;
}

/** Answers to hidden questions are dropped before saving, so nothing stale is kept. */
export function pruneHiddenAnswers(q: Questionnaire, answers: Answers): Answers {
  const ids = new Set(visibleQuestions(q, answers).map((x) => x.id));
  return Object.fromEntries(Object.entries(answers).filter(([id, v]) => ids.has(id) && !isEmpty(v)));
}

export type AnswerIssue = { questionId: string; message: string };

/** Checks answers against the definition; messages are i18n keys. */
export function validateAnswers(q: Questionnaire, answers: Answers, today: string): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const visible = visibleQuestions(q, answers);
  const known = new Set(allQuestions(q).map((x) => x.id));
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) issues.push({ questionId: id, message: 'validation.unknownQuestion' });
  }
  for (const question of visible) {
    const value = answers[question.id];
    if (isEmpty(value)) {
      if (question.required) issues.push({ questionId: question.id, message: 'validation.required' });
      continue;
    }
    const problem = typeProblem(question, value as Exclude<AnswerValue, null>, today);
    if (problem) issues.push({ questionId: question.id, message: problem });
  }
  return issues;
}

function typeProblem(question: Question, value: Exclude<AnswerValue, null>, today: string): string | null {
  const choiceValues = new Set(question.choices?.map((c) => c.value));
  switch (question.type) {
    case 'yesNo':
      return typeof value === 'boolean' ? null : 'validation.invalid';
    case 'singleChoice':
      return typeof value === 'string' && choiceValues.has(value) ? null : 'validation.choose';
    case 'multipleChoice':
      return Array.isArray(value) && value.every((v) => choiceValues.has(v)) ? null : 'validation.choose';
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'validation.number';
      if (question.min !== undefined && value < question.min) return 'validation.notNegative';
      if (question.max !== undefined && value > question.max) return 'validation.tooLarge';
      return null;
    case 'date':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'validation.date';
      return value > today ? 'validation.dateInFuture' : null;
    case 'text':
      return typeof value === 'string' && value.length <= 4000 ? null : 'validation.tooLong';
  }
}
