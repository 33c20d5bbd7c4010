import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { totalResidentsMet, type ShelterVisitRecord } from '../../../../shared/visits/shelterVisitSchema';
import { useShelterVisits } from './useVisits';
import { VisitList } from './VisitList';

const criticalCount = (visit: ShelterVisitRecord) =>
  Object.values(visit.conditions).filter((c) => c.rating === 'critical').length;

/** A shelter's monitoring visits, newest first, on the shelter's page. */
export function ShelterVisitsSection({ shelterId }: { shelterId: string }) {
  const { t } = useTranslation();
  const [archived, setArchived] = useState(false);
  const { data: visits, error } = useShelterVisits(shelterId, archived);

  return (
    <VisitList
      title={t('visits.shelterVisits.title')}
      newLabel={t('visits.shelterVisits.new')}
      newTo={`/shelters/${shelterId}/visits/new`}
      emptyText={t('visits.shelterVisits.empty')}
      archived={archived}
      onArchivedChange={setArchived}
      visits={visits}
      error={error}
      visitPath={(id) => `/shelter-visits/${id}`}
      columns={
        <>
          <th scope="col">{t('visits.columns.monitors')}</th>
          <th scope="col" className="numeric">
            {t('visits.columns.residentsMet')}
          </th>
          <th scope="col" className="numeric">
            {t('visits.columns.critical')}
          </th>
        </>
      }
      cells={(visit) => {
        const critical = criticalCount(visit);
        return (
          <>
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
          </>
        );
      }}
    />
  );
}
