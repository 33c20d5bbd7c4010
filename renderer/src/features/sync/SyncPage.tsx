import { useTranslation } from 'react-i18next';
import { useStore } from '../../app/AppServices';
import { useLiveResult } from '../../hooks/useLiveResult';
import { FieldSync } from './FieldSync';
import { HqSync } from './HqSync';

/** "Send to HQ" on a field device; devices, imports and conflicts at Headquarters. */
export function SyncPage() {
  const { t } = useTranslation();
  const store = useStore();
  const { data: role } = useLiveResult(() => store.sync.role(), [store]);
  if (!role) return null;
  return (
    <section aria-labelledby="sync-title" className="settings sync-page">
      <h1 id="sync-title">{role === 'hq' ? t('sync.hq.title') : t('sync.field.title')}</h1>
      {role === 'hq' ? <HqSync /> : <FieldSync />}
    </section>
  );
}
