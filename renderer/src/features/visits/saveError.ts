import type { TFunction } from 'i18next';
import { errorReason } from '../../app/errorReason';

/** A failed save in words: the validation messages when the store refused the record. */
export function saveErrorMessage(t: TFunction, error: unknown): string {
  return t('visits.form.saveFailed', { reason: errorReason(t, error) });
}
