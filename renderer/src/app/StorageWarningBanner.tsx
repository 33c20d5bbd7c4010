import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { StorageWarning } from '../features/settings/StorageHealth';
import { useStorageHealth } from '../features/settings/useStorageHealth';

/** Shown above every page while free space is low or critical, so nobody misses it. */
export function StorageWarningBanner() {
  const { t } = useTranslation();
  const health = useStorageHealth();
  if (health === null || (health.level !== 'low' && health.level !== 'critical')) return null;
  return (
    <div className="storage-banner">
      <StorageWarning health={health} />
      <Link to="/settings">{t('storage.openSettings')}</Link>
    </div>
  );
}
