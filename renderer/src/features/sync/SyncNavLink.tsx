import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { useStore } from '../../app/AppServices';
import { useLiveResult } from '../../hooks/useLiveResult';

export function SyncNavLink() {
  const { t } = useTranslation();
  const store = useStore();
  const { data: role } = useLiveResult(() => store.sync.role(), [store]);
  return <NavLink to="/sync">{role === 'hq' ? t('sync.hq.nav') : t('sync.field.nav')}</NavLink>;
}
