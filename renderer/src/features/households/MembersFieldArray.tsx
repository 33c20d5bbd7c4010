import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { HouseholdRegistrationValues } from '../../../../shared/households/householdSchema';
import { FieldError } from '../../components/FieldError';
import { emptyMember } from './householdFormValues';
import { MemberFields } from './MemberFields';
import { useFieldError } from './useFieldError';

/** Every member of a household being registered, one fieldset each, added and removed in place. */
export function MembersFieldArray() {
  const { t } = useTranslation();
  const { control, getValues } = useFormContext<HouseholdRegistrationValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'members' });
  const membersError = useFieldError('members');

  const add = () =>
    append(emptyMember({ community: getValues('household.community') }), {
      shouldFocus: true,
      focusName: `members.${fields.length}.fullName`,
    });

  return (
    <section className="form-section members-section" aria-labelledby="members-title">
      <h2 id="members-title" className="wide">
        {t('households.sections.members')}
      </h2>
      <FieldError id="members-error" message={membersError} />
      {fields.map((field, index) => (
        <fieldset key={field.id} className="member-fieldset wide">
          <legend>{t('households.memberForm.legend', { number: index + 1 })}</legend>
          <MemberFields prefix={`members.${index}`} />
          {fields.length > 1 && (
            <div className="actions wide member-actions">
              <button type="button" onClick={() => remove(index)}>
                {t('households.memberForm.remove', { number: index + 1 })}
              </button>
            </div>
          )}
        </fieldset>
      ))}
      <div className="actions wide">
        <button type="button" onClick={add}>
          + {t('households.memberForm.add')}
        </button>
      </div>
    </section>
  );
}
