import { useTranslation } from 'react-i18next';

/**
 * Shows a validation message. Shared zod schemas carry i18n keys (`validation.*`) as
 * messages; anything else (a library default) falls back to a generic translated message.
 */
export function FieldError({ id, message }: { id: string; message?: string }) {
  const { t } = useTranslation();
  if (!message) return null;
  const key = message.startsWith('validation.') ? message : 'validation.invalid';
  return (
    <p id={id} className="field-error" role="alert">
      {t(key)}
    </p>
  );
}
