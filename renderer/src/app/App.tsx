import { useTranslation } from 'react-i18next';
import { HashRouter, Link, Navigate, NavLink, Route, Routes } from 'react-router-dom';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { ExportsPage } from '../features/exports/ExportsPage';
import { householdRoutes } from '../features/households/householdRoutes';
import { referralRoutes } from '../features/referrals/referralRoutes';
import { reportRoutes } from '../features/reports/reportRoutes';
import { visitRoutes } from '../features/visits/visitRoutes';
import { SettingsPage } from '../features/settings/SettingsPage';
import { RetentionReviewPage } from '../features/retention/RetentionReviewPage';
import { SyncNavLink } from '../features/sync/SyncNavLink';
import { SyncFolderWatcher } from '../features/sync/SyncFolderWatcher';
import { SyncPage } from '../features/sync/SyncPage';
import { useLocalSettings } from '../features/settings/useLocalSettings';
import { useAutoLock } from '../features/vault/useAutoLock';
import { useServices } from './AppServices';
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
        <NavLink to="/exports">{t('exports.nav')}</NavLink>
        <SyncNavLink />
        <NavLink to="/settings">{t('nav.settings')}</NavLink>
        <LockButton />
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
          <Route path="/exports" element={<ExportsPage />} />
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="/retention" element={<RetentionReviewPage />} />
          <Route path="/sync" element={<SyncPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
    </div>
  );
}

function LockButton() {
  const { t } = useTranslation();
  const { vault } = useServices();
  return (
    <button type="button" className="lock-button" onClick={vault.lock}>
      {t('vault.lockNow')}
    </button>
  );
}

function AutoLock({ minutes }: { minutes: number }) {
  const { host, vault } = useServices();
  useAutoLock(minutes, host, vault.lock);
  return null;
}

/** The app of an unlocked vault (the vault gate renders it once the setup is complete). */
export function App() {
  const { data: settings, isLoading } = useLocalSettings();
  if (isLoading || !settings) return null;
  return (
    <NoticeProvider>
      <AutoLock minutes={settings.autoLockMinutes} />
      <SyncFolderWatcher />
      <HashRouter>
        <Shell />
      </HashRouter>
    </NoticeProvider>
  );
}
