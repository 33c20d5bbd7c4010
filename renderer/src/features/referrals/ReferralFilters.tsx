import { useTranslation } from 'react-i18next';
import { referralServices, type ReferralService } from '../../../../shared/referrals/referralSchema';
import type { ReferralFilter, ReferralStatusFilter } from '../../db/repositories/referralRepository';
import { statusFilters } from './referralFilterParams';

interface ReferralFiltersProps {
  filter: ReferralFilter;
  onChange: (next: ReferralFilter) => void;
}

/** Any change of filter goes back to the first page. */
export function ReferralFilters({ filter, onChange }: ReferralFiltersProps) {
  const { t } = useTranslation();
  const change = (next: Partial<ReferralFilter>) => onChange({ ...filter, ...next, offset: 0 });
  const hasFilters = Boolean(filter.status || filter.overdue || filter.service);
  return (
    <div className="filters referral-filters" role="search">
      <label>
        <span>{t('referrals.filters.status')}</span>
        <select
          value={filter.status ?? ''}
          onChange={(e) =>
            change({ status: (e.target.value || undefined) as ReferralStatusFilter | undefined })
          }
        >
          <option value="">{t('referrals.filters.allStatuses')}</option>
          {statusFilters.map((s) => (
            <option key={s} value={s}>
              {t(`referrals.statusFilter.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('referrals.filters.service')}</span>
        <select
          value={filter.service ?? ''}
          onChange={(e) => change({ service: (e.target.value || undefined) as ReferralService | undefined })}
        >
          <option value="">{t('referrals.filters.allServices')}</option>
          {referralServices.map((s) => (
            <option key={s} value={s}>
              {t(`referrals.service.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={Boolean(filter.overdue)}
          onChange={(e) => change({ overdue: e.target.checked })}
        />
        <span>{t('referrals.filters.overdueOnly')}</span>
      </label>
      {hasFilters && (
        <button type="button" className="link-button" onClick={() => onChange({})}>
          {t('referrals.filters.clear')}
        </button>
      )}
    </div>
  );
}
