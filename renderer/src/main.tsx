import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { VaultGate } from './features/vault/VaultGate';
import { resolveHost } from './host/host';
import { initI18n } from './i18n/i18n';
import './styles.css';
import { openVaultRegistry } from './vault/vaultRegistry';
import { createVaultService } from './vault/vaultService';

async function requestPersistentStorage(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return null;
  }
}

async function start() {
  const root = createRoot(document.getElementById('root')!);
  const host = resolveHost();
  const info = await host.appInfo();
  const appInfo = info.ok
    ? info.value
    : { name: 'Protection Monitor', version: __APP_VERSION__, platform: '', host: 'browser' as const, systemLocales: [...navigator.languages] };
  const i18n = await initI18n(appInfo.systemLocales);
  try {
    const storagePersisted = await requestPersistentStorage();
    const service = createVaultService(openVaultRegistry());
    root.render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <VaultGate service={service} host={host} appInfo={appInfo} storagePersisted={storagePersisted} />
        </I18nextProvider>
      </StrictMode>,
    );
  } catch (error) {
    root.render(
      <main role="alert" className="start-failed">
        <h1>{i18n.t('app.startFailed')}</h1>
        <pre>{error instanceof Error ? error.message : String(error)}</pre>
      </main>,
    );
  }
}

void start();
