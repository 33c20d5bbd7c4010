/**
 * Where the packaged renderer lives. A standard, secure custom scheme gives the renderer a
 * real origin (so 'self' in the CSP, fetch and storage behave as on the web) without the
 * extra privileges Electron grants to file:// pages.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'protection-monitor';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True only for URLs on exactly the app's origin. Compared part by part because Node's URL
 * reports the origin of non-special schemes as the string "null".
 */
export function isAppOriginUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
