import { useTranslation } from 'react-i18next';
import { householdStatuses } from '../../../../shared/households/householdSchema';
import type { HouseholdListFilter } from './householdFilterParams';
import { useCommunities } from './useHouseholdReference';
import { useShelterName } from './useHouseholds';

interface HouseholdFiltersProps {
  filter: HouseholdListFilter;
  onChange: (next: Partial<HouseholdListFilter>) => void;
}

export function HouseholdFilters({ filter, onChange }: HouseholdFiltersProps) {
  const { t } = useTranslation();
  const communities = useCommunities();
  const { data: shelterName } = useShelterName(filter.shelterId ?? '');
  const hasFilters = Boolean(
    filter.search || filter.status || filter.community || filter.shelterId || filter.archived,
  );
  // Any change of filter starts again at the first page.
  const set = (change: Partial<HouseholdListFilter>) => onChange({ ...filter, ...change, page: 1 });
  return (
    <div className="filters" role="search">
      <label>
        <span>{t('households.search')}</span>
        <input
          type="search"
          value={filter.search ?? ''}
          placeholder={t('households.searchPlaceholder')}
          onChange={(e) => set({ search: e.target.value })}
        />
      </label>
      <label>
        <span>{t('households.filterStatus')}</span>
        <select
          value={filter.status ?? ''}
          onChange={(e) => set({ status: (e.target.value || undefined) as HouseholdListFilter['status'] })}
        >
          <option value="">{t('households.allStatuses')}</option>
          {householdStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`households.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('households.filterCommunity')}</span>
        <select value={filter.community ?? ''} onChange={(e) => set({ community: e.target.value })}>
          <option value="">{t('households.allCommunities')}</option>
          {communities.options.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={Boolean(filter.archived)}
          onChange={(e) => set({ archived: e.target.checked })}
        />
        <span>{t('households.showArchived')}</span>
      </label>
      {filter.shelterId && shelterName && (
        <span className="badge">{t('households.filterShelter', { name: shelterName })}</span>
      )}
      {hasFilters && (
        <button type="button" className="link-button" onClick={() => onChange({ page: 1 })}>
          {t('households.clearFilters')}
        </button>
      )}
    </div>
  );
}
