import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { localDate } from '../../../../shared/validation/fields';
import { useStore } from '../../app/AppServices';
import { useLiveResult } from '../../hooks/useLiveResult';
import { EraseHouseholdButton } from './EraseHouseholdButton';

/** Records past their retention period, oldest first, each with its erase action. */
export function RetentionReviewPage() {
  const { t } = useTranslation();
  const store = useStore();
  const { data } = useLiveResult(() => store.retention.pastRetention(), [store]);
  if (!data) return null;
  return (
    <section aria-labelledby="retention-title">
      <header className="page-header">
        <h1 id="retention-title">{t('retention.reviewTitle')}</h1>
      </header>
      <p>{t('retention.reviewIntro')}</p>
      <h2 id="retention-households">{t('retention.type.households')}</h2>
      {data.households.length === 0 ? (
        <p className="empty">{t('retention.none')}</p>
      ) : (
        <table aria-labelledby="retention-households">
          <thead>
            <tr>
              <th scope="col">{t('retention.column.household')}</th>
              <th scope="col">{t('retention.column.lastActivity')}</th>
              <th scope="col">{t('retention.column.expired')}</th>
              <th scope="col">{t('retention.column.action')}</th>
            </tr>
          </thead>
          <tbody>
            {data.households.map((h) => (
              <tr key={h.id}>
                <td>
                  <Link to={`/households/${h.id}`}>{h.headName}</Link>
                </td>
                <td>{t('format.date', { value: new Date(h.lastActivityAt) })}</td>
                <td>{t('format.date', { value: h.expiredAt })}</td>
                <td>
                  <EraseHouseholdButton householdId={h.id} label={t('retention.eraseNamed', { name: h.headName })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 id="retention-visits">{t('retention.type.shelterVisits')}</h2>
      {data.shelterVisits.length === 0 ? (
        <p className="empty">{t('retention.none')}</p>
      ) : (
        <table aria-labelledby="retention-visits">
          <thead>
            <tr>
              <th scope="col">{t('retention.column.visit')}</th>
              <th scope="col">{t('retention.column.expired')}</th>
              <th scope="col">{t('retention.column.action')}</th>
            </tr>
          </thead>
          <tbody>
            {data.shelterVisits.map((v) => (
              <tr key={v.id}>
                <td>
                  <Link to={`/shelter-visits/${v.id}`}>
                    {t('format.date', { value: localDate(v.visitDate) })}
                  </Link>
                </td>
                <td>{t('format.date', { value: v.expiredAt })}</td>
                <td>
                  <button type="button" className="danger" onClick={() => void store.erasure.eraseShelterVisitNarratives(v.id)}>
                    {t('retention.eraseNarratives')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
