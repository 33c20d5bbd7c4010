import { useId } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  conditionRatings,
  shelterConditions,
  type ShelterVisitFormValues,
} from '../../../../shared/visits/shelterVisitSchema';
import { FieldError } from '../../components/FieldError';

/** The collective-shelter checklist: a rating and a short note for each condition. */
export function ConditionsChecklist() {
  const { t } = useTranslation();
  const id = useId();
  const {
    register,
    formState: { errors },
  } = useFormContext<ShelterVisitFormValues>();
  return (
    <fieldset className="wide conditions-checklist">
      <legend>{t('visits.conditionsLegend')}</legend>
      {shelterConditions.map((condition) => {
        const labelId = `${id}-${condition}`;
        const error =
          errors.conditions?.[condition]?.rating?.message ?? errors.conditions?.[condition]?.note?.message;
        return (
          <div key={condition} className="condition-row">
            <span id={labelId} className="condition-name">
              {t(`visits.conditions.${condition}`)}
            </span>
            <div role="radiogroup" aria-labelledby={labelId} className="ratings">
              {conditionRatings.map((rating) => (
                <label key={rating} className={`rating rating-${rating}`}>
                  <input type="radio" value={rating} {...register(`conditions.${condition}.rating`)} />{' '}
                  {t(`visits.ratings.${rating}`)}
                </label>
              ))}
            </div>
            <input
              className="condition-note"
              aria-label={t('visits.conditionNote', { condition: t(`visits.conditions.${condition}`) })}
              placeholder={t('visits.conditionNotePlaceholder')}
              autoComplete="off"
              {...register(`conditions.${condition}.note`)}
            />
            <FieldError id={`${labelId}-error`} message={error} />
          </div>
        );
      })}
    </fieldset>
  );
}
