import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from './useModalDialog';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal confirmation on the native <dialog>: focus trap and Escape come with it. */
export function ConfirmDialog({ open, title, text, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const ref = useModalDialog(open);
  // Unique per dialog: a page may hold several (archive a record, remove one of its members).
  const titleId = useId();
  return (
    <dialog ref={ref} aria-labelledby={titleId} onCancel={onCancel} className="confirm-dialog">
      <h2 id={titleId}>{title}</h2>
      <p>{text}</p>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
