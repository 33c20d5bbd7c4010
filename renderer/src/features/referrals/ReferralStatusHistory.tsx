import { useTranslation } from 'react-i18next';
import type { ReferralRecord } from '../../../../shared/referrals/referralSchema';
import { localDate } from '../../../../shared/validation/fields';

/** Each status the referral has been in, oldest first, with the day it changed. */
export function ReferralStatusHistory({ history }: { history: ReferralRecord['statusHistory'] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="referral-history-title" className="status-history">
      <h2 id="referral-history-title">{t('referrals.statusHistory')}</h2>
      <ol>
        {history.map((step, i) => (
          <li key={`${step.status}-${i}`}>
            {t('referrals.statusOn', {
              status: t(`referrals.status.${step.status}`),
              date: t('format.date', { value: localDate(step.on) }),
            })}
          </li>
        ))}
      </ol>
    </section>
  );
}
