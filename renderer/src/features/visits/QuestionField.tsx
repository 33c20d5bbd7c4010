import { useId } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AnswerValue, Question } from '../../../../shared/questionnaires/questionnaireSchema';
import { localToday } from '../../../../shared/validation/fields';
import { FieldError } from '../../components/FieldError';
import { useAppLanguage } from '../../hooks/useAppLanguage';
import { localized } from './localizedText';

/** Choice lists longer than this are a drop-down instead of radio buttons. */
const MAX_RADIO_CHOICES = 6;

interface AnswersForm {
  answers: Record<string, AnswerValue>;
}

/** One question of a questionnaire as the control its type calls for, with its label and message. */
export function QuestionField({ question }: { question: Question }) {
  const { t } = useTranslation();
  const language = useAppLanguage();
  const id = useId();
  const { control } = useFormContext<AnswersForm>();
  const { field, fieldState } = useController({ control, name: `answers.${question.id}` });
  const value = field.value;
  const error = fieldState.error?.message;
  const errorId = `${id}-error`;
  const label = (
    <>
      {localized(question.label, language)}
      {question.required && <span className="required"> ({t('visits.form.required')})</span>}
    </>
  );
  const a11y = { 'aria-invalid': Boolean(error), 'aria-describedby': error ? errorId : undefined };
  const choices = question.choices ?? [];
  // A follow-up question is set in, under the answer that brought it up.
  const className = question.showIf ? 'question follow-up' : 'question';

  if (
    question.type === 'yesNo' ||
    (question.type === 'singleChoice' && choices.length <= MAX_RADIO_CHOICES)
  ) {
    const options =
      question.type === 'yesNo'
        ? [
            { value: true, label: t('common.yes') },
            { value: false, label: t('common.no') },
          ]
        : choices.map((c) => ({ value: c.value, label: localized(c.label, language) }));
    return (
      <fieldset className={className} {...a11y}>
        <legend>{label}</legend>
        <div className="choices">
          {options.map((option, index) => (
            <label key={String(option.value)}>
              <input
                type="radio"
                name={field.name}
                ref={index === 0 ? field.ref : undefined}
                checked={value === option.value}
                onChange={() => field.onChange(option.value)}
                onBlur={field.onBlur}
              />{' '}
              {option.label}
            </label>
          ))}
        </div>
        <FieldError id={errorId} message={error} />
      </fieldset>
    );
  }

  if (question.type === 'multipleChoice') {
    const selected = Array.isArray(value) ? value : [];
    const toggle = (choice: string, on: boolean) =>
      field.onChange(on ? [...selected, choice] : selected.filter((v) => v !== choice));
    return (
      <fieldset className={className} {...a11y}>
        <legend>{label}</legend>
        <div className="choices">
          {choices.map((choice, index) => (
            <label key={choice.value}>
              <input
                type="checkbox"
                ref={index === 0 ? field.ref : undefined}
                checked={selected.includes(choice.value)}
                onChange={(e) => toggle(choice.value, e.target.checked)}
                onBlur={field.onBlur}
              />{' '}
              {localized(choice.label, language)}
            </label>
          ))}
        </div>
        <FieldError id={errorId} message={error} />
      </fieldset>
    );
  }

  const text = value === null || value === undefined ? '' : String(value);
  const common = {
    id,
    name: field.name,
    ref: field.ref,
    onBlur: field.onBlur,
    ...a11y,
    'aria-required': question.required,
  };
  return (
    <div className={`${className} field`}>
      <label htmlFor={id}>{label}</label>
      {question.type === 'singleChoice' && (
        <select {...common} value={text} onChange={(e) => field.onChange(e.target.value || null)}>
          <option value="">{t('visits.runner.choose')}</option>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {localized(choice.label, language)}
            </option>
          ))}
        </select>
      )}
      {question.type === 'number' && (
        // Kept as typed; turned into a number (or refused) when the form is checked.
        <input
          {...common}
          type="number"
          inputMode="numeric"
          min={question.min}
          max={question.max}
          value={text}
          onChange={(e) => field.onChange(e.target.value)}
        />
      )}
      {question.type === 'date' && (
        <input
          {...common}
          type="date"
          max={localToday()}
          value={text}
          onChange={(e) => field.onChange(e.target.value || null)}
        />
      )}
      {question.type === 'text' && (
        <textarea {...common} rows={2} value={text} onChange={(e) => field.onChange(e.target.value)} />
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}
