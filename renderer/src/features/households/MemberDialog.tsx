import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../app/AppServices';
import { useNotice } from '../../app/Notices';
import type { Member } from '../../db/repositories/householdRepository';
import { FormActions, FormErrorSummary } from './FormParts';
import {
  emptyMember,
  memberDialogSchema,
  memberFormValuesOf,
  type MemberDialogOutput,
  type MemberDialogValues,
} from './householdFormValues';
import { MemberFields } from './MemberFields';
import { ModalDialog } from './ModalDialog';
import { showRecordErrors } from './recordErrors';
import { errorReason } from '../../app/errorReason';

interface MemberDialogProps {
  /** The member to edit; `null` adds a new one; `undefined` keeps the dialog closed. */
  member: Member | null | undefined;
  householdId: string;
  defaultCommunity: string;
  onClose: () => void;
}

export function MemberDialog({ member, householdId, defaultCommunity, onClose }: MemberDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={member !== undefined}
      title={member ? t('households.detail.editMemberTitle') : t('households.detail.addMemberTitle')}
      onClose={onClose}
      className="member-dialog"
    >
      {() => (
        <MemberForm
          member={member ?? null}
          householdId={householdId}
          defaultCommunity={defaultCommunity}
          onClose={onClose}
        />
      )}
    </ModalDialog>
  );
}

function MemberForm({ member, householdId, defaultCommunity, onClose }: Required<MemberDialogProps>) {
  const { t } = useTranslation();
  const store = useStore();
  const notice = useNotice();
  const [saveError, setSaveError] = useState('');
  const form = useForm<MemberDialogValues, unknown, MemberDialogOutput>({
    resolver: zodResolver(memberDialogSchema),
    defaultValues: {
      member: member
        ? memberFormValuesOf(member)
        : emptyMember({ community: defaultCommunity as MemberDialogValues['member']['community'] }),
    },
  });

  const onSubmit = async ({ member: values }: MemberDialogOutput) => {
    try {
      if (member) await store.households.updateMember(member.id, values);
      else await store.households.addMember(householdId, values);
      notice(t('households.detail.memberSaved'));
      onClose();
    } catch (error) {
      if (!showRecordErrors(form, error, 'member')) {
        setSaveError(
          t('households.saveFailed', { reason: errorReason(t, error) }),
        );
      }
    }
  };

  return (
    <FormProvider {...form}>
      <form className="record-form member-form" noValidate onSubmit={form.handleSubmit(onSubmit)}>
        <FormErrorSummary />
        {saveError && (
          <p className="form-error" role="alert">
            {saveError}
          </p>
        )}
        <MemberFields prefix="member" autoFocus />
        <FormActions onCancel={onClose} />
      </form>
    </FormProvider>
  );
}
