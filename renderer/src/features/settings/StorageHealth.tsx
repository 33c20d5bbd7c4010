import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/AppServices';
import { formatBytes, useStorageHealth, type StorageHealthView } from './useStorageHealth';

/** The Settings section's content: persistence, data size, free space and any warning. */
export function StorageHealth() {
  const { t } = useTranslation();
  const { appInfo, storagePersisted } = useServices();
  const health = useStorageHealth();
  const persistence =
    storagePersisted === null
      ? t('settings.persistenceUnknown')
      : storagePersisted
        ? t('settings.persistenceGranted')
        : t('settings.persistenceDenied');
  const bytes = (value: number | null | undefined) =>
    health === null ? t('storage.measuring') : value == null ? t('storage.unknown') : formatBytes(t, value);
  const free =
    health?.freeBytes != null && health.totalBytes != null
      ? t('storage.freeOfTotal', { free: formatBytes(t, health.freeBytes), total: formatBytes(t, health.totalBytes) })
      : bytes(health?.freeBytes);

  return (
    <>
      <dl className="details">
        <div>
          <dt>{t('settings.persistence')}</dt>
          <dd data-testid="storage-persistence">{persistence}</dd>
        </div>
        <div>
          <dt>{t('storage.dataSize')}</dt>
          <dd data-testid="storage-data-size">{bytes(health?.usageBytes)}</dd>
        </div>
        <div>
          <dt>{appInfo.host === 'electron' ? t('storage.freeDisk') : t('storage.freeForApp')}</dt>
          <dd data-testid="storage-free">{free}</dd>
        </div>
      </dl>
      {health && <StorageWarning health={health} />}
    </>
  );
}

/** The low or critical warning with what to do; nothing while space is fine or unknown. */
export function StorageWarning({ health }: { health: StorageHealthView }) {
  const { t } = useTranslation();
  if (health.freeBytes === null || (health.level !== 'low' && health.level !== 'critical')) return null;
  const free = formatBytes(t, health.freeBytes);
  return (
    <p role="alert" className={health.level === 'critical' ? 'form-error' : 'report-warning'}>
      {health.level === 'critical' ? t('storage.critical', { free }) : t('storage.low', { free })}
    </p>
  );
}
