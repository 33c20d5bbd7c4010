import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  managingAuthorities,
  shelterInputSchema,
  shelterStatuses,
  type ShelterFormValues,
  type ShelterInput,
} from '../../../../shared/shelters/shelterSchema';
import { FormField } from '../../components/FormField';
import { useMunicipalityOptions } from '../../hooks/useReferenceNames';
import { DraftNotice } from '../drafts/DraftNotice';
import { useFormDraft, type FormDraft } from '../drafts/useFormDraft';

interface ShelterFormProps {
  initial: ShelterFormValues;
  /** `shelter:new` or `shelter:<id>`: where the unfinished form is autosaved. */
  draftKey: string;
  /** Saves; on success clears the draft before leaving the form. */
  onSubmit: (values: ShelterInput, draft: FormDraft) => Promise<void>;
  onCancel: () => void;
}

export const emptyShelter: ShelterFormValues = {
  name: '',
  municipality: '' as ShelterFormValues['municipality'],
  settlement: '',
  address: '',
  managingAuthority: 'municipality',
  capacity: 0,
  residents: 0,
  status: 'open',
  contactPerson: '',
  contactPhone: '',
  notes: '',
};

/** Validated with the same shared schema the repository applies again on write. */
export function ShelterForm({ initial, draftKey, onSubmit, onCancel }: ShelterFormProps) {
  const { t } = useTranslation();
  const municipalities = useMunicipalityOptions();
  const form = useForm<ShelterFormValues, unknown, ShelterInput>({
    resolver: zodResolver(shelterInputSchema),
    defaultValues: initial,
  });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting, submitCount },
  } = form;
  const draft = useFormDraft(draftKey, 'shelter', form);
  const req = { required: true, requiredLabel: t('shelterForm.required') };
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <>
      <DraftNotice draft={draft} />
      <form
        className="record-form"
        noValidate
        onSubmit={handleSubmit((values) => onSubmit(values, draft))}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
        }}
      >
        {hasErrors && submitCount > 0 && (
          <p className="form-error" role="alert">
            {t('shelterForm.errorSummary')}
          </p>
        )}
        <FormField label={t('shelterForm.name')} error={errors.name?.message} className="wide" {...req}>
          {(p) => <input {...p} {...register('name')} autoFocus autoComplete="off" />}
        </FormField>
        <FormField label={t('shelterForm.municipality')} error={errors.municipality?.message} {...req}>
          {(p) => (
            <select {...p} {...register('municipality')}>
              <option value="">{t('shelterForm.chooseMunicipality')}</option>
              {municipalities.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('shelterForm.settlement')} error={errors.settlement?.message}>
          {(p) => <input {...p} {...register('settlement')} autoComplete="off" />}
        </FormField>
        <FormField label={t('shelterForm.address')} error={errors.address?.message} className="wide">
          {(p) => <input {...p} {...register('address')} autoComplete="off" />}
        </FormField>
        <FormField label={t('shelterForm.managingAuthority')} error={errors.managingAuthority?.message} {...req}>
          {(p) => (
            <select {...p} {...register('managingAuthority')}>
              {managingAuthorities.map((a) => (
                <option key={a} value={a}>
                  {t(`managingAuthority.${a}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('shelterForm.status')} error={errors.status?.message} {...req}>
          {(p) => (
            <select {...p} {...register('status')}>
              {shelterStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`shelterStatus.${s}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('shelterForm.capacity')} error={errors.capacity?.message} {...req}>
          {(p) => <input {...p} type="number" inputMode="numeric" min={0} {...register('capacity', { valueAsNumber: true })} />}
        </FormField>
        <FormField label={t('shelterForm.residents')} error={errors.residents?.message} {...req}>
          {(p) => <input {...p} type="number" inputMode="numeric" min={0} {...register('residents', { valueAsNumber: true })} />}
        </FormField>
        <FormField label={t('shelterForm.contactPerson')} error={errors.contactPerson?.message}>
          {(p) => <input {...p} {...register('contactPerson')} autoComplete="off" />}
        </FormField>
        <FormField label={t('shelterForm.contactPhone')} error={errors.contactPhone?.message}>
          {(p) => <input {...p} type="tel" {...register('contactPhone')} autoComplete="off" />}
        </FormField>
        <FormField
          label={t('shelterForm.notes')}
          hint={t('shelterForm.notesHint')}
          error={errors.notes?.message}
          className="wide"
        >
          {(p) => <textarea {...p} rows={4} {...register('notes')} />}
        </FormField>
        <div className="actions wide">
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </>
  );
}
