import { useTranslation } from 'react-i18next';
import { useStore } from '../../app/AppServices';
import { useNotice } from '../../app/Notices';
import type { FollowUp } from '../../db/repositories/followUpRepository';

/** "Mark done" on an open task, "Reopen" on a done one; named after the task for screen readers. */
export function FollowUpDoneButton({ followUp }: { followUp: FollowUp }) {
  const { t } = useTranslation();
  const store = useStore();
  const notice = useNotice();
  const toggle = async () => {
    if (followUp.done) {
      await store.followUps.reopen(followUp.id);
      notice(t('followUps.reopened'));
    } else {
      await store.followUps.complete(followUp.id);
      notice(t('followUps.completed'));
    }
  };
  return (
    <button
      type="button"
      className="small"
      aria-label={t(followUp.done ? 'followUps.reopenNamed' : 'followUps.markDoneNamed', {
        title: followUp.title,
      })}
      onClick={() => void toggle()}
    >
      {followUp.done ? t('followUps.reopen') : t('followUps.markDone')}
    </button>
  );
}
