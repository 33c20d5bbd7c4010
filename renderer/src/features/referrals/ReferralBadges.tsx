import { useTranslation } from 'react-i18next';
import type { ReferralStatus } from '../../../../shared/referrals/referralSchema';

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return <span className={`status referral-status-${status}`}>{t(`referrals.status.${status}`)}</span>;
}

/** Overdue in words as well as in colour, so it is not lost on anyone. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return <span className="badge overdue">{t('referrals.overdue')}</span>;
}
