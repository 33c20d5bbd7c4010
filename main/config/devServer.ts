/** Set by scripts/dev.mjs; the only way the app ever loads over http. */
export const DEV_SERVER_ENV = 'PM_DEV_SERVER_URL';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The dev server URL to load instead of app://, or null for the normal app. A packaged app
 * ignores the variable entirely, so nobody can point an installed copy at a web page. In an
 * unpackaged run a malformed or non-loopback value throws: silently falling back would hide a
 * misconfigured dev setup.
 */
export function readDevServerUrl(
  env: Readonly<Record<string, string | undefined>>,
  isPackaged: boolean,
): string | null {
  const raw = env[DEV_SERVER_ENV];
  if (isPackaged || raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${DEV_SERVER_ENV} is not a URL: ${raw}`);
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(`${DEV_SERVER_ENV} must be an http:// loopback address (got ${raw})`);
  }
  return `${url.origin}/`;
}
