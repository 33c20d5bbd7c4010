import { useTranslation } from 'react-i18next';
import { shelterStatuses } from '../../../../shared/shelters/shelterSchema';
import type { ShelterFilter } from '../../db/repositories/shelterRepository';
import { useMunicipalityOptions } from '../../hooks/useReferenceNames';

interface ShelterFiltersProps {
  filter: ShelterFilter;
  onChange: (next: ShelterFilter) => void;
}

export function ShelterFilters({ filter, onChange }: ShelterFiltersProps) {
  const { t } = useTranslation();
  const municipalities = useMunicipalityOptions();
  const hasFilters = Boolean(filter.search || filter.municipality || filter.status || filter.archived);
  return (
    <div className="filters" role="search">
      <label>
        <span>{t('shelters.search')}</span>
        <input
          type="search"
          value={filter.search ?? ''}
          placeholder={t('shelters.searchPlaceholder')}
          onChange={(e) => onChange({ ...filter, search: e.target.value })}
        />
      </label>
      <label>
        <span>{t('shelters.filterMunicipality')}</span>
        <select value={filter.municipality ?? ''} onChange={(e) => onChange({ ...filter, municipality: e.target.value })}>
          <option value="">{t('shelters.allMunicipalities')}</option>
          {municipalities.map((m) => (
            <option key={m.code} value={m.code}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('shelters.filterStatus')}</span>
        <select
          value={filter.status ?? ''}
          onChange={(e) =>
            onChange({ ...filter, status: (e.target.value || undefined) as ShelterFilter['status'] })
          }
        >
          <option value="">{t('shelters.allStatuses')}</option>
          {shelterStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`shelterStatus.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={Boolean(filter.archived)}
          onChange={(e) => onChange({ ...filter, archived: e.target.checked })}
        />
        <span>{t('shelters.showArchived')}</span>
      </label>
      {hasFilters && (
        <button type="button" className="link-button" onClick={() => onChange({})}>
          {t('shelters.clearFilters')}
        </button>
      )}
    </div>
  );
}
