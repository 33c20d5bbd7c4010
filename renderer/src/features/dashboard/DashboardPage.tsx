import { useTranslation } from 'react-i18next';
import { communities, translatedName } from '../../../../shared/reference/communities';
import { localToday } from '../../../../shared/validation/fields';
import { useStore } from '../../app/AppServices';
import { useAppLanguage } from '../../hooks/useAppLanguage';
import { useLiveResult } from '../../hooks/useLiveResult';
import { FigureLink } from './FigureLink';

/** The home page: the figures a monitor checks first, each linking to the list it counts. */
export function DashboardPage() {
  const { t } = useTranslation();
  const store = useStore();
  const language = useAppLanguage();
  const today = localToday();
  const monthStart = `${today.slice(0, 8)}01`;
  const { data: counts, error } = useLiveResult(() => store.dashboard.counts(today), [store, today]);
  const communityName = (code: string) => {
    const item = communities.find((c) => c.code === code);
    return item ? translatedName(item, language) : code;
  };

  return (
    <section aria-labelledby="dashboard-title" className="dashboard">
      <h1 id="dashboard-title">{t('dashboard.title')}</h1>
      {error && <p role="alert">{t('errors.unexpected', { message: error.message })}</p>}
      {counts && (
        <div className="dashboard-grid">
          <section aria-labelledby="dash-shelters" className="card">
            <h2 id="dash-shelters">{t('dashboard.shelters')}</h2>
            <FigureLink
              value={counts.shelters.open}
              label={t('dashboard.openShelters', { count: counts.shelters.open })}
              to="/shelters?status=open"
            />
            <FigureLink
              value={counts.shelters.residents}
              label={t('dashboard.residents', { count: counts.shelters.residents })}
              to="/shelters?status=open"
            />
          </section>
          <section aria-labelledby="dash-referrals" className="card">
            <h2 id="dash-referrals">{t('dashboard.referrals')}</h2>
            <FigureLink
              value={counts.referrals.open}
              label={t('dashboard.openReferrals', { count: counts.referrals.open })}
              to="/referrals?status=active"
            />
            <FigureLink
              value={counts.referrals.overdue}
              label={t('dashboard.overdueReferrals', { count: counts.referrals.overdue })}
              to="/referrals?overdue=1"
              alert
            />
          </section>
          <section aria-labelledby="dash-follow-ups" className="card">
            <h2 id="dash-follow-ups">{t('dashboard.followUps')}</h2>
            <FigureLink
              value={counts.followUps.dueThisWeek}
              label={t('dashboard.followUpsThisWeek', { count: counts.followUps.dueThisWeek })}
              to="/follow-ups?due=thisWeek"
            />
            <FigureLink
              value={counts.followUps.overdue}
              label={t('dashboard.overdueFollowUps', { count: counts.followUps.overdue })}
              to="/follow-ups?due=overdue"
              alert
            />
          </section>
          <section aria-labelledby="dash-visits" className="card">
            <h2 id="dash-visits">{t('dashboard.visitsThisMonth')}</h2>
            <FigureLink
              value={counts.visitsThisMonth.shelter}
              label={t('dashboard.shelterVisits', { count: counts.visitsThisMonth.shelter })}
              to={`/dashboard/visits?kind=shelter&from=${monthStart}&to=${today}`}
            />
            <FigureLink
              value={counts.visitsThisMonth.household}
              label={t('dashboard.householdVisits', { count: counts.visitsThisMonth.household })}
              to={`/dashboard/visits?kind=household&from=${monthStart}&to=${today}`}
            />
          </section>
          <section aria-labelledby="dash-households" className="card wide">
            <h2 id="dash-households">{t('dashboard.households')}</h2>
            <div className="figure-row">
              <FigureLink
                value={counts.households.byStatus.displaced}
                label={t('dashboard.displaced', { count: counts.households.byStatus.displaced })}
                to="/households?status=displaced"
              />
              <FigureLink
                value={counts.households.byStatus.returned}
                label={t('dashboard.returned', { count: counts.households.byStatus.returned })}
                to="/households?status=returned"
              />
            </div>
            <h3>{t('dashboard.byCommunity')}</h3>
            {counts.households.byCommunity.every((c) => c.count === 0) ? (
              <p className="muted">{t('dashboard.noHouseholds')}</p>
            ) : (
              <div className="figure-row small-figures">
                {counts.households.byCommunity
                  .filter((c) => c.count > 0)
                  .map((c) => (
                    <FigureLink
                      key={c.code}
                      value={c.count}
                      label={communityName(c.code)}
                      to={`/households?community=${c.code}`}
                    />
                  ))}
              </div>
            )}
          </section>
        </div>
      )}
    </section>
  );
}
