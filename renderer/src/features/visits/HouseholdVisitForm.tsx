import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { questionnaireVersion } from '../../../../shared/questionnaires/registry';
import type { HouseholdVisitInput } from '../../../../shared/visits/householdVisitSchema';
import { useAppLanguage } from '../../hooks/useAppLanguage';
import { useFormDraft } from '../drafts/useFormDraft';
import { householdVisitResolver, type HouseholdVisitFormValues } from './householdVisitResolver';
import { localized } from './localizedText';
import { QuestionnairePicker } from './QuestionnairePicker';
import { QuestionnaireRunner } from './QuestionnaireRunner';
import { VisitBasicsFields } from './VisitBasicsFields';
import { VisitFindingsFields } from './VisitFindingsFields';
import { VisitFormFrame } from './VisitFormFrame';

interface HouseholdVisitFormProps {
  initial: HouseholdVisitFormValues;
  draftKey: string;
  /** An existing visit keeps the questionnaire version it was made with. */
  questionnaireFixed: boolean;
  /** Saves; calls clearDraft once saved, before leaving the form. */
  onSubmit: (values: HouseholdVisitInput, clearDraft: () => Promise<void>) => Promise<void>;
  onCancel: () => void;
}

/** A monitoring visit to a household: date and monitors, the questionnaire, the findings. */
export function HouseholdVisitForm({
  initial,
  draftKey,
  questionnaireFixed,
  onSubmit,
  onCancel,
}: HouseholdVisitFormProps) {
  const { t } = useTranslation();
  const language = useAppLanguage();
  const form = useForm<HouseholdVisitFormValues, unknown, HouseholdVisitInput>({
    resolver: householdVisitResolver,
    defaultValues: initial,
  });
  const draft = useFormDraft(draftKey, 'householdVisit', form);
  const { control } = form;
  const [questionnaireId, version] = useWatch({ control, name: ['questionnaireId', 'questionnaireVersion'] });
  const questionnaire = questionnaireVersion(questionnaireId, version);

  return (
    <VisitFormFrame
      form={form}
      draft={draft}
      onSubmit={onSubmit}
      onCancel={onCancel}
      canSave={Boolean(questionnaire)}
    >
      <VisitBasicsFields />
      {questionnaireFixed ? (
        <p className="wide summary">
          {questionnaire &&
            t('visits.questionnaireWithVersion', {
              title: localized(questionnaire.title, language),
              version,
            })}
        </p>
      ) : (
        <QuestionnairePicker />
      )}
      {questionnaire ? (
        <QuestionnaireRunner questionnaire={questionnaire} />
      ) : (
        <p className="wide form-error" role="alert">
          {t('visits.questionnaireMissing')}
        </p>
      )}
      <h2 className="wide">{t('visits.findings')}</h2>
      <VisitFindingsFields />
    </VisitFormFrame>
  );
}
