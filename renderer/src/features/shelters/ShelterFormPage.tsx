import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { ShelterFormValues, ShelterInput } from '../../../../shared/shelters/shelterSchema';
import { useNotice } from '../../app/Notices';
import type { FormDraft } from '../drafts/useFormDraft';
import { useStore } from '../../app/AppServices';
import { emptyShelter, ShelterForm } from './ShelterForm';
import { useShelter } from './useShelters';
import { useState } from 'react';
import { errorReason } from '../../app/errorReason';

function toFormValues(shelter: ShelterInput): ShelterFormValues {
  const { name, municipality, settlement, address, managingAuthority, capacity, residents, status } = shelter;
  const { contactPerson, contactPhone, notes } = shelter;
  return { name, municipality, settlement, address, managingAuthority, capacity, residents, status, contactPerson, contactPhone, notes };
}

export function ShelterFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const store = useStore();
  const notice = useNotice();
  const { data: existing, isLoading } = useShelter(id);
  const [saveError, setSaveError] = useState('');

  if (id && isLoading) return null;
  if (id && !existing) return <p role="alert">{t('shelters.notFound')}</p>;

  const onSubmit = async (values: ShelterInput, draft: FormDraft) => {
    try {
      const saved = existing ? await store.shelters.update(existing.id, values) : await store.shelters.create(values);
      await draft.clear();
      notice(t('shelters.saved'));
      navigate(`/shelters/${saved.id}`, { replace: true });
    } catch (error) {
      setSaveError(t('shelterForm.saveFailed', { reason: errorReason(t, error) }));
    }
  };

  return (
    <section aria-labelledby="shelter-form-title">
      <header className="page-header">
        <h1 id="shelter-form-title">{existing ? t('shelters.editTitle') : t('shelters.createTitle')}</h1>
      </header>
      {saveError && <p role="alert">{saveError}</p>}
      <ShelterForm
        initial={existing ? toFormValues(existing) : emptyShelter}
        draftKey={existing ? `shelter:${existing.id}` : 'shelter:new'}
        onSubmit={onSubmit}
        onCancel={() => navigate(existing ? `/shelters/${existing.id}` : '/shelters')}
      />
    </section>
  );
}
