import { useTranslation } from 'react-i18next';
import { visibleQuestions } from '../../../../shared/questionnaires/questionnaireEngine';
import type { Answers, AnswerValue, Question } from '../../../../shared/questionnaires/questionnaireSchema';
import { questionnaires, type QuestionnaireRegistry } from '../../../../shared/questionnaires/registry';
import { useAppLanguage } from '../../hooks/useAppLanguage';
import { localDate } from '../../../../shared/validation/fields';
import { localized } from './localizedText';

interface VisitAnswersProps {
  visit: { questionnaireId: string; questionnaireVersion: number; answers: Answers };
  /** The installed questionnaires; the app's own registry unless a test gives another. */
  registry?: QuestionnaireRegistry;
}

/**
 * A visit's answers, shown with the questions of the very questionnaire version the visit was
 * made with (labels in the current UI language), never with a later version's.
 */
export function VisitAnswers({ visit, registry = questionnaires }: VisitAnswersProps) {
  const { t } = useTranslation();
  const language = useAppLanguage();
  const questionnaire = registry.questionnaireVersion(visit.questionnaireId, visit.questionnaireVersion);

  const format = (question: Question, value: AnswerValue | undefined): string => {
    if (
      value === undefined ||
      value === null ||
      value === '' ||
      (Array.isArray(value) && value.length === 0)
    ) {
      return t('visits.notAnswered');
    }
    const choice = (v: string) => {
      const found = question.choices?.find((c) => c.value === v);
      return found ? localized(found.label, language) : v;
    };
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (Array.isArray(value)) return value.map(choice).join(', ');
    if (question.type === 'singleChoice') return choice(String(value));
    if (question.type === 'number' && typeof value === 'number') return t('format.number', { value });
    if (question.type === 'date' && typeof value === 'string')
      return t('format.date', { value: localDate(value) });
    return String(value);
  };

  if (!questionnaire) {
    // A visit from a newer version of the app: its answers are kept and shown as they are.
    return (
      <div className="visit-answers">
        <p role="alert">
          {t('visits.questionnaireNotInstalled', {
            id: visit.questionnaireId,
            version: visit.questionnaireVersion,
          })}
        </p>
        <dl className="details">
          {Object.entries(visit.answers).map(([id, value]) => (
            <div key={id}>
              <dt>{id}</dt>
              <dd>{Array.isArray(value) ? value.join(', ') : String(value)}</dd>
            </div>
          ))}
        </dl>
      </div>
    );
  }

  const visible = new Set(visibleQuestions(questionnaire, visit.answers).map((q) => q.id));
  return (
    <div className="visit-answers">
      {questionnaire.sections.map((section) => {
        const questions = section.questions.filter((q) => visible.has(q.id));
        if (questions.length === 0) return null;
        return (
          <section key={section.id} aria-labelledby={`answers-${section.id}`}>
            <h3 id={`answers-${section.id}`}>{localized(section.title, language)}</h3>
            <dl className="answers">
              {questions.map((q) => {
                const value = visit.answers[q.id];
                return (
                  <div key={q.id} className={value === undefined ? 'unanswered' : undefined}>
                    <dt>{localized(q.label, language)}</dt>
                    <dd>{format(q, value)}</dd>
                  </div>
                );
              })}
            </dl>
          </section>
        );
      })}
    </div>
  );
}
