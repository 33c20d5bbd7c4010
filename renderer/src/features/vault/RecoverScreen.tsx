import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { recoverySchema, type RecoveryValues } from '../../../../shared/vault/setupSchema';
import { FormField } from '../../components/FormField';
import { PassphraseFields } from './PassphraseFields';
import { vaultErrorMessage } from './vaultErrorMessage';

interface RecoverScreenProps {
  displayName: string;
  onSubmit: (values: RecoveryValues) => Promise<void>;
  onCancel: () => void;
}

/** A forgotten passphrase: the printed recovery key opens the vault and sets a new one. */
export function RecoverScreen({ displayName, onSubmit, onCancel }: RecoverScreenProps) {
  const { t } = useTranslation();
  const [error, setError] = useState('');
  const form = useForm<RecoveryValues>({
    resolver: zodResolver(recoverySchema),
    defaultValues: { recoveryKey: '', passphrase: '', confirm: '' },
  });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;

  const submit = handleSubmit(async (values) => {
    setError('');
    try {
      await onSubmit(values);
    } catch (cause) {
      setError(vaultErrorMessage(t, cause));
    }
  });

  return (
    <main className="vault-screen" id="main">
      <h1>{t('vault.recover.title')}</h1>
      <p>{t('vault.recover.intro', { name: displayName })}</p>
      <FormProvider {...form}>
        <form onSubmit={submit} noValidate aria-busy={isSubmitting}>
          <FormField
            label={t('vault.recover.recoveryKey')}
            error={errors.recoveryKey?.message}
            required
            requiredLabel={t('shelterForm.required')}
          >
            {(p) => <input {...p} autoComplete="off" spellCheck={false} {...register('recoveryKey')} />}
          </FormField>
          <PassphraseFields label={t('vault.newPassphrase')} />
          {error && <p role="alert">{error}</p>}
          <div className="actions">
            <button type="submit" className="primary" disabled={isSubmitting}>
              {t('vault.recover.submit')}
            </button>
            <button type="button" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </FormProvider>
    </main>
  );
}
