import { createContext, useContext, type ReactNode } from 'react';
import type { HostApi } from '../../../shared/host/hostApi';
import type { AppInfo } from '../../../shared/ipc/contract';
import type { DataStore } from '../db/dataStore';

export interface AppServices {
  store: DataStore;
  host: HostApi;
  appInfo: AppInfo;
  /** Result of navigator.storage.persist() at start: null where the browser does not say. */
  storagePersisted: boolean | null;
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
