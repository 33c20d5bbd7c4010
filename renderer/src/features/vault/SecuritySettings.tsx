import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { changePassphraseSchema, type ChangePassphraseValues } from '../../../../shared/vault/setupSchema';
import { useServices } from '../../app/AppServices';
import { useNotice } from '../../app/Notices';
import { FormField } from '../../components/FormField';
import { AUTO_LOCK_CHOICES } from '../../db/repositories/settingsRepository';
import { useLocalSettings } from '../settings/useLocalSettings';
import { PassphraseFields } from './PassphraseFields';
import { RecoveryKeySheet } from './RecoveryKeySheet';
import { vaultErrorMessage } from './vaultErrorMessage';

/** Settings → Security: auto-lock, passphrase, recovery key. */
export function SecuritySettings() {
  const { t } = useTranslation();
  const { store } = useServices();
  const { data: settings } = useLocalSettings();
  return (
    <section aria-labelledby="settings-security">
      <h2 id="settings-security">{t('vault.settings.title')}</h2>
      {settings && (
        <label className="field">
          <span>{t('vault.settings.autoLock')}</span>
          <select
            value={settings.autoLockMinutes}
            onChange={(e) => void store.settings.setAutoLockMinutes(Number(e.target.value))}
          >
            {AUTO_LOCK_CHOICES.map((minutes) => (
              <option key={minutes} value={minutes}>
                {t('vault.settings.minutes', { count: minutes })}
              </option>
            ))}
          </select>
        </label>
      )}
      <ChangePassphraseForm />
      <NewRecoveryKey />
    </section>
  );
}

function ChangePassphraseForm() {
  const { t } = useTranslation();
  const { vault } = useServices();
  const notice = useNotice();
  const [error, setError] = useState('');
  const form = useForm<ChangePassphraseValues>({
    resolver: zodResolver(changePassphraseSchema),
    defaultValues: { current: '', passphrase: '', confirm: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    setError('');
    try {
      await vault.service.changePassphrase(vault.session, values.current, values.passphrase);
      form.reset();
      notice(t('vault.settings.passphraseChanged'));
    } catch (cause) {
      setError(vaultErrorMessage(t, cause));
    }
  });
  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate aria-labelledby="change-passphrase-title">
        <h3 id="change-passphrase-title">{t('vault.settings.changePassphrase')}</h3>
        <FormField label={t('vault.settings.currentPassphrase')} error={form.formState.errors.current?.message}>
          {(p) => <input {...p} type="password" autoComplete="current-password" {...form.register('current')} />}
        </FormField>
        <PassphraseFields label={t('vault.newPassphrase')} />
        {error && <p role="alert">{error}</p>}
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('vault.settings.changePassphraseSubmit')}
        </button>
      </form>
    </FormProvider>
  );
}

function NewRecoveryKey() {
  const { t } = useTranslation();
  const { vault } = useServices();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const [made, setMade] = useState<string | null>(null);
  if (made) {
    return <RecoveryKeySheet recoveryKey={made} displayName={vault.session.vault.displayName} onDone={() => setMade(null)} />;
  }
  return (
    <form
      aria-labelledby="new-recovery-key-title"
      onSubmit={(event) => {
        event.preventDefault();
        setError('');
        vault.service.newRecoveryKey(vault.session, passphrase).then(
          (key) => {
            setPassphrase('');
            setMade(key);
          },
          (cause: unknown) => setError(vaultErrorMessage(t, cause)),
        );
      }}
    >
      <h3 id="new-recovery-key-title">{t('vault.settings.newRecoveryKey')}</h3>
      <p className="hint">{t('vault.settings.newRecoveryKeyIntro')}</p>
      <FormField label={t('vault.settings.currentPassphrase')}>
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="current-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        )}
      </FormField>
      {error && <p role="alert">{error}</p>}
      <button type="submit">{t('vault.settings.makeRecoveryKey')}</button>
    </form>
  );
}
