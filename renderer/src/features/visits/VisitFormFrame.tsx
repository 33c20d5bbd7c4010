import type { ReactNode } from 'react';
import { FormProvider, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DraftNotice } from '../drafts/DraftNotice';
import type { FormDraft } from '../drafts/useFormDraft';
import { formKeys } from './formKeys';
import { KeyboardHint } from './KeyboardHint';

interface VisitFormFrameProps<Values extends FieldValues, Input> {
  form: UseFormReturn<Values, unknown, Input>;
  draft: FormDraft;
  /** Saves; calls clearDraft once saved, before leaving the form. */
  onSubmit: (values: Input, clearDraft: () => Promise<void>) => Promise<void>;
  onCancel: () => void;
  /** False while the form cannot be saved at all (a household visit without its questionnaire). */
  canSave?: boolean;
  /** The fields. */
  children: ReactNode;
}

/** What every visit form has around its fields: the draft notice, the error summary, cancel and save. */
export function VisitFormFrame<Values extends FieldValues, Input>({
  form,
  draft,
  onSubmit,
  onCancel,
  canSave = true,
  children,
}: VisitFormFrameProps<Values, Input>) {
  const { t } = useTranslation();
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
        {children}
        <div className="actions wide">
          <KeyboardHint />
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={isSubmitting || !canSave}>
            {isSubmitting ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
