import { get, useFormState } from 'react-hook-form';

/** The validation message (an i18n key) of a field anywhere in the form, for nested fields. */
export function useFieldError(name: string): string | undefined {
  const { errors } = useFormState({ name });
  const error = get(errors, name) as { message?: string; root?: { message?: string } } | undefined;
  return error?.message ?? error?.root?.message;
}
