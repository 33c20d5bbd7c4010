import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { localDate, localToday } from '../../../../shared/validation/fields';
import { ListPager } from '../../components/ListPager';
import { isReferralOverdue, type ReferralFilter } from '../../db/repositories/referralRepository';
import { useOrganisationName } from '../organisations/useOrganisations';
import { OverdueBadge, ReferralStatusBadge } from './ReferralBadges';
import { ReferralFilters } from './ReferralFilters';
import { filterFromParams, paramsFromFilter } from './referralFilterParams';
import { useReferralList } from './useReferrals';

export function ReferralListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const { data, isLoading, error } = useReferralList(filter);
  const organisationName = useOrganisationName();
  const setFilter = (next: ReferralFilter) => setParams(paramsFromFilter(next), { replace: true });
  const today = localToday();
  const hasFilters = Boolean(filter.status || filter.overdue || filter.service);

  return (
    <section aria-labelledby="referrals-title">
      <header className="page-header">
        <h1 id="referrals-title">{filter.overdue ? t('referrals.overdueTitle') : t('referrals.title')}</h1>
        <Link className="button primary" to="/referrals/new">
          {t('referrals.new')}
        </Link>
      </header>
      <ReferralFilters filter={filter} onChange={setFilter} />
      {error && <p role="alert">{t('errors.unexpected', { message: error.message })}</p>}
      {data && <p className="summary">{t('referrals.count', { count: data.total })}</p>}
      {!isLoading && data?.total === 0 && (
        <p className="empty">{hasFilters ? t('referrals.noMatch') : t('referrals.empty')}</p>
      )}
      {data && data.rows.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t('referrals.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('referrals.columns.household')}</th>
              <th scope="col">{t('referrals.columns.service')}</th>
              <th scope="col">{t('referrals.columns.organisation')}</th>
              <th scope="col">{t('referrals.columns.urgency')}</th>
              <th scope="col">{t('referrals.columns.dueDate')}</th>
              <th scope="col">{t('referrals.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => {
              const overdue = isReferralOverdue(r, today);
              return (
                <tr key={r.id} className={overdue ? 'overdue-row' : undefined}>
                  <th scope="row">
                    <Link to={`/referrals/${r.id}`}>
                      {data.heads[r.householdId] || t('referrals.unknownHousehold')}
                    </Link>
                  </th>
                  <td>{t(`referrals.service.${r.service}`)}</td>
                  <td>{organisationName(r.organisationId)}</td>
                  <td>
                    <span className={`urgency urgency-${r.urgency}`}>
                      {t(`referrals.urgency.${r.urgency}`)}
                    </span>
                  </td>
                  <td>
                    {t('format.date', { value: localDate(r.dueDate) })}
                    {overdue && <OverdueBadge />}
                  </td>
                  <td>
                    <ReferralStatusBadge status={r.status} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {data && (
        <ListPager
          offset={filter.offset ?? 0}
          limit={filter.limit ?? 50}
          total={data.total}
          onOffset={(offset) => setFilter({ ...filter, offset })}
        />
      )}
    </section>
  );
}
