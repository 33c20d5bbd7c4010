import { useTranslation } from 'react-i18next';

interface ListPagerProps {
  page: number;
  pageSize: number;
  total: number;
  /** The total is "at least" (a broad name search stopped counting). */
  totalIsLowerBound?: boolean;
  onPage: (page: number) => void;
}

/** "51–100 of 1,234" with previous and next: the list never holds more than one page. */
export function ListPager({ page, pageSize, total, totalIsLowerBound, onPage }: ListPagerProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total <= pageSize && page === 1) return null;
  const from = Math.min(total, (page - 1) * pageSize + 1);
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="pager" aria-label={t('households.pager.label')}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        ← {t('households.pager.previous')}
      </button>
      <span>
        {t(totalIsLowerBound ? 'households.pager.rangeAtLeast' : 'households.pager.range', {
          from: t('format.number', { value: from }),
          to: t('format.number', { value: to }),
          total: t('format.number', { value: total }),
        })}
      </span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('households.pager.next')} →
      </button>
    </nav>
  );
}
