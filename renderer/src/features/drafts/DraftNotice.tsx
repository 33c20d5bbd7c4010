import { useTranslation } from 'react-i18next';
import type { FormDraft } from './useFormDraft';

/** Offers an unfinished draft of this form: resume it or throw it away. */
export function DraftNotice({ draft }: { draft: FormDraft }) {
  const { t } = useTranslation();
  if (!draft.pending) return null;
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
