import type { TFunction } from 'i18next';
import { RecordValidationError } from '../../db/recordStore';

/** A failed save in words: the validation messages when the store refused the record. */
export function saveErrorMessage(t: TFunction, error: unknown): string {
  const reason =
    error instanceof RecordValidationError
      ? [
          ...new Set(
            error.issues.map((i) =>
              i.message.startsWith('validation.') ? t(i.message) : t('validation.invalid'),
            ),
          ),
        ].join(' ')
      : error instanceof Error
        ? error.message
        : String(error);
  return t('visits.form.saveFailed', { reason });
}
