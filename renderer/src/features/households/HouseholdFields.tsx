import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { accommodationTypes, householdStatuses } from '../../../../shared/households/householdSchema';
import { FormField } from '../../components/FormField';
import { useMunicipalityOptions } from '../../hooks/useReferenceNames';
import { ChoiceGroup } from './ChoiceGroup';
import type { HouseholdEditValues } from './householdFormValues';
import { useFieldError } from './useFieldError';
import { useCommunities } from './useHouseholdReference';
import { useShelterOptions } from './useHouseholds';

/** Status, community and where the household lives now. */
export function HouseholdFields() {
  const { t } = useTranslation();
  const { register, control } = useFormContext<HouseholdEditValues>();
  const accommodation = useWatch({ control, name: 'household.accommodation' });
  const communities = useCommunities();
  const municipalities = useMunicipalityOptions();
  const { data: shelters } = useShelterOptions();
  const req = { required: true, requiredLabel: t('households.required') };
  const errors = {
    status: useFieldError('household.status'),
    community: useFieldError('household.community'),
    accommodation: useFieldError('household.accommodation'),
    shelterId: useFieldError('household.shelterId'),
    currentMunicipality: useFieldError('household.currentMunicipality'),
  };
  return (
    <fieldset className="form-section">
      <legend>{t('households.sections.household')}</legend>
      <ChoiceGroup
        legend={t('households.form.status')}
        type="radio"
        options={householdStatuses.map((s) => ({ value: s, label: t(`households.status.${s}`) }))}
        registration={register('household.status')}
        error={errors.status}
        requiredLabel={t('households.required')}
      />
      <FormField label={t('households.form.community')} error={errors.community} {...req}>
        {(p) => (
          <select {...p} {...register('household.community')}>
            <option value="">{t('households.choose')}</option>
            {communities.options.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('households.form.accommodation')} error={errors.accommodation} {...req}>
        {(p) => (
          <select {...p} {...register('household.accommodation')}>
            <option value="">{t('households.choose')}</option>
            {accommodationTypes.map((a) => (
              <option key={a} value={a}>
                {t(`households.accommodation.${a}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {accommodation === 'collectiveShelter' && (
        <FormField
          label={t('households.form.shelterId')}
          error={errors.shelterId}
          hint={shelters?.length === 0 ? t('households.form.noShelters') : undefined}
          {...req}
        >
          {(p) => (
            <select {...p} {...register('household.shelterId')}>
              <option value="">{t('households.choose')}</option>
              {shelters?.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <FormField label={t('households.form.currentMunicipality')} error={errors.currentMunicipality}>
        {(p) => (
          <select {...p} {...register('household.currentMunicipality')}>
            <option value="">{t('households.form.chooseMunicipality')}</option>
            {municipalities.map((m) => (
              <option key={m.code} value={m.code}>
                {m.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </fieldset>
  );
}
