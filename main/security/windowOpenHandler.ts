import { parseUrl } from '../protocol/appOrigin';

/** Matches Electron's WindowOpenHandlerResponse for the only answer we give. */
export interface DenyWindowOpen {
  action: 'deny';
}

/**
 * The normalised form of an absolute https: URL, or null for anything else. Callers forward
 * this href, not the raw string, so what the OS receives is exactly what was checked.
 */
export function toHttpsUrl(url: string): string | null {
  const parsed = parseUrl(url);
  return parsed?.protocol === 'https:' ? parsed.href : null;
}

/**
 * Handler for `webContents.setWindowOpenHandler`: the app never opens a second Electron window
 * (it would need its own hardening). https links go to the user's browser; anything else
 * (file:, javascript:, custom schemes that launch other programs) is dropped.
 */
export function createWindowOpenHandler(
  openExternal: (url: string) => Promise<void>,
  onError: (error: unknown) => void = () => {},
): (details: { url: string }) => DenyWindowOpen {
  return ({ url }) => {
    const httpsUrl = toHttpsUrl(url);
    if (httpsUrl !== null) openExternal(httpsUrl).catch(onError);
    return { action: 'deny' };
  };
}
