import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useStore } from '../../app/AppServices';
import { AttachmentsSection } from '../attachments/AttachmentsSection';
import { AuditHistory } from '../audit/AuditHistory';
import { ShelterVisitDetails } from './ShelterVisitDetails';
import { localDate } from '../../../../shared/validation/fields';
import { useShelterVisit, useVisitShelter } from './useVisits';
import { visitFieldLabel } from './visitFieldLabel';
import { VisitRecordActions } from './VisitRecordActions';
import { ReportButton } from '../reports/ReportButton';

/** One shelter visit: everything it recorded, its attachments and its change history. */
export function ShelterVisitPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const store = useStore();
  const { data: visit, isLoading } = useShelterVisit(id);
  const { data: shelter } = useVisitShelter(visit?.shelterId);

  if (isLoading) return null;
  if (!visit) return <p role="alert">{t('visits.shelterVisit.notFound')}</p>;

  return (
    <article aria-labelledby="shelter-visit-title">
      <header className="page-header">
        <div>
          <Link to={`/shelters/${visit.shelterId}`}>← {shelter?.name ?? t('shelters.title')}</Link>
          <h1 id="shelter-visit-title">
            {t('visits.shelterVisit.title', {
              date: t('format.date', { value: localDate(visit.visitDate) }),
            })}
          </h1>
          {visit.deletedAt && <span className="badge">{t('visits.archivedBadge')}</span>}
          <p className="summary">{t('visits.monitorsPresent', { monitors: visit.monitors })}</p>
        </div>
        <div className="actions">
          <ReportButton report={{ kind: 'visit', visitType: 'shelter', visitId: visit.id }} />
          <VisitRecordActions
            visit={visit}
            repository={store.shelterVisits}
            editTo={`/shelter-visits/${visit.id}/edit`}
            afterArchiveTo={`/shelters/${visit.shelterId}`}
          />
        </div>
      </header>
      <ShelterVisitDetails visit={visit} />
      <AttachmentsSection ownerType="shelterVisit" ownerId={visit.id} />
      <AuditHistory recordId={visit.id} fieldLabel={visitFieldLabel(t)} />
    </article>
  );
}
