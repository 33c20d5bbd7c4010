import type { AnswerValue, Question, Questionnaire } from '../questionnaires/questionnaireSchema';
import type { QuestionnaireRegistry } from '../questionnaires/registry';
import type { ReferenceLanguage } from '../reference/municipalities';
import type { HouseholdVisitRecord } from '../visits/householdVisitSchema';
import type { Cell, ExportColumn } from './exportTypes';
import { LIST_SEPARATOR } from './recordColumns';

/**
 * The answers of a household visit, one column per question: for each installed questionnaire,
 * every question any of its versions asks, in the order of the latest version (questions that
 * only older versions asked follow). A visit fills the columns of its own questionnaire; an
 * answer a question of the visit's version did not ask stays empty, as it was never asked.
 *
 * The columns come from the registry, not from the visits, so the header is known before the
 * first row is read and is the same in every export of one app version. Headers are
 * `<questionnaire>.<question>: <label in the export's language>`; answers are codes (choice
 * values, true/false, numbers, dates), lists joined with "; ". Answers to text questions are
 * free text and count as personal: pseudonymisation leaves them out.
 */
interface QuestionSlot {
  questionnaireId: string;
  question: Question;
}

const questionsOf = (q: Questionnaire) => q.sections.flatMap((s) => s.questions);

function questionSlots(registry: QuestionnaireRegistry): QuestionSlot[] {
  const ids = [...new Set(registry.all().map((q) => q.id))];
  return ids.flatMap((questionnaireId) => {
    // Newest version first: its wording and order win.
    const versions = registry
      .all()
      .filter((q) => q.id === questionnaireId)
      .sort((a, b) => b.version - a.version);
    const seen = new Map<string, Question>();
    for (const version of versions)
      for (const question of questionsOf(version)) if (!seen.has(question.id)) seen.set(question.id, question);
    return [...seen.values()].map((question) => ({ questionnaireId, question }));
  });
}

export function answerCell(value: AnswerValue | undefined): Cell {
  if (value === undefined || value === null || value === '') return null;
  if (Array.isArray(value)) return value.length ? value.join(LIST_SEPARATOR) : null;
  return value;
}

export function questionColumns(
  registry: QuestionnaireRegistry,
  language: ReferenceLanguage,
): ExportColumn<HouseholdVisitRecord>[] {
  // Which question ids each stored version asked, so an answer outside its version never shows.
  const asked = new Map(
    registry.all().map((q) => [`${q.id}@${q.version}`, new Set(questionsOf(q).map((x) => x.id))] as const),
  );
  return questionSlots(registry).map(({ questionnaireId, question }) => ({
    id: `answer.${questionnaireId}.${question.id}`,
    header: { text: `${questionnaireId}.${question.id}: ${question.label[language]}` },
    kind: question.type === 'text' ? 'personal' : 'data',
    from: 'answers',
    value: (visit) => {
      if (visit.questionnaireId !== questionnaireId) return null;
      const questions = asked.get(`${visit.questionnaireId}@${visit.questionnaireVersion}`);
      // A version this build does not have: export what was stored rather than nothing.
      if (questions && !questions.has(question.id)) return null;
      return answerCell(visit.answers[question.id]);
    },
  }));
}
