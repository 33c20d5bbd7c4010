import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  consentScopes,
  consentStatuses,
  notObtainedReasons,
} from '../../../../shared/households/consentSchema';
import { localToday } from '../../../../shared/validation/fields';
import { FormField } from '../../components/FormField';
import { ChoiceGroup } from './ChoiceGroup';
import type { HouseholdEditValues } from './householdFormValues';
import { useFieldError } from './useFieldError';

/** Informed consent: first in the form, and nothing personal is saved without it. */
export function ConsentFields() {
  const { t } = useTranslation();
  const { register, control } = useFormContext<HouseholdEditValues>();
  const status = useWatch({ control, name: 'household.consent.status' });
  const req = { required: true, requiredLabel: t('households.required') };
  const errors = {
    status: useFieldError('household.consent.status'),
    date: useFieldError('household.consent.date'),
    recordedBy: useFieldError('household.consent.recordedBy'),
    scopes: useFieldError('household.consent.scopes'),
    reason: useFieldError('household.consent.notObtainedReason'),
    withdrawnOn: useFieldError('household.consent.withdrawnOn'),
    notes: useFieldError('household.consent.notes'),
  };
  return (
    <fieldset className="form-section consent-section">
      <legend>{t('households.sections.consent')}</legend>
      <p className="hint wide">{t('households.consentForm.intro')}</p>
      <ChoiceGroup
        className="wide"
        legend={t('households.consentForm.status')}
        type="radio"
        options={consentStatuses.map((s) => ({ value: s, label: t(`households.consentStatus.${s}`) }))}
        registration={register('household.consent.status')}
        error={errors.status}
        requiredLabel={t('households.required')}
      />
      <FormField label={t('households.consentForm.date')} error={errors.date} {...req}>
        {(p) => <input {...p} type="date" max={localToday()} {...register('household.consent.date')} />}
      </FormField>
      <FormField label={t('households.consentForm.recordedBy')} error={errors.recordedBy} {...req}>
        {(p) => <input {...p} autoComplete="off" {...register('household.consent.recordedBy')} />}
      </FormField>
      {status === 'withdrawn' && (
        <FormField label={t('households.consentForm.withdrawnOn')} error={errors.withdrawnOn} {...req}>
          {(p) => (
            <input {...p} type="date" max={localToday()} {...register('household.consent.withdrawnOn')} />
          )}
        </FormField>
      )}
      {(status === 'given' || status === 'withdrawn') && (
        <ChoiceGroup
          className="wide"
          legend={t('households.consentForm.scopes')}
          type="checkbox"
          options={consentScopes.map((s) => ({ value: s, label: t(`households.consentScope.${s}`) }))}
          registration={register('household.consent.scopes')}
          error={errors.scopes}
        />
      )}
      {status === 'notObtained' && (
        <FormField label={t('households.consentForm.notObtainedReason')} error={errors.reason} {...req}>
          {(p) => (
            <select {...p} {...register('household.consent.notObtainedReason')}>
              <option value="">{t('households.choose')}</option>
              {notObtainedReasons.map((r) => (
                <option key={r} value={r}>
                  {t(`households.notObtainedReason.${r}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <FormField label={t('households.consentForm.notes')} error={errors.notes} className="wide">
        {(p) => <textarea {...p} rows={2} {...register('household.consent.notes')} />}
      </FormField>
    </fieldset>
  );
}
