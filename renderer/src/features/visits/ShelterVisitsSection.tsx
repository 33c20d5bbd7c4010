import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { totalResidentsMet, type ShelterVisitRecord } from '../../../../shared/visits/shelterVisitSchema';
import { localDate } from './localDate';
import { useShelterVisits } from './useVisits';

const criticalCount = (visit: ShelterVisitRecord) =>
  Object.values(visit.conditions).filter((c) => c.rating === 'critical').length;

/** A shelter's monitoring visits, newest first, on the shelter's page. */
export function ShelterVisitsSection({ shelterId }: { shelterId: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [archived, setArchived] = useState(false);
  const { data: visits, error } = useShelterVisits(shelterId, archived);

  return (
    <section aria-labelledby={titleId} className="visits-section">
      <div className="visits-header">
        <h2 id={titleId}>{t('visits.shelterVisits.title')}</h2>
        <Link className="button primary" to={`/shelters/${shelterId}/visits/new`}>
          {t('visits.shelterVisits.new')}
        </Link>
      </div>
      <label className="visits-archived-toggle">
        <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} />{' '}
        {t('visits.showArchived')}
      </label>
      {error && <p role="alert">{t('errors.unexpected', { message: error.message })}</p>}
      {visits?.length === 0 && (
        <p className="empty">{archived ? t('visits.noArchived') : t('visits.shelterVisits.empty')}</p>
      )}
      {visits && visits.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t('visits.shelterVisits.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('visits.columns.date')}</th>
              <th scope="col">{t('visits.columns.monitors')}</th>
              <th scope="col" className="numeric">
                {t('visits.columns.residentsMet')}
              </th>
              <th scope="col" className="numeric">
                {t('visits.columns.critical')}
              </th>
            </tr>
          </thead>
          <tbody>
            {visits.map((visit) => {
              const critical = criticalCount(visit);
              return (
                <tr key={visit.id}>
                  <th scope="row">
                    <Link to={`/shelter-visits/${visit.id}`}>
                      {t('format.date', { value: localDate(visit.visitDate) })}
                    </Link>
                  </th>
                  <td>{visit.monitors}</td>
                  <td className="numeric">
                    {t('format.number', { value: totalResidentsMet(visit.residentsMet) })}
                  </td>
                  <td className="numeric">
                    {critical > 0 ? (
                      <span className="status rating-critical">
                        {t('visits.criticalCount', { count: critical })}
                      </span>
                    ) : (
                      t('format.number', { value: 0 })
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
