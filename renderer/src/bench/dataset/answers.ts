import { allQuestions, conditionHolds } from '../../../../shared/questionnaires/questionnaireEngine';
import type { Answers, Question, Questionnaire } from '../../../../shared/questionnaires/questionnaireSchema';
import { addDays, type Random } from './seededRandom';

const phrases = [
  'Familja kërkon ndihmë për dokumente.',
  'Porodica traži pomoć oko dokumenata.',
  'Породица чека одлуку о имовини.',
  'Shtëpia ka nevojë për riparim para dimrit.',
  'Deca ne idu u školu zbog udaljenosti.',
  'Nuk ka incidente të reja që nga vizita e fundit.',
];

function answerFor(question: Question, visitDate: string, random: Random): Answers[string] {
  const choices = question.choices?.map((c) => c.value) ?? [];
  switch (question.type) {
    case 'yesNo':
      return random.chance(0.3);
    case 'singleChoice':
      return random.pick(choices);
    case 'multipleChoice': {
      const picked = random.some(choices, 0.25);
      return picked.length > 0 ? picked : [random.pick(choices)];
    }
    case 'number': {
      const min = question.min ?? 0;
      const max = Math.min(question.max ?? 10, min + (question.id === 'monthlyIncome' ? 900 : 6));
      return random.int(min, max);
    }
    case 'date':
      return addDays(visitDate, -random.int(0, 700));
    case 'text':
      return random.pick(phrases);
  }
}

/**
 * Answers a monitor could have given on a visit: every shown required question, most optional
 * ones, following the questionnaire's conditions, dates on or before the visit.
 */
export function answersFor(questionnaire: Questionnaire, visitDate: string, random: Random): Answers {
  const answers: Answers = {};
  const shown = new Set<string>();
  for (const question of allQuestions(questionnaire)) {
    const visible =
      !question.showIf || (shown.has(question.showIf.question) && conditionHolds(question.showIf, answers));
    if (!visible) continue;
    shown.add(question.id);
    if (question.required || random.chance(0.6))
      answers[question.id] = answerFor(question, visitDate, random);
  }
  return answers;
}
