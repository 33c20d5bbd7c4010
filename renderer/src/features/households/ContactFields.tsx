import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../components/FormField';
import type { HouseholdEditValues } from './householdFormValues';
import { useFieldError } from './useFieldError';

export function ContactFields() {
  const { t } = useTranslation();
  const { register } = useFormContext<HouseholdEditValues>();
  const errors = {
    address: useFieldError('household.address'),
    phone: useFieldError('household.phone'),
    notes: useFieldError('household.notes'),
  };
  return (
    <fieldset className="form-section">
      <legend>{t('households.sections.contact')}</legend>
      <FormField label={t('households.form.address')} error={errors.address} className="span-2">
        {(p) => <input {...p} autoComplete="off" {...register('household.address')} />}
      </FormField>
      <FormField label={t('households.form.phone')} error={errors.phone}>
        {(p) => <input {...p} type="tel" autoComplete="off" {...register('household.phone')} />}
      </FormField>
      <FormField
        label={t('households.form.notes')}
        hint={t('households.form.notesHint')}
        error={errors.notes}
        className="wide"
      >
        {(p) => <textarea {...p} rows={3} {...register('household.notes')} />}
      </FormField>
    </fieldset>
  );
}
