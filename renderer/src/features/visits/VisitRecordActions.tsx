import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useNotice } from '../../app/Notices';
import { ConfirmDialog } from '../../components/ConfirmDialog';

interface VisitRecordActionsProps {
  visit: { id: string; deletedAt: string | null };
  /** The repository of this kind of visit. */
  repository: { softDelete(id: string): Promise<unknown>; restore(id: string): Promise<unknown> };
  editTo: string;
  /** Where to go once the visit is archived: the page of the household or shelter visited. */
  afterArchiveTo: string;
}

/** Edit and archive (after a confirmation) a live visit, or restore an archived one. */
export function VisitRecordActions({ visit, repository, editTo, afterArchiveTo }: VisitRecordActionsProps) {
  const { t } = useTranslation();
  const notice = useNotice();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);

  const archive = async () => {
    setConfirming(false);
    await repository.softDelete(visit.id);
    notice(t('visits.archived'));
    navigate(afterArchiveTo);
  };
  const restore = async () => {
    await repository.restore(visit.id);
    notice(t('visits.restored'));
  };

  return (
    <>
      {visit.deletedAt ? (
        <button type="button" onClick={restore}>
          {t('visits.restore')}
        </button>
      ) : (
        <>
          <Link className="button" to={editTo}>
            {t('common.edit')}
          </Link>
          <button type="button" onClick={() => setConfirming(true)}>
            {t('visits.archive')}
          </button>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('visits.archiveConfirmTitle')}
        text={t('visits.archiveConfirmText')}
        confirmLabel={t('visits.archive')}
        onConfirm={archive}
        onCancel={() => setConfirming(false)}
      />
    </>
  );
}
