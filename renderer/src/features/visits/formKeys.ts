import type { KeyboardEvent } from 'react';

/**
 * Keyboard handling shared by the visit forms: Escape cancels, Ctrl+Enter (or ⌘+Enter) saves
 * from anywhere, including a multi-line text box where a plain Enter starts a new line.
 * A plain Enter in a one-line field saves through the browser's own implicit submission.
 * Escape inside a dialog (a confirmation) closes only the dialog.
 */
export function formKeys(onCancel: () => void) {
  return (event: KeyboardEvent<HTMLFormElement>) => {
    const inDialog = event.target instanceof Element && event.target.closest('dialog') !== null;
    if (event.key === 'Escape' && !event.defaultPrevented && !inDialog) {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  };
}
