import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { followUpSchema, type FollowUpInput } from '../../../../shared/referrals/referralSchema';
import { useStore } from '../../app/AppServices';
import { useNotice } from '../../app/Notices';
import { FormField } from '../../components/FormField';
import { saveErrorMessage } from '../referrals/saveErrorMessage';

export type FollowUpSubjectType = FollowUpInput['subjectType'];
type FollowUpFormValues = z.input<typeof followUpSchema>;

/** Title and due date: Enter adds the task, Escape clears the form. */
export function FollowUpAddForm({
  subjectType,
  subjectId,
}: {
  subjectType: FollowUpSubjectType;
  subjectId: string;
}) {
  const { t } = useTranslation();
  const store = useStore();
  const notice = useNotice();
  const [saveError, setSaveError] = useState('');
  const empty: FollowUpFormValues = {
    subjectType,
    subjectId,
    title: '',
    dueDate: '',
    done: false,
    notes: '',
  };
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<FollowUpFormValues, unknown, FollowUpInput>({
    resolver: zodResolver(followUpSchema),
    defaultValues: empty,
  });

  const submit = handleSubmit(async (values) => {
    try {
      await store.followUps.create(values);
      setSaveError('');
      reset(empty);
      notice(t('followUps.added'));
    } catch (error) {
      setSaveError(saveErrorMessage(t, error));
    }
  });

  return (
    <form
      className="follow-up-form"
      noValidate
      aria-label={t('followUps.addFormLabel')}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') reset(empty);
      }}
    >
      <FormField label={t('followUps.form.title')} error={errors.title?.message} className="grow">
        {(p) => <input {...p} {...register('title')} autoComplete="off" />}
      </FormField>
      <FormField label={t('followUps.form.dueDate')} error={errors.dueDate?.message}>
        {(p) => <input {...p} type="date" {...register('dueDate')} />}
      </FormField>
      <button type="submit" disabled={isSubmitting}>
        {t('followUps.add')}
      </button>
      {saveError && (
        <p className="form-error" role="alert">
          {saveError}
        </p>
      )}
    </form>
  );
}
