import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  referralServices,
  referralUrgencies,
  type ReferralFormValues,
  type ReferralInput,
} from '../../../../shared/referrals/referralSchema';
import { localToday } from '../../../../shared/validation/fields';
import { FormField } from '../../components/FormField';
import type { Member } from '../../db/repositories/householdRepository';
import { referralWriteSchema } from '../../db/repositories/referralRepository';
import { DraftNotice } from '../drafts/DraftNotice';
import { useFormDraft } from '../drafts/useFormDraft';
import { useOrganisationsOffering } from '../organisations/useOrganisations';

const schemaResolver = zodResolver(referralWriteSchema);
/** The shared schema's resolver, saying "required" (not "not a valid date") for an empty date. */
const referralResolver: Resolver<ReferralFormValues, unknown, ReferralInput> = async (
  values,
  context,
  options,
) => {
  const result = await schemaResolver(values, context, options);
  for (const field of ['referredOn', 'dueDate'] as const) {
    const error = result.errors[field];
    if (error && values[field] === '') error.message = 'validation.required';
  }
  return result;
};

interface ReferralFormProps {
  householdId: string;
  visitId: string;
  members: Member[];
  /** Resolves true once saved; the draft is then dropped. */
  onSubmit: (values: ReferralInput) => Promise<boolean>;
  onCancel: () => void;
}

/** Validated with the same schema the repository applies again on write. */
export function ReferralForm({ householdId, visitId, members, onSubmit, onCancel }: ReferralFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<ReferralFormValues, unknown, ReferralInput>({
    resolver: referralResolver,
    defaultValues: {
      householdId,
      visitId,
      personId: '',
      service: '' as ReferralFormValues['service'],
      organisationId: '',
      urgency: 'medium',
      referredOn: localToday(),
      dueDate: '',
      reason: '',
    },
  });
  const {
    register,
    handleSubmit,
    control,
    setValue,
    getValues,
    formState: { errors, isSubmitting, submitCount },
  } = form;
  const draft = useFormDraft(`referral:new:${householdId}`, 'referral', form);
  const service = useWatch({ control, name: 'service' });
  const { data: organisations } = useOrganisationsOffering(service);

  // An organisation that does not offer the chosen service is dropped from the choice.
  useEffect(() => {
    const chosen = getValues('organisationId');
    if (organisations && chosen && !organisations.some((o) => o.id === chosen))
      setValue('organisationId', '');
  }, [organisations, getValues, setValue]);

  const submit = handleSubmit(async (values) => {
    if (await onSubmit(values)) await draft.clear();
  });
  const cancel = () => {
    void draft.clear();
    onCancel();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    const target = e.target as HTMLElement;
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    } else if (
      e.key === 'Enter' &&
      (target.tagName === 'SELECT' || (e.ctrlKey && target.tagName === 'TEXTAREA'))
    ) {
      // Enter saves from any field; in the reason box (several lines) it is Ctrl+Enter.
      e.preventDefault();
      formRef.current?.requestSubmit();
    }
  };
  const req = { required: true, requiredLabel: t('referrals.form.required') };
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <>
      <DraftNotice draft={draft} />
      <form ref={formRef} className="record-form" noValidate onSubmit={submit} onKeyDown={onKeyDown}>
        {hasErrors && submitCount > 0 && (
          <p className="form-error" role="alert">
            {t('referrals.form.errorSummary')}
          </p>
        )}
        <FormField label={t('referrals.form.person')} error={errors.personId?.message}>
          {(p) => (
            <select {...p} {...register('personId')} autoFocus>
              <option value="">{t('referrals.form.wholeHousehold')}</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.fullName}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('referrals.form.service')} error={errors.service?.message} {...req}>
          {(p) => (
            <select {...p} {...register('service')}>
              <option value="">{t('referrals.form.chooseService')}</option>
              {referralServices.map((s) => (
                <option key={s} value={s}>
                  {t(`referrals.service.${s}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          label={t('referrals.form.organisation')}
          hint={
            service
              ? t('referrals.form.organisationHint')
              : t('referrals.form.organisationChooseServiceFirst')
          }
          error={errors.organisationId?.message}
          {...req}
        >
          {(p) => (
            <select {...p} {...register('organisationId')}>
              <option value="">{t('referrals.form.chooseOrganisation')}</option>
              {organisations?.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('referrals.form.urgency')} error={errors.urgency?.message} {...req}>
          {(p) => (
            <select {...p} {...register('urgency')}>
              {referralUrgencies.map((u) => (
                <option key={u} value={u}>
                  {t(`referrals.urgency.${u}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('referrals.form.referredOn')} error={errors.referredOn?.message} {...req}>
          {(p) => <input {...p} type="date" max={localToday()} {...register('referredOn')} />}
        </FormField>
        <FormField label={t('referrals.form.dueDate')} error={errors.dueDate?.message} {...req}>
          {(p) => <input {...p} type="date" {...register('dueDate')} />}
        </FormField>
        <FormField
          label={t('referrals.form.reason')}
          hint={t('referrals.form.reasonHint', { shortcut: 'Ctrl+Enter' })}
          error={errors.reason?.message}
          className="wide"
        >
          {(p) => <textarea {...p} rows={3} {...register('reason')} />}
        </FormField>
        {service && organisations?.length === 0 && (
          <p className="wide hint">
            {t('referrals.form.noOrganisation')}{' '}
            <Link to="/settings">{t('referrals.form.openSettings')}</Link>
          </p>
        )}
        <div className="actions wide">
          <button type="button" onClick={cancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('referrals.form.save')}
          </button>
        </div>
      </form>
    </>
  );
}
