import { zodResolver } from '@hookform/resolvers/zod';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { localToday } from '../../../../shared/validation/fields';
import {
  shelterConditions,
  shelterVisitSchema,
  type ShelterVisitFormValues,
  type ShelterVisitInput,
} from '../../../../shared/visits/shelterVisitSchema';
import { DraftNotice } from '../drafts/DraftNotice';
import { useFormDraft } from '../drafts/useFormDraft';
import { ConditionsChecklist } from './ConditionsChecklist';
import { formKeys } from './formKeys';
import { KeyboardHint } from './KeyboardHint';
import { ResidentsMetFields } from './ResidentsMetFields';
import { VisitBasicsFields } from './VisitBasicsFields';
import { VisitFindingsFields } from './VisitFindingsFields';

export function emptyShelterVisit(shelterId: string, monitorName: string): ShelterVisitFormValues {
  return {
    shelterId,
    visitDate: localToday(),
    monitors: monitorName,
    residentsMet: {
      childrenFemale: 0,
      childrenMale: 0,
      adultsFemale: 0,
      adultsMale: 0,
      olderFemale: 0,
      olderMale: 0,
    },
    conditions: Object.fromEntries(
      shelterConditions.map((c) => [c, { rating: 'notAssessed', note: '' }]),
    ) as ShelterVisitFormValues['conditions'],
    observations: '',
    needsIdentified: [],
    followUpActions: '',
  };
}

interface ShelterVisitFormProps {
  initial: ShelterVisitFormValues;
  draftKey: string;
  /** Saves; calls clearDraft once saved, before leaving the form. */
  onSubmit: (values: ShelterVisitInput, clearDraft: () => Promise<void>) => Promise<void>;
  onCancel: () => void;
}

/** Validated with the shared schema the repository applies again on write; autosaved as a draft. */
export function ShelterVisitForm({ initial, draftKey, onSubmit, onCancel }: ShelterVisitFormProps) {
  const { t } = useTranslation();
  const form = useForm<ShelterVisitFormValues, unknown, ShelterVisitInput>({
    resolver: zodResolver(shelterVisitSchema),
    defaultValues: initial,
  });
  const draft = useFormDraft(draftKey, 'shelterVisit', form);
  const {
    handleSubmit,
    formState: { errors, isSubmitting, submitCount },
  } = form;
  const submit = handleSubmit((values) => onSubmit(values, draft.clear));

  return (
    <FormProvider {...form}>
      <DraftNotice draft={draft} />
      <form className="record-form visit-form" noValidate onSubmit={submit} onKeyDown={formKeys(onCancel)}>
        {Object.keys(errors).length > 0 && submitCount > 0 && (
          <p className="form-error" role="alert">
            {t('visits.form.errorSummary')}
          </p>
        )}
        <VisitBasicsFields />
        <ResidentsMetFields />
        <ConditionsChecklist />
        <VisitFindingsFields />
        <div className="actions wide">
          <KeyboardHint />
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
