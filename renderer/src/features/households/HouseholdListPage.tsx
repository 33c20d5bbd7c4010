import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ListPager } from '../../components/ListPager';
import { HouseholdFilters } from './HouseholdFilters';
import {
  filterFromParams,
  HOUSEHOLD_PAGE_SIZE,
  paramsFromFilter,
  repositoryFilter,
  type HouseholdListFilter,
} from './householdFilterParams';
import { HouseholdTable } from './HouseholdTable';
import { useHouseholdPage } from './useHouseholds';

export function HouseholdListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const { data, isLoading, isStale, error } = useHouseholdPage(repositoryFilter(filter));
  const ready = !isLoading && !isStale && data;
  const setFilter = (next: Partial<HouseholdListFilter>) =>
    setParams(paramsFromFilter(next), { replace: true });
  const hasFilters = [...params.keys()].some((k) => k !== 'page');

  return (
    <section aria-labelledby="households-title">
      <header className="page-header">
        <h1 id="households-title">{t('households.title')}</h1>
        <Link className="button primary" to="/households/new">
          {t('households.new')}
        </Link>
      </header>
      <HouseholdFilters filter={filter} onChange={setFilter} />
      {error && <p role="alert">{t('errors.unexpected', { message: error.message })}</p>}
      {data && (
        // Kept in place while a new filter runs, so the table does not jump at every keystroke.
        <p className="summary">
          {!ready
            ? '\u00a0'
            : data.totalIsLowerBound
              ? t('households.countAtLeast', { count: data.total })
              : t('households.count', { count: data.total })}
        </p>
      )}
      {ready && data.total === 0 && (
        <p className="empty">
          {data.searchTooShort
            ? t('households.searchTooShort')
            : hasFilters
              ? t('households.noMatch')
              : t('households.empty')}
        </p>
      )}
      <div className={isStale ? 'stale' : undefined} aria-busy={isStale}>
        {data && data.rows.length > 0 && <HouseholdTable rows={data.rows} />}
      </div>
      {ready && (
        <ListPager
          offset={(filter.page - 1) * HOUSEHOLD_PAGE_SIZE}
          limit={HOUSEHOLD_PAGE_SIZE}
          total={data.total}
          totalIsLowerBound={data.totalIsLowerBound}
          onOffset={(offset) => setFilter({ ...filter, page: offset / HOUSEHOLD_PAGE_SIZE + 1 })}
        />
      )}
    </section>
  );
}
