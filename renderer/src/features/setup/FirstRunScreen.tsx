import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../app/AppServices';
import { FormField } from '../../components/FormField';
import { LanguageSelect } from '../settings/LanguageSelect';

/** Shown once per installation: language and the monitor's name for the audit trail. */
export function FirstRunScreen() {
  const { t } = useTranslation();
  const store = useStore();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('validation.required');
      return;
    }
    await store.settings.completeSetup(name);
  };

  return (
    <main className="first-run" id="main">
      <h1>{t('firstRun.title')}</h1>
      <p>{t('firstRun.intro')}</p>
      <LanguageSelect />
      <form onSubmit={submit} noValidate>
        <FormField
          label={t('firstRun.monitorName')}
          hint={t('firstRun.monitorNameHint')}
          error={error}
          required
          requiredLabel={t('shelterForm.required')}
        >
          {(p) => <input {...p} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} autoFocus />}
        </FormField>
        <button type="submit" className="primary">
          {t('firstRun.start')}
        </button>
      </form>
    </main>
  );
}
