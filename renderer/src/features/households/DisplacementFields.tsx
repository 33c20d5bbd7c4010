import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { localToday } from '../../../../shared/validation/fields';
import { FormField } from '../../components/FormField';
import { useMunicipalityOptions } from '../../hooks/useReferenceNames';
import type { HouseholdEditValues } from './householdFormValues';
import { useFieldError } from './useFieldError';
import { usePlacesOfDisplacement } from './useHouseholdReference';

/** Where and when the household was displaced and, for returnees, where and when it returned. */
export function DisplacementFields() {
  const { t } = useTranslation();
  const { register, control } = useFormContext<HouseholdEditValues>();
  const status = useWatch({ control, name: 'household.status' });
  const places = usePlacesOfDisplacement();
  const municipalities = useMunicipalityOptions();
  const req = { required: true, requiredLabel: t('households.required') };
  const today = localToday();
  const errors = {
    place: useFieldError('household.placeOfDisplacement'),
    location: useFieldError('household.displacementLocation'),
    displacementDate: useFieldError('household.displacementDate'),
    returnDate: useFieldError('household.returnDate'),
    returnMunicipality: useFieldError('household.returnMunicipality'),
    returnSettlement: useFieldError('household.returnSettlement'),
  };
  return (
    <fieldset className="form-section">
      <legend>{t('households.sections.displacement')}</legend>
      <FormField label={t('households.form.placeOfDisplacement')} error={errors.place} {...req}>
        {(p) => (
          <select {...p} {...register('household.placeOfDisplacement')}>
            <option value="">{t('households.choose')}</option>
            {places.options.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('households.form.displacementLocation')} error={errors.location}>
        {(p) => <input {...p} autoComplete="off" {...register('household.displacementLocation')} />}
      </FormField>
      <FormField label={t('households.form.displacementDate')} error={errors.displacementDate}>
        {(p) => <input {...p} type="date" max={today} {...register('household.displacementDate')} />}
      </FormField>
      {status === 'returned' && (
        <>
          <FormField label={t('households.form.returnDate')} error={errors.returnDate}>
            {(p) => <input {...p} type="date" max={today} {...register('household.returnDate')} />}
          </FormField>
          <FormField
            label={t('households.form.returnMunicipality')}
            error={errors.returnMunicipality}
            {...req}
          >
            {(p) => (
              <select {...p} {...register('household.returnMunicipality')}>
                <option value="">{t('households.form.chooseMunicipality')}</option>
                {municipalities.map((m) => (
                  <option key={m.code} value={m.code}>
                    {m.label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('households.form.returnSettlement')} error={errors.returnSettlement}>
            {(p) => <input {...p} autoComplete="off" {...register('household.returnSettlement')} />}
          </FormField>
        </>
      )}
    </fieldset>
  );
}
