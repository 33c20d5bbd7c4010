import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { localDate } from '../../../../shared/validation/fields';

interface VisitListProps<V extends { id: string; visitDate: string }> {
  title: string;
  newLabel: string;
  newTo: string;
  /** Shown when there is no live visit (the archived list has its own text). */
  emptyText: string;
  archived: boolean;
  onArchivedChange: (archived: boolean) => void;
  visits: V[] | undefined;
  error: Error | null | undefined;
  visitPath: (id: string) => string;
  /** The column headers after the date. */
  columns: ReactNode;
  /** A visit's cells after its date. */
  cells: (visit: V) => ReactNode;
}

/** The visits section of a household's or a shelter's page: newest first, archived ones on request. */
export function VisitList<V extends { id: string; visitDate: string }>({
  title,
  newLabel,
  newTo,
  emptyText,
  archived,
  onArchivedChange,
  visits,
  error,
  visitPath,
  columns,
  cells,
}: VisitListProps<V>) {
  const { t } = useTranslation();
  const titleId = useId();

  return (
    <section aria-labelledby={titleId} className="visits-section">
      <div className="visits-header">
        <h2 id={titleId}>{title}</h2>
        <Link className="button primary" to={newTo}>
          {newLabel}
        </Link>
      </div>
      <label className="visits-archived-toggle">
        <input type="checkbox" checked={archived} onChange={(e) => onArchivedChange(e.target.checked)} />{' '}
        {t('visits.showArchived')}
      </label>
      {error && <p role="alert">{t('errors.unexpected', { message: error.message })}</p>}
      {visits?.length === 0 && <p className="empty">{archived ? t('visits.noArchived') : emptyText}</p>}
      {visits && visits.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('visits.columns.date')}</th>
              {columns}
            </tr>
          </thead>
          <tbody>
            {visits.map((visit) => (
              <tr key={visit.id}>
                <th scope="row">
                  <Link to={visitPath(visit.id)}>
                    {t('format.date', { value: localDate(visit.visitDate) })}
                  </Link>
                </th>
                {cells(visit)}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
