import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { questionnaireVersion } from '../../../../shared/questionnaires/registry';
import { useAppLanguage } from '../../hooks/useAppLanguage';
import { localDate } from './localDate';
import { localized } from './localizedText';
import { useHouseholdVisits } from './useVisits';

/** A household's monitoring visits, newest first, on the household's page. */
export function HouseholdVisitsSection({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const language = useAppLanguage();
  const titleId = useId();
  const [archived, setArchived] = useState(false);
  const { data: visits, error } = useHouseholdVisits(householdId, archived);

  const questionnaireName = (id: string, version: number) => {
    const q = questionnaireVersion(id, version);
    return t('visits.questionnaireWithVersion', { title: q ? localized(q.title, language) : id, version });
  };

  return (
    <section aria-labelledby={titleId} className="visits-section">
      <div className="visits-header">
        <h2 id={titleId}>{t('visits.householdVisits.title')}</h2>
        <Link className="button primary" to={`/households/${householdId}/visits/new`}>
          {t('visits.householdVisits.new')}
        </Link>
      </div>
      <label className="visits-archived-toggle">
        <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} />{' '}
        {t('visits.showArchived')}
      </label>
      {error && <p role="alert">{t('errors.unexpected', { message: error.message })}</p>}
      {visits?.length === 0 && (
        <p className="empty">{archived ? t('visits.noArchived') : t('visits.householdVisits.empty')}</p>
      )}
      {visits && visits.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t('visits.householdVisits.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('visits.columns.date')}</th>
              <th scope="col">{t('visits.columns.questionnaire')}</th>
              <th scope="col">{t('visits.columns.monitors')}</th>
            </tr>
          </thead>
          <tbody>
            {visits.map((visit) => (
              <tr key={visit.id}>
                <th scope="row">
                  <Link to={`/household-visits/${visit.id}`}>
                    {t('format.date', { value: localDate(visit.visitDate) })}
                  </Link>
                </th>
                <td>{questionnaireName(visit.questionnaireId, visit.questionnaireVersion)}</td>
                <td>{visit.monitors}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
