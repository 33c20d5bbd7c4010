import { useFormState } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/** Said once at the top after a refused save, so nobody wonders whether it was saved. */
export function FormErrorSummary() {
  const { t } = useTranslation();
  const { errors, submitCount } = useFormState();
  if (submitCount === 0 || Object.keys(errors).length === 0) return null;
  return (
    <p className="form-error" role="alert">
      {t('households.errorSummary')}
    </p>
  );
}

export function FormActions({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const { isSubmitting } = useFormState();
  return (
    <div className="actions wide form-actions">
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="primary" disabled={isSubmitting}>
        {isSubmitting ? t('common.saving') : t('common.save')}
      </button>
    </div>
  );
}
