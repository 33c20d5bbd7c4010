import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { setupUserInputs, vaultSetupSchema, type VaultSetupValues } from '../../../../shared/vault/setupSchema';
import { FormField } from '../../components/FormField';
import { LanguageSelect } from '../settings/LanguageSelect';
import { PassphraseFields } from './PassphraseFields';

interface SetupScreenProps {
  /** Creates the vault (slow on purpose: the key derivation) and opens it. */
  onSubmit: (values: VaultSetupValues) => Promise<void>;
  /** Present when other people already have a vault here: back to sign-in. */
  onCancel?: () => void;
}

/** First run, or a new person on a shared laptop: who they are and their passphrase. */
export function SetupScreen({ onSubmit, onCancel }: SetupScreenProps) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const form = useForm<VaultSetupValues>({
    resolver: zodResolver(vaultSetupSchema),
    defaultValues: { organisation: '', monitorName: '', deviceName: '', role: 'field', passphrase: '', confirm: '' },
  });
  const {
    register,
    handleSubmit,
    control,
    formState: { errors, isSubmitting },
  } = form;
  const [organisation = '', monitorName = '', deviceName = ''] = useWatch({
    control,
    name: ['organisation', 'monitorName', 'deviceName'],
  });
  const req = { required: true, requiredLabel: t('shelterForm.required') };

  const submit = handleSubmit(async (values) => {
    setFailed(false);
    try {
      await onSubmit(values);
    } catch {
      setFailed(true);
    }
  });

  return (
    <main className="vault-screen" id="main">
      <h1>{t('vault.setup.title')}</h1>
      <p>{t('vault.setup.intro')}</p>
      <LanguageSelect />
      <FormProvider {...form}>
        <form onSubmit={submit} noValidate aria-busy={isSubmitting}>
          <FormField label={t('vault.setup.organisation')} error={errors.organisation?.message} {...req}>
            {(p) => <input {...p} autoComplete="organization" {...register('organisation')} />}
          </FormField>
          <FormField
            label={t('firstRun.monitorName')}
            hint={t('firstRun.monitorNameHint')}
            error={errors.monitorName?.message}
            {...req}
          >
            {(p) => <input {...p} autoComplete="name" {...register('monitorName')} />}
          </FormField>
          <FormField
            label={t('vault.setup.deviceName')}
            hint={t('vault.setup.deviceNameHint')}
            error={errors.deviceName?.message}
            {...req}
          >
            {(p) => <input {...p} {...register('deviceName')} />}
          </FormField>
          <fieldset className="choice-group">
            <legend>{t('vault.setup.role')}</legend>
            <label>
              <input type="radio" value="field" {...register('role')} />
              {t('vault.setup.roleField')}
            </label>
            <label>
              <input type="radio" value="hq" {...register('role')} />
              {t('vault.setup.roleHq')}
            </label>
          </fieldset>
          <PassphraseFields
            label={t('vault.passphraseLabel')}
            userInputs={setupUserInputs({ organisation, monitorName, deviceName })}
          />
          {failed && <p role="alert">{t('vault.setup.failed')}</p>}
          <div className="actions">
            <button type="submit" className="primary" disabled={isSubmitting}>
              {isSubmitting ? t('vault.setup.creating') : t('vault.setup.create')}
            </button>
            {onCancel && (
              <button type="button" onClick={onCancel}>
                {t('common.cancel')}
              </button>
            )}
          </div>
        </form>
      </FormProvider>
    </main>
  );
}
