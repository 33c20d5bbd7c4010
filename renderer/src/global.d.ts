import type { HostApi } from '../../shared/host/hostApi';

declare global {
  /** Injected by Vite from package.json. */
  const __APP_VERSION__: string;
  interface Window {
    protectionMonitorHost?: HostApi;
  }
}
export {};
