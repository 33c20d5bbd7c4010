import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostApi } from '../../../../shared/host/hostApi';
import type { AppInfo } from '../../../../shared/ipc/contract';
import type { VaultRecord } from '../../../../shared/vault/vaultRecord';
import { setupUserInputs, type RecoveryValues, type VaultSetupValues } from '../../../../shared/vault/setupSchema';
import { App } from '../../app/App';
import { AppServicesProvider, type VaultControls } from '../../app/AppServices';
import { openVaultStore } from '../../db/backup/automaticBackups';
import { openDataStore, type DataStore } from '../../db/dataStore';
import { importLegacyDatabase } from '../../db/legacyImport';
import { createStorageGuard } from '../../db/storageGuard';
import { endSession, type VaultService, type VaultSession } from '../../vault/vaultService';
import { RecoverScreen } from './RecoverScreen';
import { RecoveryKeySheet } from './RecoveryKeySheet';
import { SetupScreen } from './SetupScreen';
import { UnlockScreen } from './UnlockScreen';

interface VaultGateProps {
  service: VaultService;
  host: HostApi;
  appInfo: AppInfo;
  storagePersisted: boolean | null;
}

type Phase =
  | { kind: 'loading' }
  | { kind: 'setup' }
  | { kind: 'unlock' }
  | { kind: 'recover'; vault: VaultRecord }
  | { kind: 'recoveryKey'; session: VaultSession; store: DataStore; recoveryKey: string }
  | { kind: 'open'; session: VaultSession; store: DataStore }
  | { kind: 'locked' };

/**
 * Nothing of the records exists in memory before this gate opens: it sets up a vault, or unlocks
 * one, and only then opens that vault's database with its keys and renders the app.
 */
export function VaultGate({ service, host, appInfo, storagePersisted }: VaultGateProps) {
  const { t } = useTranslation();
  const [vaults, setVaults] = useState<VaultRecord[]>([]);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  useEffect(() => {
    void service.list().then((list) => {
      setVaults(list);
      setPhase(list.length > 0 ? { kind: 'unlock' } : { kind: 'setup' });
    });
  }, [service]);

  const openDatabase = (session: VaultSession) =>
    openDataStore({ name: session.databaseName, keys: session.keys, storageGuard: createStorageGuard(host) });
  // Refuses a database from a newer app, backs up before a migration or after an update, and
  // starts the daily backup (renderer/src/db/backup/automaticBackups.ts).
  const openStore = (session: VaultSession) =>
    openVaultStore({ session, host, appVersion: appInfo.version, ledger: service, open: () => openDatabase(session) });

  const create = async (values: VaultSetupValues) => {
    const { session, recoveryKey } = await service.create({
      displayName: values.monitorName,
      passphrase: values.passphrase,
      userInputs: setupUserInputs(values),
    });
    // Records of a build from before vaults: the first vault takes them over, encrypted.
    await importLegacyDatabase(session.databaseName, session.keys);
    const store = await openStore(session);
    await store.sync.setUp(values.role, values.organisation);
    await store.settings.completeSetup(values);
    setPhase({ kind: 'recoveryKey', session, store, recoveryKey });
  };

  const unlock = async (vaultId: string, passphrase: string) => {
    const session = await service.unlock(vaultId, passphrase);
    setPhase({ kind: 'open', session, store: await openStore(session) });
  };

  const recover = async (vault: VaultRecord, values: RecoveryValues) => {
    const session = await service.recover(vault.id, values.recoveryKey, values.passphrase);
    setPhase({ kind: 'open', session, store: await openStore(session) });
  };

  const open = phase.kind === 'open' ? phase : null;
  const lock = useCallback(() => {
    if (!open) return;
    // The screen goes blank first; the reload then drops every decrypted value the page held.
    setPhase({ kind: 'locked' });
    open.store.close();
    endSession(open.session);
    window.location.reload();
  }, [open]);

  // After a verified restore: open the restored database, point the vault at it, then let go of
  // the old one. Until the pointer is written nothing changes (see db/backup/restoreBackup.ts).
  const replaceDatabase = async (databaseName: string) => {
    if (!open) throw new Error('No open vault');
    const session = { ...open.session, databaseName };
    const store = await openDatabase(session);
    try {
      await service.switchDatabase(session, databaseName);
    } catch (error) {
      store.close();
      throw error;
    }
    setPhase({ kind: 'open', session, store });
    open.store.close();
  };

  switch (phase.kind) {
    case 'loading':
    case 'locked':
      return <main className="vault-screen" id="main" aria-busy="true" aria-label={t('vault.locked')} />;
    case 'setup':
      return (
        <SetupScreen onSubmit={create} onCancel={vaults.length > 0 ? () => setPhase({ kind: 'unlock' }) : undefined} />
      );
    case 'unlock':
      return (
        <UnlockScreen
          vaults={vaults}
          onUnlock={unlock}
          onForgot={(id) => setPhase({ kind: 'recover', vault: vaults.find((v) => v.id === id)! })}
          onAddPerson={() => setPhase({ kind: 'setup' })}
        />
      );
    case 'recover':
      return (
        <RecoverScreen
          displayName={phase.vault.displayName}
          onSubmit={(values) => recover(phase.vault, values)}
          onCancel={() => setPhase({ kind: 'unlock' })}
        />
      );
    case 'recoveryKey':
      return (
        <RecoveryKeySheet
          recoveryKey={phase.recoveryKey}
          displayName={phase.session.vault.displayName}
          onDone={() => setPhase({ kind: 'open', session: phase.session, store: phase.store })}
        />
      );
    case 'open': {
      const vault: VaultControls = { session: phase.session, service, lock, replaceDatabase };
      return (
        <AppServicesProvider services={{ store: phase.store, host, appInfo, storagePersisted, vault }}>
          <App />
        </AppServicesProvider>
      );
    }
  }
}
