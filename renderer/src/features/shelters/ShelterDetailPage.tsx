import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useStore } from '../../app/AppServices';
import { useNotice } from '../../app/Notices';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useMunicipalityName } from '../../hooks/useReferenceNames';
import { AuditHistory } from '../audit/AuditHistory';
import { FollowUpsSection } from '../followUps/FollowUpsSection';
import { ShelterVisitsSection } from '../visits/ShelterVisitsSection';
import { useShelter } from './useShelters';
import { ReportButton } from '../reports/ReportButton';
import { DetailList } from '../../components/DetailList';

export function ShelterDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const store = useStore();
  const notice = useNotice();
  const navigate = useNavigate();
  const municipalityName = useMunicipalityName();
  const { data: shelter, isLoading } = useShelter(id);
  const [confirming, setConfirming] = useState(false);

  if (isLoading) return null;
  if (!shelter) return <p role="alert">{t('shelters.notFound')}</p>;

  const archive = async () => {
    setConfirming(false);
    await store.shelters.archive(shelter.id);
    notice(t('shelters.archived'));
    navigate('/shelters');
  };
  const restore = async () => {
    await store.shelters.restore(shelter.id);
    notice(t('shelters.restored'));
  };
  const text = (value: string) => value || t('common.notRecorded');
  const rows: [string, string][] = [
    [t('shelterForm.municipality'), municipalityName(shelter.municipality)],
    [t('shelterForm.settlement'), text(shelter.settlement)],
    [t('shelterForm.address'), text(shelter.address)],
    [t('shelterForm.managingAuthority'), t(`managingAuthority.${shelter.managingAuthority}`)],
    [t('shelterForm.capacity'), t('format.number', { value: shelter.capacity })],
    [t('shelterForm.residents'), t('format.number', { value: shelter.residents })],
    [t('shelterForm.status'), t(`shelterStatus.${shelter.status}`)],
    [t('shelterForm.contactPerson'), text(shelter.contactPerson)],
    [t('shelterForm.contactPhone'), text(shelter.contactPhone)],
    [t('shelterForm.notes'), text(shelter.notes)],
  ];

  return (
    <article aria-labelledby="shelter-title">
      <header className="page-header">
        <div>
          <Link to="/shelters">← {t('shelters.title')}</Link>
          <h1 id="shelter-title">{shelter.name}</h1>
          {shelter.deletedAt && <span className="badge">{t('shelters.archivedBadge')}</span>}
        </div>
        <div className="actions">
          <ReportButton report={{ kind: 'shelterProfile', shelterId: shelter.id }} />
          {shelter.deletedAt ? (
            <button type="button" onClick={restore}>
              {t('shelters.restore')}
            </button>
          ) : (
            <>
              <Link className="button" to={`/shelters/${shelter.id}/edit`}>
                {t('common.edit')}
              </Link>
              <button type="button" onClick={() => setConfirming(true)}>
                {t('shelters.archive')}
              </button>
            </>
          )}
        </div>
      </header>
      <section aria-label={t('shelters.details')}>
        <DetailList rows={rows} />
      </section>
      <ShelterVisitsSection shelterId={shelter.id} />
      <FollowUpsSection subjectType="shelter" subjectId={shelter.id} />
      <AuditHistory
        recordId={shelter.id}
        fieldLabel={(field) => t(`shelterForm.${field}`, { defaultValue: field })}
      />
      <ConfirmDialog
        open={confirming}
        title={t('shelters.archiveConfirmTitle')}
        text={t('shelters.archiveConfirmText')}
        confirmLabel={t('shelters.archive')}
        onConfirm={archive}
        onCancel={() => setConfirming(false)}
      />
    </article>
  );
}
