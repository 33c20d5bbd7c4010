import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../app/AppServices';
import { useNotice } from '../../app/Notices';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RecordValidationError } from '../../db/recordStore';
import type { Household, Member } from '../../db/repositories/householdRepository';
import { MemberDialog } from './MemberDialog';
import { isHead } from './memberDisplay';
import { MemberRow } from './MemberRow';
import { useMembers, useRemovedMembers } from './useHouseholds';

function MembersTable({ caption, children }: { caption: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <table className="data-table members-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('households.detail.nameAndRelationship')}</th>
          <th scope="col">{t('households.memberForm.sex')}</th>
          <th scope="col">{t('households.detail.ageColumn')}</th>
          <th scope="col">{t('households.memberForm.community')}</th>
          <th scope="col">{t('households.detail.documents')}</th>
          <th scope="col">{t('households.memberForm.specificNeeds')}</th>
          <th scope="col">{t('households.detail.actions')}</th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** Members of the household, edited one at a time; removal is soft and can be undone. */
export function MembersSection({ household }: { household: Household }) {
  const { t } = useTranslation();
  const store = useStore();
  const notice = useNotice();
  const { data: members } = useMembers(household.id);
  const { data: removed } = useRemovedMembers(household.id);
  const [editing, setEditing] = useState<Member | null | undefined>(undefined);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [error, setError] = useState('');
  const live = !household.deletedAt;

  const run = async (work: () => Promise<unknown>, done: string) => {
    setError('');
    try {
      await work();
      notice(done);
    } catch (e) {
      setError(
        e instanceof RecordValidationError ? (e.issues[0]?.message ?? 'validation.invalid') : String(e),
      );
    }
  };
  const remove = async () => {
    const member = removing;
    setRemoving(null);
    if (member)
      await run(() => store.households.removeMember(member.id), t('households.detail.memberRemoved'));
  };

  return (
    <section aria-labelledby="members-title" className="members">
      <div className="section-header">
        <h2 id="members-title">
          {t('households.detail.membersTitle')}{' '}
          <span className="muted">
            ({t('households.detail.membersCount', { count: members?.length ?? 0 })})
          </span>
        </h2>
        {live && (
          <button type="button" onClick={() => setEditing(null)}>
            + {t('households.memberForm.add')}
          </button>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error.startsWith('validation.') ? t(error) : error}
        </p>
      )}
      {members && !members.some(isHead) && <p className="badge warn">{t('households.detail.noHead')}</p>}
      <MembersTable caption={t('households.detail.membersTable')}>
        {members?.map((m) => (
          <MemberRow
            key={m.id}
            member={m}
            onEdit={live ? () => setEditing(m) : undefined}
            onRemove={live && members.length > 1 ? () => setRemoving(m) : undefined}
          />
        ))}
      </MembersTable>
      {removed && removed.length > 0 && (
        <details className="removed-members">
          <summary>
            {t('households.detail.removedMembers')} ({t('format.number', { value: removed.length })})
          </summary>
          <MembersTable caption={t('households.detail.removedMembers')}>
            {removed.map((m) => (
              <MemberRow
                key={m.id}
                member={m}
                onRestore={
                  live
                    ? () =>
                        run(() => store.households.restoreMember(m.id), t('households.detail.memberRestored'))
                    : undefined
                }
              />
            ))}
          </MembersTable>
        </details>
      )}
      <MemberDialog
        member={editing}
        householdId={household.id}
        defaultCommunity={household.community}
        onClose={() => setEditing(undefined)}
      />
      <ConfirmDialog
        open={removing !== null}
        title={t('households.detail.removeConfirmTitle')}
        text={t('households.detail.removeConfirmText', { name: removing?.fullName ?? '' })}
        confirmLabel={t('households.detail.removeConfirm')}
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      />
    </section>
  );
}
