import { useTranslation } from 'react-i18next';

interface ListPagerProps {
  offset: number;
  limit: number;
  total: number;
  onOffset: (offset: number) => void;
}

/** "Showing 51–100 of 320" with previous/next: lists are read one page at a time. */
export function ListPager({ offset, limit, total, onOffset }: ListPagerProps) {
  const { t } = useTranslation();
  if (total <= limit && offset === 0) return null;
  return (
    <nav className="pager" aria-label={t('referrals.pager.label')}>
      <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
        {t('referrals.pager.previous')}
      </button>
      <span>
        {t('referrals.pager.range', {
          from: t('format.number', { value: Math.min(total, offset + 1) }),
          to: t('format.number', { value: Math.min(total, offset + limit) }),
          total: t('format.number', { value: total }),
        })}
      </span>
      <button type="button" disabled={offset + limit >= total} onClick={() => onOffset(offset + limit)}>
        {t('referrals.pager.next')}
      </button>
    </nav>
  );
}
