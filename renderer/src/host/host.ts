import { HOST_API_GLOBAL, type HostApi } from '../../../shared/host/hostApi';
import { createBrowserHost } from './browserHost';

/** The Electron preload's host when present, else the browser host. */
export function resolveHost(): HostApi {
  const exposed = (window as unknown as Record<string, HostApi | undefined>)[HOST_API_GLOBAL];
  return exposed ?? createBrowserHost(__APP_VERSION__);
}
