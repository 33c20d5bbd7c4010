import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { ShelterFilter } from '../../db/repositories/shelterRepository';
import { useMunicipalityName } from '../../hooks/useReferenceNames';
import { ShelterFilters } from './ShelterFilters';
import { filterFromParams, paramsFromFilter } from './shelterFilterParams';
import { useShelters } from './useShelters';

export function ShelterListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const { data: shelters, isLoading, error } = useShelters(filter);
  const municipalityName = useMunicipalityName();
  const setFilter = (next: ShelterFilter) => setParams(paramsFromFilter(next), { replace: true });
  const hasFilters = params.size > 0;
  const residents = shelters?.reduce((sum, s) => sum + s.residents, 0) ?? 0;

  return (
    <section aria-labelledby="shelters-title">
      <header className="page-header">
        <h1 id="shelters-title">{t('shelters.title')}</h1>
        <Link className="button primary" to="/shelters/new">
          {t('shelters.new')}
        </Link>
      </header>
      <ShelterFilters filter={filter} onChange={setFilter} />
      {error && <p role="alert">{t('errors.unexpected', { message: error.message })}</p>}
      {!isLoading && shelters && (
        <p className="summary">
          {t('shelters.count', { count: shelters.length })} · {t('shelters.residentsTotal', { count: residents })}
        </p>
      )}
      {!isLoading && shelters?.length === 0 && (
        <p className="empty">{hasFilters ? t('shelters.noMatch') : t('shelters.empty')}</p>
      )}
      {shelters && shelters.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t('shelters.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('shelters.columns.name')}</th>
              <th scope="col">{t('shelters.columns.municipality')}</th>
              <th scope="col">{t('shelters.columns.settlement')}</th>
              <th scope="col" className="numeric">
                {t('shelters.columns.occupancy')}
              </th>
              <th scope="col">{t('shelters.columns.status')}</th>
              <th scope="col">{t('shelters.columns.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {shelters.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link to={`/shelters/${s.id}`}>{s.name}</Link>
                  {s.deletedAt && <span className="badge">{t('shelters.archivedBadge')}</span>}
                </th>
                <td>{municipalityName(s.municipality)}</td>
                <td>{s.settlement}</td>
                <td className="numeric">
                  {t('shelters.occupancy', {
                    residents: t('format.number', { value: s.residents }),
                    capacity: t('format.number', { value: s.capacity }),
                  })}
                  {s.residents > s.capacity && <span className="badge warn">{t('shelters.overCapacity')}</span>}
                </td>
                <td>
                  <span className={`status status-${s.status}`}>{t(`shelterStatus.${s.status}`)}</span>
                </td>
                <td>{t('format.date', { value: new Date(s.updatedAt) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
