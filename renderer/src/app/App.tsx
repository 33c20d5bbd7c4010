import { useTranslation } from 'react-i18next';
import { HashRouter, Link, Navigate, NavLink, Route, Routes } from 'react-router-dom';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { householdRoutes } from '../features/households/householdRoutes';
import { referralRoutes } from '../features/referrals/referralRoutes';
import { reportRoutes } from '../features/reports/reportRoutes';
import { FirstRunScreen } from '../features/setup/FirstRunScreen';
import { visitRoutes } from '../features/visits/visitRoutes';
import { SettingsPage } from '../features/settings/SettingsPage';
import { useLocalSettings } from '../features/settings/useLocalSettings';
import { ShelterDetailPage } from '../features/shelters/ShelterDetailPage';
import { ShelterFormPage } from '../features/shelters/ShelterFormPage';
import { ShelterListPage } from '../features/shelters/ShelterListPage';
import { NoticeProvider } from './Notices';
import { StorageWarningBanner } from './StorageWarningBanner';

function NotFound() {
  const { t } = useTranslation();
  return (
    <p>
      {t('errors.notFoundPage')} <Link to="/shelters">{t('errors.goHome')}</Link>
    </p>
  );
}

function Shell() {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <nav aria-label={t('nav.label')} className="sidebar">
        <p className="brand">{t('app.name')}</p>
        <NavLink to="/dashboard">{t('nav.dashboard')}</NavLink>
        <NavLink to="/shelters">{t('nav.shelters')}</NavLink>
        <NavLink to="/households">{t('nav.households')}</NavLink>
        <NavLink to="/referrals">{t('nav.referrals')}</NavLink>
        <NavLink to="/follow-ups">{t('nav.followUps')}</NavLink>
        <NavLink to="/reports">{t('reports.ui.nav')}</NavLink>
        <NavLink to="/settings">{t('nav.settings')}</NavLink>
      </nav>
      <main id="main" className="content">
        <StorageWarningBanner />
        <Routes>
          <Route path="/" element={<Navigate to="/dashboard" replace />} />
          <Route path="/dashboard" element={<DashboardPage />} />
          <Route path="/shelters" element={<ShelterListPage />} />
          <Route path="/shelters/new" element={<ShelterFormPage />} />
          <Route path="/shelters/:id" element={<ShelterDetailPage />} />
          <Route path="/shelters/:id/edit" element={<ShelterFormPage />} />
          {householdRoutes}
          {visitRoutes}
          {referralRoutes}
          {reportRoutes}
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
    </div>
  );
}

export function App() {
  const { data: settings, isLoading } = useLocalSettings();
  if (isLoading || !settings) return null;
  return (
    <NoticeProvider>
      {settings.setupCompletedAt ? (
        <HashRouter>
          <Shell />
        </HashRouter>
      ) : (
        <FirstRunScreen />
      )}
    </NoticeProvider>
  );
}
