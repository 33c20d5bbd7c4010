import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useStore } from '../../app/AppServices';
import { useNotice } from '../../app/Notices';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { AttachmentsSection } from '../attachments/AttachmentsSection';
import { AuditHistory } from '../audit/AuditHistory';
import { FollowUpsSection } from '../followUps/FollowUpsSection';
import { ReportButton } from '../reports/ReportButton';
import { EraseHouseholdButton } from '../retention/EraseHouseholdButton';
import { ReferralsSection } from '../referrals/ReferralsSection';
import { HouseholdVisitsSection } from '../visits/HouseholdVisitsSection';
import { ConsentPanel } from './ConsentPanel';
import { HouseholdSummary } from './HouseholdSummary';
import { MembersSection } from './MembersSection';
import { useHousehold } from './useHouseholds';

export function HouseholdDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const store = useStore();
  const notice = useNotice();
  const navigate = useNavigate();
  const { data: household, isLoading } = useHousehold(id);
  const [confirming, setConfirming] = useState(false);

  if (isLoading) return null;
  if (!household) return <p role="alert">{t('households.notFound')}</p>;

  const archive = async () => {
    setConfirming(false);
    await store.households.archive(household.id);
    notice(t('households.archived'));
    navigate('/households');
  };
  const restore = async () => {
    await store.households.restore(household.id);
    notice(t('households.restored'));
  };

  return (
    <article aria-labelledby="household-title" className="household-page">
      <header className="page-header">
        <div>
          <Link to="/households">← {t('households.title')}</Link>
          <h1 id="household-title">{household.headName}</h1>
          <span className={`status status-${household.status}`}>
            {t(`households.status.${household.status}`)}
          </span>
          {household.deletedAt && <span className="badge">{t('households.archivedBadge')}</span>}
          {household.erasedAt && <span className="badge">{t('retention.erasedBadge')}</span>}
        </div>
        <div className="actions">
          <ReportButton report={{ kind: 'householdCase', householdId: household.id }} />
          {household.deletedAt ? (
            <button type="button" onClick={restore}>
              {t('households.restore')}
            </button>
          ) : (
            <>
              <Link className="button" to={`/households/${household.id}/edit`}>
                {t('common.edit')}
              </Link>
              <button type="button" onClick={() => setConfirming(true)}>
                {t('households.archive')}
              </button>
              {!household.erasedAt && <EraseHouseholdButton householdId={household.id} />}
            </>
          )}
        </div>
      </header>
      <ConsentPanel household={household} />
      <HouseholdSummary household={household} />
      <MembersSection household={household} />
      <HouseholdVisitsSection householdId={household.id} />
      <ReferralsSection householdId={household.id} />
      <FollowUpsSection subjectType="household" subjectId={household.id} />
      <AttachmentsSection ownerType="household" ownerId={household.id} />
      <AuditHistory
        recordId={household.id}
        fieldLabel={(field) => t(`households.form.${field}`, { defaultValue: field })}
      />
      <ConfirmDialog
        open={confirming}
        title={t('households.archiveConfirmTitle')}
        text={t('households.archiveConfirmText')}
        confirmLabel={t('households.archive')}
        onConfirm={() => void archive()}
        onCancel={() => setConfirming(false)}
      />
    </article>
  );
}
