import type { TFunction } from 'i18next';
import { errorReason } from '../../app/errorReason';

/** A refused write in words: our errors carry i18n keys as messages; anything else is shown as is. */
export function saveErrorMessage(t: TFunction, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /^(referrals|followUps|organisations)\./.test(message)
    ? t(message)
    : t('referrals.notSaved', { reason: errorReason(t, error) });
}
