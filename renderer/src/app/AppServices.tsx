import { createContext, useContext, type ReactNode } from 'react';
import type { HostApi } from '../../../shared/host/hostApi';
import type { AppInfo } from '../../../shared/ipc/contract';
import type { DataStore } from '../db/dataStore';
import type { VaultService, VaultSession } from '../vault/vaultService';

/** The unlocked vault, for Settings (passphrase, recovery key) and the lock button. */
export interface VaultControls {
  session: VaultSession;
  service: VaultService;
  /** Drops the keys and every decrypted value, and shows the sign-in screen. */
  lock: () => void;
  /** After a verified restore: the vault's data are now in `databaseName`; the store reopens on it. */
  replaceDatabase: (databaseName: string) => Promise<void>;
}

export interface AppServices {
  store: DataStore;
  host: HostApi;
  appInfo: AppInfo;
  /** Result of navigator.storage.persist() at start: null where the browser does not say. */
  storagePersisted: boolean | null;
  vault: VaultControls;
}

const ServicesContext = createContext<AppServices | null>(null);

export function AppServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside AppServicesProvider');
  return services;
}

export const useStore = () => useServices().store;
