import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CancelledError, syncErrorMessage } from './syncFiles';

/** Runs one sync action at a time and keeps its outcome for a status line or an alert. */
export function useSyncAction() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  async function run(work: () => Promise<string | undefined>) {
    setBusy(true);
    setMessage('');
    setError('');
    try {
      setMessage((await work()) ?? '');
    } catch (cause) {
      if (!(cause instanceof CancelledError)) setError(syncErrorMessage(t, cause));
    } finally {
      setBusy(false);
    }
  }

  return { busy, message, error, run };
}

/** The outcome line under an action: a polite status, or an alert. */
export function ActionOutcome({ message, error }: { message: string; error: string }) {
  return (
    <>
      {message && <p role="status">{message}</p>}
      {error && <p role="alert">{error}</p>}
    </>
  );
}
