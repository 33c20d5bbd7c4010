import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  organisationSchema,
  referralServices,
  type OrganisationInput,
} from '../../../../shared/referrals/referralSchema';
import { FieldError } from '../../components/FieldError';
import { FormField } from '../../components/FormField';

export type OrganisationFormValues = z.input<typeof organisationSchema>;
export const emptyOrganisation: OrganisationFormValues = {
  name: '',
  services: [],
  contact: '',
  active: true,
};

interface OrganisationFormProps {
  initial: OrganisationFormValues;
  title: string;
  onSubmit: (values: OrganisationInput) => Promise<void>;
  onCancel: () => void;
}

/** Name, services offered (checkboxes) and contact. Enter saves, Escape cancels. */
export function OrganisationForm({ initial, title, onSubmit, onCancel }: OrganisationFormProps) {
  const { t } = useTranslation();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<OrganisationFormValues, unknown, OrganisationInput>({
    resolver: zodResolver(organisationSchema),
    defaultValues: initial,
  });
  return (
    <form
      className="record-form organisation-form"
      noValidate
      aria-label={title}
      onSubmit={handleSubmit(onSubmit)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
        if (e.key === 'Enter' && (e.target as HTMLInputElement).type === 'checkbox') {
          e.preventDefault();
          e.currentTarget.requestSubmit();
        }
      }}
    >
      <h3 className="wide">{title}</h3>
      <FormField
        label={t('organisations.form.name')}
        error={errors.name?.message}
        className="wide"
        required
        requiredLabel={t('referrals.form.required')}
      >
        {(p) => <input {...p} {...register('name')} autoFocus autoComplete="off" />}
      </FormField>
      <fieldset
        className="wide services-fieldset"
        aria-describedby={errors.services ? 'organisation-services-error' : undefined}
      >
        <legend>{t('organisations.form.services')}</legend>
        <div className="checkbox-grid">
          {referralServices.map((s) => (
            <label key={s} className="checkbox">
              <input type="checkbox" value={s} {...register('services')} />
              <span>{t(`referrals.service.${s}`)}</span>
            </label>
          ))}
        </div>
        <FieldError id="organisation-services-error" message={errors.services?.message} />
      </fieldset>
      <FormField
        label={t('organisations.form.contact')}
        hint={t('organisations.form.contactHint')}
        error={errors.contact?.message}
        className="wide"
      >
        {(p) => <input {...p} {...register('contact')} autoComplete="off" />}
      </FormField>
      <div className="actions wide">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={isSubmitting}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
