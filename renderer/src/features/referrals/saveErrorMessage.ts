import type { TFunction } from 'i18next';
import { RecordValidationError } from '../../db/recordStore';

/** A refused write in words: our errors carry i18n keys as messages; anything else is shown as is. */
export function saveErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof RecordValidationError) {
    const keys = [...new Set(error.issues.map((i) => i.message))].filter((m) => m.startsWith('validation.'));
    return t('referrals.notSaved', { reason: keys.map((k) => t(k)).join(' ') || error.message });
  }
  const message = error instanceof Error ? error.message : String(error);
  return /^(referrals|followUps|organisations)\./.test(message)
    ? t(message)
    : t('referrals.notSaved', { reason: message });
}
