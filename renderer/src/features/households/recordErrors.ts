import type { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';
import { RecordValidationError } from '../../db/recordStore';

/**
 * Shows a refusal from the repository (a rule the form could not check, like a second head
 * of household) at its field. Returns false for any other error, which the caller reports.
 */
export function showRecordErrors<T extends FieldValues>(
  form: UseFormReturn<T>,
  error: unknown,
  prefix = '',
): boolean {
  if (!(error instanceof RecordValidationError)) return false;
  for (const issue of error.issues) {
    const name = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') as FieldPath<T>;
    form.setError(name, { type: 'record', message: issue.message });
  }
  return true;
}
