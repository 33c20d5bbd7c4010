import { useId, type ReactNode } from 'react';
import { useModalDialog } from '../../components/useModalDialog';

interface ModalDialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  className?: string;
  /** Rendered only while open, so a form inside starts afresh each time. */
  children: (titleId: string) => ReactNode;
}

/** A modal on the native <dialog>: focus stays inside, Escape closes it. */
export function ModalDialog({ open, title, onClose, className, children }: ModalDialogProps) {
  const ref = useModalDialog(open);
  const titleId = useId();
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className={`modal-dialog ${className ?? ''}`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {open && children(titleId)}
    </dialog>
  );
}
