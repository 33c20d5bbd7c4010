import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localToday } from '../../../../shared/validation/fields';
import { useStore } from '../../app/AppServices';
import { useNotice } from '../../app/Notices';
import { FormField } from '../../components/FormField';
import { RecordValidationError } from '../../db/recordStore';
import { ModalDialog } from './ModalDialog';

interface WithdrawConsentDialogProps {
  open: boolean;
  householdId: string;
  onClose: () => void;
}

export function WithdrawConsentDialog({ open, householdId, onClose }: WithdrawConsentDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog open={open} title={t('households.consentPanel.withdrawTitle')} onClose={onClose}>
      {() => <WithdrawConsentForm householdId={householdId} onClose={onClose} />}
    </ModalDialog>
  );
}

function WithdrawConsentForm({ householdId, onClose }: Omit<WithdrawConsentDialogProps, 'open'>) {
  const { t } = useTranslation();
  const store = useStore();
  const notice = useNotice();
  const [on, setOn] = useState(localToday());
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<{ on?: string; notes?: string; other?: string }>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await store.households.withdrawConsent(householdId, { on, notes });
      notice(t('households.consentPanel.withdrawn'));
      onClose();
    } catch (error) {
      if (!(error instanceof RecordValidationError)) {
        setErrors({
          other: t('households.saveFailed', {
            reason: error instanceof Error ? error.message : String(error),
          }),
        });
        return;
      }
      const at = (field: string) => error.issues.find((i) => i.path.at(-1) === field)?.message;
      setErrors({ on: at('withdrawnOn') ?? at('status') ?? 'validation.invalid', notes: at('notes') });
    }
  };

  return (
    <form className="stacked-form" noValidate onSubmit={submit}>
      <p>{t('households.consentPanel.withdrawText')}</p>
      {errors.other && <p role="alert">{errors.other}</p>}
      <FormField
        label={t('households.consentPanel.withdrawnOn')}
        error={errors.on}
        required
        requiredLabel={t('households.required')}
      >
        {(p) => (
          <input {...p} type="date" max={localToday()} value={on} onChange={(e) => setOn(e.target.value)} />
        )}
      </FormField>
      <FormField label={t('households.consentPanel.withdrawNotes')} error={errors.notes}>
        {(p) => <textarea {...p} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />}
      </FormField>
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary">
          {t('households.consentPanel.withdrawConfirm')}
        </button>
      </div>
    </form>
  );
}
