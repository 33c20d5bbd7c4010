import type { TFunction } from 'i18next';
import { RecordValidationError } from '../db/recordStore';

/**
 * Why a write failed, in the UI language. The store's errors carry i18n keys as messages
 * (validation issues, `storage.full`, feature keys); anything else is shown as it is.
 */
export function errorReason(t: TFunction, error: unknown): string {
  if (error instanceof RecordValidationError) {
    const keys = [...new Set(error.issues.map((i) => i.message))];
    return keys.map((k) => (k.startsWith('validation.') ? t(k) : t('validation.invalid'))).join(' ');
  }
  const message = error instanceof Error ? error.message : String(error);
  return /^[a-zA-Z]+\.[a-zA-Z.]+$/.test(message) ? t(message, { defaultValue: message }) : message;
}
