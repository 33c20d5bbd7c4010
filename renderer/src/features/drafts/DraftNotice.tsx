import { useTranslation } from 'react-i18next';
import type { FormDraft } from './useFormDraft';

/**
 * Offers an unfinished draft of this form (resume it or throw it away); once the form is being
 * autosaved, says quietly when the draft was last saved.
 */
export function DraftNotice({ draft }: { draft: FormDraft }) {
  const { t } = useTranslation();
  if (!draft.pending) {
    if (!draft.savedAt) return null;
    return <p className="draft-status">{t('drafts.saved', { time: new Date(draft.savedAt) })}</p>;
  }
  return (
    <div className="draft-notice" role="region" aria-label={t('drafts.region')}>
      <p>{t('drafts.found', { date: t('format.dateTime', { value: new Date(draft.pending.updatedAt) }) })}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={draft.resume}>
          {t('drafts.resume')}
        </button>
        <button type="button" onClick={() => void draft.discard()}>
          {t('drafts.discard')}
        </button>
      </div>
    </div>
  );
}
