import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../components/FieldError';

interface CloseReferralDialogProps {
  open: boolean;
  /** Resolves to an error message (an i18n key) when the reason is refused, or '' when closed. */
  onConfirm: (reason: string) => Promise<string>;
  onCancel: () => void;
}

/** "Close unresolved" needs a reason: asked in a modal, checked by the shared schema. */
export function CloseReferralDialog({ open, onConfirm, onCancel }: CloseReferralDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  /** Starts empty the next time it opens. */
  const clear = () => {
    setReason('');
    setError('');
  };
  const cancel = () => {
    clear();
    onCancel();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const refused = await onConfirm(reason);
    if (refused) setError(refused);
    else clear();
  };
  return (
    <dialog ref={ref} aria-labelledby="close-referral-title" onCancel={cancel} className="confirm-dialog">
      <form onSubmit={submit} noValidate>
        <h2 id="close-referral-title">{t('referrals.closeDialog.title')}</h2>
        <p>{t('referrals.closeDialog.text')}</p>
        <div className="field">
          <label htmlFor="close-referral-reason">{t('referrals.closeDialog.reason')}</label>
          <textarea
            id="close-referral-reason"
            rows={3}
            value={reason}
            autoFocus
            aria-invalid={Boolean(error)}
            aria-describedby={error ? 'close-referral-error' : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          <FieldError id="close-referral-error" message={error} />
        </div>
        <div className="actions">
          <button type="button" onClick={cancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('referrals.closeDialog.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
