import { useId } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { needCategories } from '../../../../shared/visits/shelterVisitSchema';
import { FieldError } from '../../components/FieldError';
import { FormField } from '../../components/FormField';

interface VisitFindings {
  observations: string;
  needsIdentified: string[];
  followUpActions: string;
}

/** Protection observations, needs identified and follow-up actions: the end of every visit form. */
export function VisitFindingsFields({ observationsHint }: { observationsHint?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const {
    register,
    formState: { errors },
  } = useFormContext<VisitFindings>();
  return (
    <>
      <FormField
        label={t('visits.form.observations')}
        hint={observationsHint ?? t('visits.form.observationsHint')}
        error={errors.observations?.message}
        className="wide"
      >
        {(p) => <textarea {...p} rows={4} {...register('observations')} />}
      </FormField>
      <fieldset
        className="wide checkbox-grid"
        aria-describedby={errors.needsIdentified ? `${id}-error` : undefined}
      >
        <legend>{t('visits.form.needsIdentified')}</legend>
        {needCategories.map((need) => (
          <label key={need}>
            <input type="checkbox" value={need} {...register('needsIdentified')} />{' '}
            {t(`visits.needs.${need}`)}
          </label>
        ))}
        <FieldError id={`${id}-error`} message={errors.needsIdentified?.message} />
      </fieldset>
      <FormField
        label={t('visits.form.followUpActions')}
        error={errors.followUpActions?.message}
        className="wide"
      >
        {(p) => <textarea {...p} rows={3} {...register('followUpActions')} />}
      </FormField>
    </>
  );
}
