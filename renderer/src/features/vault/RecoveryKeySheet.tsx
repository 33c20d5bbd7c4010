import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recoveryKeyLines } from '../../../../shared/vault/recoveryKey';

interface RecoveryKeySheetProps {
  recoveryKey: string;
  displayName: string;
  onDone: () => void;
}

/**
 * The recovery key, shown once: printable (the print style hides everything else) and never
 * stored. Continuing needs a tick that it has been put somewhere safe.
 */
export function RecoveryKeySheet({ recoveryKey, displayName, onDone }: RecoveryKeySheetProps) {
  const { t } = useTranslation();
  const [kept, setKept] = useState(false);
  return (
    <main className="vault-screen recovery-sheet" id="main">
      <h1>{t('vault.recoveryKey.title')}</h1>
      <p>{t('vault.recoveryKey.intro', { name: displayName })}</p>
      <pre className="recovery-key" aria-label={t('vault.recoveryKey.label')}>
        {recoveryKeyLines(recoveryKey).join('\n')}
      </pre>
      <p className="hint">{t('vault.recoveryKey.warning')}</p>
      <div className="actions no-print">
        <button type="button" onClick={() => window.print()}>
          {t('vault.recoveryKey.print')}
        </button>
      </div>
      <label className="checkbox no-print">
        <input type="checkbox" checked={kept} onChange={(e) => setKept(e.target.checked)} />
        {t('vault.recoveryKey.kept')}
      </label>
      <button type="button" className="primary no-print" disabled={!kept} onClick={onDone}>
        {t('vault.recoveryKey.continue')}
      </button>
    </main>
  );
}
