/**
 * The app's Content-Security-Policy, one definition for Electron's response header and the
 * browser build's meta tag. Inline styles are allowed because React's style props and jsPDF
 * need them; scripts only from the app itself; no network at all beyond the app's origin.
 */
export function contentSecurityPolicy({ forMetaTag = false } = {}): string {
  const directives = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
  // frame-ancestors is ignored (and warned about) in a meta tag; only the header carries it.
  if (!forMetaTag) directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}
