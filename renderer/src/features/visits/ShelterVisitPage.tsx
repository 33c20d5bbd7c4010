import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useStore } from '../../app/AppServices';
import { useNotice } from '../../app/Notices';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { AttachmentsSection } from '../attachments/AttachmentsSection';
import { AuditHistory } from '../audit/AuditHistory';
import { ShelterVisitDetails } from './ShelterVisitDetails';
import { localDate } from './localDate';
import { useShelterVisit, useVisitShelter } from './useVisits';
import { visitFieldLabel } from './visitFieldLabel';
import { ReportButton } from '../reports/ReportButton';

/** One shelter visit: everything it recorded, its attachments and its change history. */
export function ShelterVisitPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const store = useStore();
  const notice = useNotice();
  const navigate = useNavigate();
  const { data: visit, isLoading } = useShelterVisit(id);
  const { data: shelter } = useVisitShelter(visit?.shelterId);
  const [confirming, setConfirming] = useState(false);

  if (isLoading) return null;
  if (!visit) return <p role="alert">{t('visits.shelterVisit.notFound')}</p>;

  const archive = async () => {
    setConfirming(false);
    await store.shelterVisits.softDelete(visit.id);
    notice(t('visits.archived'));
    navigate(`/shelters/${visit.shelterId}`);
  };
  const restore = async () => {
    await store.shelterVisits.restore(visit.id);
    notice(t('visits.restored'));
  };

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
          {visit.deletedAt ? (
            <button type="button" onClick={restore}>
              {t('visits.restore')}
            </button>
          ) : (
            <>
              <Link className="button" to={`/shelter-visits/${visit.id}/edit`}>
                {t('common.edit')}
              </Link>
              <button type="button" onClick={() => setConfirming(true)}>
                {t('visits.archive')}
              </button>
            </>
          )}
        </div>
      </header>
      <ShelterVisitDetails visit={visit} />
      <AttachmentsSection ownerType="shelterVisit" ownerId={visit.id} />
      <AuditHistory recordId={visit.id} fieldLabel={visitFieldLabel(t)} />
      <ConfirmDialog
        open={confirming}
        title={t('visits.archiveConfirmTitle')}
        text={t('visits.archiveConfirmText')}
        confirmLabel={t('visits.archive')}
        onConfirm={archive}
        onCancel={() => setConfirming(false)}
      />
    </article>
  );
}
