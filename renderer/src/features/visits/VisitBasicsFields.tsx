import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { localToday } from '../../../../shared/validation/fields';
import { FormField } from '../../components/FormField';

interface VisitBasics {
  visitDate: string;
  monitors: string;
}

/** Date and monitors present: the first fields of every visit form. */
export function VisitBasicsFields() {
  const { t } = useTranslation();
  const {
    register,
    formState: { errors },
  } = useFormContext<VisitBasics>();
  const req = { required: true, requiredLabel: t('visits.form.required') };
  return (
    <>
      <FormField label={t('visits.form.visitDate')} error={errors.visitDate?.message} {...req}>
        {(p) => <input {...p} type="date" max={localToday()} {...register('visitDate')} />}
      </FormField>
      <FormField
        label={t('visits.form.monitors')}
        hint={t('visits.form.monitorsHint')}
        error={errors.monitors?.message}
        {...req}
      >
        {(p) => <input {...p} {...register('monitors')} autoComplete="off" />}
      </FormField>
    </>
  );
}
