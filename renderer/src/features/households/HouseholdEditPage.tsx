import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { HouseholdInput } from '../../../../shared/households/householdSchema';
import { useStore } from '../../app/AppServices';
import { useNotice } from '../../app/Notices';
import type { Household } from '../../db/repositories/householdRepository';
import { DraftNotice } from '../drafts/DraftNotice';
import { useFormDraft } from '../drafts/useFormDraft';
import { ConsentFields } from './ConsentFields';
import { ContactFields } from './ContactFields';
import { DisplacementFields } from './DisplacementFields';
import { FormActions, FormErrorSummary } from './FormParts';
import { HouseholdFields } from './HouseholdFields';
import {
  householdEditResolver,
  householdFormValuesOf,
  type HouseholdEditValues,
} from './householdFormValues';
import { showRecordErrors } from './recordErrors';
import { useHousehold } from './useHouseholds';
import { errorReason } from '../../app/errorReason';

export function HouseholdEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { data: household, isLoading } = useHousehold(id);
  if (isLoading) return null;
  if (!household) return <p role="alert">{t('households.notFound')}</p>;
  return <HouseholdEditForm household={household} />;
}

/** The household's own fields; members are edited one by one on the household page. */
function HouseholdEditForm({ household }: { household: Household }) {
  const { t } = useTranslation();
  const store = useStore();
  const notice = useNotice();
  const navigate = useNavigate();
  const [saveError, setSaveError] = useState('');
  const form = useForm<HouseholdEditValues, unknown, { household: HouseholdInput }>({
    resolver: householdEditResolver,
    defaultValues: { household: householdFormValuesOf(household) },
  });
  const draft = useFormDraft(`household:${household.id}`, 'householdEdit', form);
  const back = () => navigate(`/households/${household.id}`);

  const onSubmit = async (values: { household: HouseholdInput }) => {
    setSaveError('');
    try {
      await store.households.update(household.id, values.household);
      await draft.clear();
      notice(t('households.saved'));
      navigate(`/households/${household.id}`, { replace: true });
    } catch (error) {
      if (!showRecordErrors(form, error, 'household')) {
        setSaveError(
          t('households.saveFailed', { reason: errorReason(t, error) }),
        );
      }
    }
  };

  return (
    <section aria-labelledby="household-edit-title">
      <header className="page-header">
        <div>
          <h1 id="household-edit-title">{t('households.editTitle')}</h1>
          <p className="summary">{household.headName}</p>
        </div>
      </header>
      <DraftNotice draft={draft} />
      {saveError && <p role="alert">{saveError}</p>}
      <FormProvider {...form}>
        <form
          className="record-form household-form"
          noValidate
          onSubmit={form.handleSubmit(onSubmit)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') back();
          }}
        >
          <FormErrorSummary />
          <ConsentFields />
          <HouseholdFields />
          <DisplacementFields />
          <ContactFields />
          <FormActions onCancel={back} />
        </form>
      </FormProvider>
    </section>
  );
}
