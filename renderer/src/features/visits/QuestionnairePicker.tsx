import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { availableQuestionnaires } from '../../../../shared/questionnaires/registry';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormField } from '../../components/FormField';
import { useAppLanguage } from '../../hooks/useAppLanguage';
import type { HouseholdVisitFormValues } from './householdVisitResolver';
import { localized } from './localizedText';

/**
 * Chooses the questionnaire of a new visit among the latest versions. Switching after answering
 * asks first, because the answers of one questionnaire do not carry over to another.
 */
export function QuestionnairePicker() {
  const { t } = useTranslation();
  const language = useAppLanguage();
  const { control, setValue, getValues } = useFormContext<HouseholdVisitFormValues>();
  const questionnaireId = useWatch({ control, name: 'questionnaireId' });
  const [pending, setPending] = useState<string | null>(null);
  const options = availableQuestionnaires();

  const apply = (id: string) => {
    const chosen = options.find((q) => q.id === id);
    if (!chosen) return;
    setValue('questionnaireId', chosen.id, { shouldDirty: true });
    setValue('questionnaireVersion', chosen.version, { shouldDirty: true });
    setValue('answers', {}, { shouldDirty: true });
  };
  const choose = (id: string) => {
    const answered = Object.values(getValues('answers') ?? {}).some(
      (v) => v !== null && v !== undefined && v !== '',
    );
    if (answered) setPending(id);
    else apply(id);
  };

  return (
    <>
      <FormField
        label={t('visits.form.questionnaire')}
        className="wide"
        required
        requiredLabel={t('visits.form.required')}
      >
        {(p) => (
          <select {...p} value={questionnaireId} onChange={(e) => choose(e.target.value)}>
            {options.map((q) => (
              <option key={q.id} value={q.id}>
                {t('visits.questionnaireWithVersion', {
                  title: localized(q.title, language),
                  version: q.version,
                })}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <ConfirmDialog
        open={pending !== null}
        title={t('visits.switchQuestionnaireTitle')}
        text={t('visits.switchQuestionnaireText')}
        confirmLabel={t('visits.switchQuestionnaire')}
        onConfirm={() => {
          if (pending) apply(pending);
          setPending(null);
        }}
        onCancel={() => setPending(null)}
      />
    </>
  );
}
