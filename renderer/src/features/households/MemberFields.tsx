import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  civilRegistrationStatuses,
  documentStatuses,
  relationships,
  sexes,
  specificNeeds,
  type PersonFormValues,
} from '../../../../shared/households/personSchema';
import { localToday } from '../../../../shared/validation/fields';
import { FormField } from '../../components/FormField';
import { ChoiceGroup } from './ChoiceGroup';
import { useFieldError } from './useFieldError';
import { useCommunities } from './useHouseholdReference';

/** The registration form holds `members.<n>`, the member dialog a single `member`. */
export type MemberPrefix = `members.${number}` | 'member';
type MemberForms = { members: PersonFormValues[]; member: PersonFormValues };

const toAge = (value: unknown) =>
  value === '' || value === null || value === undefined ? null : Number(value);

/** One person's fields: identity, documents, statelessness risk and specific needs. */
export function MemberFields({ prefix, autoFocus }: { prefix: MemberPrefix; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const { register } = useFormContext<MemberForms>();
  const communities = useCommunities();
  const req = { required: true, requiredLabel: t('households.required') };
  const error = {
    fullName: useFieldError(`${prefix}.fullName`),
    sex: useFieldError(`${prefix}.sex`),
    dateOfBirth: useFieldError(`${prefix}.dateOfBirth`),
    estimatedAge: useFieldError(`${prefix}.estimatedAge`),
    relationship: useFieldError(`${prefix}.relationship`),
    community: useFieldError(`${prefix}.community`),
    specificNeeds: useFieldError(`${prefix}.specificNeeds`),
  };
  const select = (name: 'sex' | 'relationship', options: { value: string; label: string }[]) => (
    <FormField label={t(`households.memberForm.${name}`)} error={error[name]} {...req}>
      {(p) => (
        <select {...p} {...register(`${prefix}.${name}`)}>
          <option value="">{t('households.choose')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
  const documentSelect = (name: 'birthCertificate' | 'idCard') => (
    <FormField label={t(`households.memberForm.${name}`)}>
      {(p) => (
        <select {...p} {...register(`${prefix}.${name}`)}>
          {documentStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`households.documentStatus.${s}`)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );

  return (
    <>
      <FormField
        label={t('households.memberForm.fullName')}
        error={error.fullName}
        className="span-2"
        {...req}
      >
        {(p) => <input {...p} autoComplete="off" autoFocus={autoFocus} {...register(`${prefix}.fullName`)} />}
      </FormField>
      {select(
        'sex',
        sexes.map((s) => ({ value: s, label: t(`households.sex.${s}`) })),
      )}
      {select(
        'relationship',
        relationships.map((r) => ({ value: r, label: t(`households.relationship.${r}`) })),
      )}
      <FormField label={t('households.memberForm.dateOfBirth')} error={error.dateOfBirth}>
        {(p) => <input {...p} type="date" max={localToday()} {...register(`${prefix}.dateOfBirth`)} />}
      </FormField>
      <FormField
        label={t('households.memberForm.estimatedAge')}
        hint={t('households.memberForm.estimatedAgeHint')}
        error={error.estimatedAge}
      >
        {(p) => (
          <input
            {...p}
            type="number"
            inputMode="numeric"
            min={0}
            max={120}
            {...register(`${prefix}.estimatedAge`, { setValueAs: toAge })}
          />
        )}
      </FormField>
      <FormField label={t('households.memberForm.community')} error={error.community} {...req}>
        {(p) => (
          <select {...p} {...register(`${prefix}.community`)}>
            <option value="">{t('households.choose')}</option>
            {communities.options.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {documentSelect('birthCertificate')}
      {documentSelect('idCard')}
      <FormField label={t('households.memberForm.civilRegistration')}>
        {(p) => (
          <select {...p} {...register(`${prefix}.civilRegistration`)}>
            {civilRegistrationStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`households.civilRegistration.${s}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <label className="checkbox-field">
        <input type="checkbox" {...register(`${prefix}.statelessnessRisk`)} />
        <span>{t('households.memberForm.statelessnessRisk')}</span>
      </label>
      <ChoiceGroup
        className="wide"
        legend={t('households.memberForm.specificNeeds')}
        type="checkbox"
        options={specificNeeds.map((n) => ({ value: n, label: t(`households.specificNeed.${n}`) }))}
        registration={register(`${prefix}.specificNeeds`)}
        error={error.specificNeeds}
      />
    </>
  );
}
