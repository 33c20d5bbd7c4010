import { useTranslation } from 'react-i18next';
import { localToday } from '../../../../shared/validation/fields';
import { isFollowUpOverdue } from '../../db/repositories/followUpRepository';
import { FollowUpAddForm, type FollowUpSubjectType } from './FollowUpAddForm';
import { FollowUpDoneButton } from './FollowUpDoneButton';
import { FollowUpDueLabel } from './FollowUpDueLabel';
import { useSubjectFollowUps } from './useFollowUps';

/** The follow-up tasks of a referral, household or shelter, with a small form to add one. */
export function FollowUpsSection({
  subjectType,
  subjectId,
}: {
  subjectType: FollowUpSubjectType;
  subjectId: string;
}) {
  const { t } = useTranslation();
  const { data: followUps } = useSubjectFollowUps(subjectId);
  const today = localToday();
  const titleId = `follow-ups-${subjectId}`;
  return (
    <section aria-labelledby={titleId} className="follow-ups-section">
      <h2 id={titleId}>{t('followUps.sectionTitle')}</h2>
      {followUps?.length === 0 && <p className="muted">{t('followUps.sectionEmpty')}</p>}
      {followUps && followUps.length > 0 && (
        <ul className="record-list">
          {followUps.map((f) => (
            <li
              key={f.id}
              className={
                [isFollowUpOverdue(f, today) ? 'overdue-row' : '', f.done ? 'done-row' : '']
                  .join(' ')
                  .trim() || undefined
              }
            >
              <span className="title">{f.title}</span>
              <FollowUpDueLabel followUp={f} />
              <FollowUpDoneButton followUp={f} />
            </li>
          ))}
        </ul>
      )}
      <FollowUpAddForm subjectType={subjectType} subjectId={subjectId} />
    </section>
  );
}
