import { useFormContext, useWatch } from 'react-hook-form';
import { visibleQuestions } from '../../../../shared/questionnaires/questionnaireEngine';
import type { Answers, Questionnaire } from '../../../../shared/questionnaires/questionnaireSchema';
import { useAppLanguage } from '../../hooks/useAppLanguage';
import { localized } from './localizedText';
import { QuestionField } from './QuestionField';

/**
 * Runs a questionnaire inside a react-hook-form form: the questions shown follow the answers as
 * they are given, so a follow-up question appears with "yes" and goes away with "no". A hidden
 * question keeps its answer in the form (in case it comes back); the save drops it.
 */
export function QuestionnaireRunner({ questionnaire }: { questionnaire: Questionnaire }) {
  const language = useAppLanguage();
  const { control } = useFormContext<{ answers: Answers }>();
  const answers = useWatch({ control, name: 'answers' });
  const visible = new Set(visibleQuestions(questionnaire, answers ?? {}).map((q) => q.id));
  return (
    <div className="wide questionnaire">
      {questionnaire.sections.map((section) => {
        const questions = section.questions.filter((q) => visible.has(q.id));
        if (questions.length === 0) return null;
        return (
          <section
            key={section.id}
            aria-labelledby={`q-section-${section.id}`}
            className="questionnaire-section"
          >
            <h3 id={`q-section-${section.id}`}>{localized(section.title, language)}</h3>
            {questions.map((question) => (
              <QuestionField key={question.id} question={question} />
            ))}
          </section>
        );
      })}
    </div>
  );
}
