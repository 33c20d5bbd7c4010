import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/AppServices';
import { compactVault } from '../../db/backup/compactDatabase';
import { restoredDatabaseName } from '../../vault/vaultRegistry';
import { useNotice } from '../../app/Notices';
import { errorReason } from '../../app/errorReason';
import { ConfirmDialog } from '../../components/ConfirmDialog';

/** "Erase personal data" of one household, after a confirmation that says it cannot be undone. */
export function EraseHouseholdButton({ householdId, label }: { householdId: string; label?: string }) {
  const { t } = useTranslation();
  const { store, vault } = useServices();
  const notice = useNotice();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');

  const erase = async () => {
    setConfirming(false);
    try {
      const report = await store.erasure.eraseHousehold(householdId);
      notice(t('retention.erased', { count: report.persons }));
      // The erased values' old ciphertext may linger in the database files: move to a fresh copy.
      await compactVault({
        snapshot: () => store.backup.snapshot(),
        liveDigest: () => store.backup.digest(),
        keys: vault.session.keys,
        previousDatabaseName: vault.session.databaseName,
        databaseName: restoredDatabaseName(vault.session.vault.id),
        switchTo: vault.replaceDatabase,
      });
    } catch (cause) {
      setError(t('retention.eraseFailed', { reason: errorReason(t, cause) }));
    }
  };

  return (
    <>
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        {label ?? t('retention.erase')}
      </button>
      {error && <p role="alert">{error}</p>}
      <ConfirmDialog
        open={confirming}
        title={t('retention.eraseConfirmTitle')}
        text={t('retention.eraseConfirmText')}
        confirmLabel={t('retention.eraseConfirm')}
        onConfirm={() => void erase()}
        onCancel={() => setConfirming(false)}
      />
    </>
  );
}
