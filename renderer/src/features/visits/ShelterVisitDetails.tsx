import { useTranslation } from 'react-i18next';
import {
  shelterConditions,
  totalResidentsMet,
  type ShelterVisitRecord,
} from '../../../../shared/visits/shelterVisitSchema';
import { ageGroups, sexes } from './ResidentsMetFields';
import { VisitFindings } from './VisitFindings';

/** What a shelter visit recorded: residents met, the checklist and the findings. */
export function ShelterVisitDetails({ visit }: { visit: ShelterVisitRecord }) {
  const { t } = useTranslation();
  const text = (value: string) => value || t('common.notRecorded');
  const number = (value: number) => t('format.number', { value });
  return (
    <>
      <section aria-labelledby="visit-residents-title">
        <h2 id="visit-residents-title">{t('visits.residents.legend')}</h2>
        <table className="data-table residents-table">
          <thead>
            <tr>
              <td />
              {sexes.map((sex) => (
                <th key={sex} scope="col" className="numeric">
                  {t(`visits.residents.sex${sex}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ageGroups.map((group) => (
              <tr key={group}>
                <th scope="row">{t(`visits.residents.${group}`)}</th>
                {sexes.map((sex) => (
                  <td key={sex} className="numeric">
                    {number(visit.residentsMet[`${group}${sex}`])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="summary">
          {t('visits.residents.total', { count: totalResidentsMet(visit.residentsMet) })}
        </p>
      </section>
      <section aria-labelledby="visit-conditions-title">
        <h2 id="visit-conditions-title">{t('visits.conditionsLegend')}</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('visits.columns.condition')}</th>
              <th scope="col">{t('visits.columns.rating')}</th>
              <th scope="col">{t('visits.columns.note')}</th>
            </tr>
          </thead>
          <tbody>
            {shelterConditions.map((condition) => {
              const entry = visit.conditions[condition];
              return (
                <tr key={condition}>
                  <th scope="row">{t(`visits.conditions.${condition}`)}</th>
                  <td>
                    <span className={`status rating-${entry.rating}`}>
                      {t(`visits.ratings.${entry.rating}`)}
                    </span>
                  </td>
                  <td>{entry.note}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <VisitFindings visit={visit} text={text} />
    </>
  );
}
