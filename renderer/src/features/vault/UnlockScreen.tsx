import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultRecord } from '../../../../shared/vault/vaultRecord';
import { FormField } from '../../components/FormField';
import { LanguageSelect } from '../settings/LanguageSelect';
import { vaultErrorMessage } from './vaultErrorMessage';

interface UnlockScreenProps {
  vaults: VaultRecord[];
  onUnlock: (vaultId: string, passphrase: string) => Promise<void>;
  onForgot: (vaultId: string) => void;
  onAddPerson: () => void;
}

/** Sign-in: who is using the laptop, and their passphrase. */
export function UnlockScreen({ vaults, onUnlock, onForgot, onAddPerson }: UnlockScreenProps) {
  const { t } = useTranslation();
  const [vaultId, setVaultId] = useState(vaults[0]!.id);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase) {
      setError(t('validation.required'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      await onUnlock(vaultId, passphrase);
    } catch (cause) {
      setPassphrase('');
      setError(vaultErrorMessage(t, cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="vault-screen" id="main">
      <h1>{t('vault.unlock.title')}</h1>
      <LanguageSelect />
      <form onSubmit={submit} noValidate aria-busy={busy}>
        {vaults.length > 1 ? (
          <label className="field">
            <span>{t('vault.unlock.person')}</span>
            <select value={vaultId} onChange={(e) => setVaultId(e.target.value)}>
              {vaults.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.displayName}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <p>{t('vault.unlock.signedInAs', { name: vaults[0]!.displayName })}</p>
        )}
        <FormField label={t('vault.passphraseLabel')}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="current-password"
              autoFocus
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          )}
        </FormField>
        {error && <p role="alert">{error}</p>}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('vault.unlock.unlocking') : t('vault.unlock.submit')}
          </button>
          <button type="button" className="link" onClick={() => onForgot(vaultId)}>
            {t('vault.unlock.forgot')}
          </button>
          <button type="button" className="link" onClick={onAddPerson}>
            {t('vault.unlock.addPerson')}
          </button>
        </div>
      </form>
    </main>
  );
}
