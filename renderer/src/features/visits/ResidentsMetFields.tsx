import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ShelterVisitFormValues } from '../../../../shared/visits/shelterVisitSchema';
import { FieldError } from '../../components/FieldError';

export const ageGroups = ['children', 'adults', 'older'] as const;
export const sexes = ['Female', 'Male'] as const;
type ResidentKey = keyof ShelterVisitFormValues['residentsMet'];

/** Residents met, by age group (rows) and sex (columns), with the total as it is typed. */
export function ResidentsMetFields() {
  const { t } = useTranslation();
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<ShelterVisitFormValues>();
  const counts = useWatch({ control, name: 'residentsMet' });
  const total = Object.values(counts ?? {}).reduce<number>(
    (sum, n) => sum + (Number.isFinite(n) && n > 0 ? n : 0),
    0,
  );
  return (
    <fieldset className="wide residents-met">
      <legend>{t('visits.residents.legend')}</legend>
      <table>
        <thead>
          <tr>
            <td />
            {sexes.map((sex) => (
              <th key={sex} scope="col">
                {t(`visits.residents.sex${sex}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ageGroups.map((group) => (
            <tr key={group}>
              <th scope="row">{t(`visits.residents.${group}`)}</th>
              {sexes.map((sex) => {
                const key = `${group}${sex}` as ResidentKey;
                const error = errors.residentsMet?.[key]?.message;
                const errorId = `residents-${key}-error`;
                return (
                  <td key={sex}>
                    <input
                      type="number"
                      inputMode="numeric"
                      min={0}
                      aria-label={t(`visits.residents.${key}`)}
                      aria-invalid={Boolean(error)}
                      aria-describedby={error ? errorId : undefined}
                      {...register(`residentsMet.${key}`, { valueAsNumber: true })}
                    />
                    <FieldError id={errorId} message={error} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint" aria-live="polite">
        {t('visits.residents.total', { count: total })}
      </p>
    </fieldset>
  );
}
