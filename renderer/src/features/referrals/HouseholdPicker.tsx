import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useStore } from '../../app/AppServices';
import { useLiveResult } from '../../hooks/useLiveResult';

/** A referral starts from a household: find it by a member's name, then refer. */
export function HouseholdPicker() {
  const { t } = useTranslation();
  const store = useStore();
  const [search, setSearch] = useState('');
  const { data } = useLiveResult(
    async () => (search.trim() ? store.households.list({ search, limit: 10 }) : null),
    [store, search],
  );
  return (
    <div className="household-picker">
      <p>{t('referrals.pickHousehold.intro')}</p>
      <label className="field">
        <span>{t('referrals.pickHousehold.search')}</span>
        <input type="search" value={search} autoFocus onChange={(e) => setSearch(e.target.value)} />
      </label>
      {data && data.total === 0 && <p className="empty">{t('referrals.pickHousehold.none')}</p>}
      {data && data.rows.length > 0 && (
        <ul className="picker-results">
          {data.rows.map((h) => (
            <li key={h.id}>
              <Link to={`/referrals/new?householdId=${h.id}`}>
                {t('referrals.pickHousehold.refer', { name: h.headName })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
