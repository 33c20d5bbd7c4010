import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ShelterVisitFormValues, ShelterVisitInput } from '../../../../shared/visits/shelterVisitSchema';
import { useStore } from '../../app/AppServices';
import type { ShelterVisit } from '../../db/repositories/shelterVisitRepository';
import { useLocalSettings } from '../settings/useLocalSettings';
import { emptyShelterVisit, ShelterVisitForm } from './ShelterVisitForm';
import { useShelterVisit, useVisitShelter } from './useVisits';
import { useVisitSave } from './useVisitSave';

function toFormValues(visit: ShelterVisit): ShelterVisitFormValues {
  const {
    shelterId,
    visitDate,
    monitors,
    residentsMet,
    conditions,
    observations,
    needsIdentified,
    followUpActions,
  } = visit;
  return {
    shelterId,
    visitDate,
    monitors,
    residentsMet,
    conditions,
    observations,
    needsIdentified,
    followUpActions,
  };
}

/** New visit (/shelters/:shelterId/visits/new) or edit (/shelter-visits/:id/edit). */
export function ShelterVisitFormPage() {
  const { t } = useTranslation();
  const { id, shelterId: shelterParam } = useParams();
  const navigate = useNavigate();
  const store = useStore();
  const { data: existing, isLoading: visitLoading } = useShelterVisit(id);
  const shelterId = existing?.shelterId ?? shelterParam;
  const { data: shelter, isLoading: shelterLoading } = useVisitShelter(shelterId);
  const { data: settings } = useLocalSettings();
  const { saveError, save } = useVisitSave<ShelterVisitInput>({
    repository: store.shelterVisits,
    existing,
    savedMessage: t('visits.shelterVisit.saved'),
    visitPath: (savedId) => `/shelter-visits/${savedId}`,
  });

  if (visitLoading || shelterLoading || !settings) return null;
  if (id && !existing) return <p role="alert">{t('visits.shelterVisit.notFound')}</p>;
  if (!shelter) return <p role="alert">{t('shelters.notFound')}</p>;

  const back = existing ? `/shelter-visits/${existing.id}` : `/shelters/${shelter.id}`;

  return (
    <section aria-labelledby="shelter-visit-form-title">
      <header className="page-header">
        <div>
          <Link to={`/shelters/${shelter.id}`}>← {shelter.name}</Link>
          <h1 id="shelter-visit-form-title">
            {existing ? t('visits.shelterVisit.editTitle') : t('visits.shelterVisit.createTitle')}
          </h1>
        </div>
      </header>
      {saveError && (
        <p className="form-error" role="alert">
          {saveError}
        </p>
      )}
      <ShelterVisitForm
        initial={existing ? toFormValues(existing) : emptyShelterVisit(shelter.id, settings.monitorName)}
        draftKey={existing ? `shelterVisit:${existing.id}` : `shelterVisit:new:${shelter.id}`}
        onSubmit={save}
        onCancel={() => navigate(back)}
      />
    </section>
  );
}
