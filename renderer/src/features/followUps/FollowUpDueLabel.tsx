import { useTranslation } from 'react-i18next';
import { localDate, localToday } from '../../../../shared/validation/fields';
import { isFollowUpOverdue, type FollowUp } from '../../db/repositories/followUpRepository';
import { OverdueBadge } from '../referrals/ReferralBadges';

/** "Due 12 Jun 2024", marked overdue while open past that day, or "Done on …". */
export function FollowUpDueLabel({ followUp }: { followUp: FollowUp }) {
  const { t } = useTranslation();
  const date = (iso: string) => t('format.date', { value: localDate(iso) });
  return (
    <span className="meta">
      {t('followUps.dueOn', { date: date(followUp.dueDate) })}
      {isFollowUpOverdue(followUp, localToday()) && <OverdueBadge />}
      {followUp.done && (
        <span className="badge done">{t('followUps.doneOn', { date: date(followUp.completedOn) })}</span>
      )}
    </span>
  );
}
