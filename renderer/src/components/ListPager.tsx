import { useTranslation } from 'react-i18next';

interface ListPagerProps {
  offset: number;
  limit: number;
  total: number;
  /** The total is "at least" (a broad name search stopped counting). */
  totalIsLowerBound?: boolean;
  onOffset: (offset: number) => void;
}

/** "51–100 of 1,234" with previous and next: lists are read one page at a time. */
export function ListPager({ offset, limit, total, totalIsLowerBound, onOffset }: ListPagerProps) {
  const { t } = useTranslation();
  if (total <= limit && offset === 0) return null;
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
        ← {t('pager.previous')}
      </button>
      <span>
        {t(totalIsLowerBound ? 'pager.rangeAtLeast' : 'pager.range', {
          from: t('format.number', { value: Math.min(total, offset + 1) }),
          to: t('format.number', { value: Math.min(total, offset + limit) }),
          total: t('format.number', { value: total }),
        })}
      </span>
      <button type="button" disabled={offset + limit >= total} onClick={() => onOffset(offset + limit)}>
        {t('pager.next')} →
      </button>
    </nav>
  );
}
