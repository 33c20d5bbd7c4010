import { useTranslation } from 'react-i18next';
import { useRecordHistory } from '../shelters/useShelters';

/** A record's audit trail, newest first, with field names as the form labels them. */
export function AuditHistory({ recordId, fieldLabel }: { recordId: string; fieldLabel: (field: string) => string }) {
  const { t } = useTranslation();
  const { data: entries } = useRecordHistory(recordId);
  return (
    <section aria-labelledby="audit-title" className="audit">
      <h2 id="audit-title">{t('audit.title')}</h2>
      {entries?.length === 0 && <p>{t('audit.empty')}</p>}
      <ol>
        {entries?.map((entry) => (
          <li key={entry.id}>
            <span>
              {t('audit.entry', {
                action: t(`audit.action.${entry.action}`),
                actor: entry.actor,
                date: t('format.dateTime', { value: new Date(entry.at) }),
              })}
            </span>
            {entry.action === 'update' && (
              <span className="fields"> — {t('audit.fields', { fields: entry.fields.map(fieldLabel).join(', ') })}</span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
