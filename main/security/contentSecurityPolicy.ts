import { contentSecurityPolicy } from '../../shared/security/contentSecurityPolicy';

/**
 * The renderer's Content-Security-Policy. Nothing may load from the network: every source is
 * the app's own origin, plus data:/blob: where the app itself creates images, fonts and
 * workers in memory.
 *
 * One definition, shared with the browser build's meta tag (shared/security).
 */
export const PRODUCTION_CSP = contentSecurityPolicy();

/**
 * In dev mode only, Vite needs two more things: its React Refresh preamble is an inline
 * module script, and hot reload talks over a WebSocket to the dev server.
 */
export function buildContentSecurityPolicy(devServerUrl: string | null): string {
  if (devServerUrl === null) return PRODUCTION_CSP;
  const dev = new URL(devServerUrl);
  const socketOrigin = `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`;
  return PRODUCTION_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'",
    `connect-src 'self' ${socketOrigin}`,
  );
}

export type ResponseHeaders = Record<string, string | string[]>;

/**
 * Returns the headers with our policy as the only Content-Security-Policy, whatever case the
 * server used for an existing one (two policies would both apply, which is hard to reason
 * about). Used by session.webRequest.onHeadersReceived.
 */
export function withContentSecurityPolicy(
  headers: ResponseHeaders | undefined,
  csp: string,
): ResponseHeaders {
  const result: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [csp];
  return result;
}
