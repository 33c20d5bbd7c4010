import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type {
  HouseholdRegistration,
  HouseholdRegistrationValues,
} from '../../../../shared/households/householdSchema';
import { useStore } from '../../app/AppServices';
import { useNotice } from '../../app/Notices';
import { DraftNotice } from '../drafts/DraftNotice';
import { useFormDraft } from '../drafts/useFormDraft';
import { useLocalSettings } from '../settings/useLocalSettings';
import { ConsentFields } from './ConsentFields';
import { ContactFields } from './ContactFields';
import { DisplacementFields } from './DisplacementFields';
import { emptyRegistration, registrationResolver } from './householdFormValues';
import { HouseholdFields } from './HouseholdFields';
import { FormActions, FormErrorSummary } from './FormParts';
import { MembersFieldArray } from './MembersFieldArray';
import { showRecordErrors } from './recordErrors';
import { errorReason } from '../../app/errorReason';

export function HouseholdRegistrationPage() {
  const { data: settings } = useLocalSettings();
  // The consent's "recorded by" starts as this monitor's name, so wait for the settings.
  if (!settings) return null;
  return <RegistrationForm monitorName={settings.monitorName} />;
}

function RegistrationForm({ monitorName }: { monitorName: string }) {
  const { t } = useTranslation();
  const store = useStore();
  const notice = useNotice();
  const navigate = useNavigate();
  const [saveError, setSaveError] = useState('');
  const form = useForm<HouseholdRegistrationValues, unknown, HouseholdRegistration>({
    resolver: registrationResolver,
    defaultValues: emptyRegistration(monitorName),
  });
  const draft = useFormDraft('household:new', 'householdRegistration', form);
  const cancel = () => navigate('/households');

  const onSubmit = async (values: HouseholdRegistration) => {
    setSaveError('');
    try {
      const saved = await store.households.register(values);
      await draft.clear();
      notice(t('households.registered'));
      navigate(`/households/${saved.id}`, { replace: true });
    } catch (error) {
      if (!showRecordErrors(form, error))
        setSaveError(
          t('households.saveFailed', { reason: errorReason(t, error) }),
        );
    }
  };

  return (
    <section aria-labelledby="household-form-title">
      <header className="page-header">
        <h1 id="household-form-title">{t('households.registerTitle')}</h1>
      </header>
      <DraftNotice draft={draft} />
      {saveError && <p role="alert">{saveError}</p>}
      <FormProvider {...form}>
        <form
          className="record-form household-form"
          noValidate
          onSubmit={form.handleSubmit(onSubmit)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') cancel();
          }}
        >
          <FormErrorSummary />
          <ConsentFields />
          <HouseholdFields />
          <DisplacementFields />
          <ContactFields />
          <MembersFieldArray />
          <FormActions onCancel={cancel} />
        </form>
      </FormProvider>
    </section>
  );
}
