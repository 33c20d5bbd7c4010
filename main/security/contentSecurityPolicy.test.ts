import { describe, expect, it } from 'vitest';
import {
  buildContentSecurityPolicy,
  PRODUCTION_CSP,
  withContentSecurityPolicy,
} from './contentSecurityPolicy';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('Content-Security-Policy', () => {
  it('is the agreed production policy, word for word', () => {
    expect(PRODUCTION_CSP).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; " +
        "form-action 'none'; frame-ancestors 'none'",
    );
    expect(buildContentSecurityPolicy(null)).toBe(PRODUCTION_CSP);
  });

  it('never lets production scripts run inline, eval or come from the network', () => {
    const scriptSrc = directives(PRODUCTION_CSP).get('script-src');
    expect(scriptSrc).toEqual(["'self'"]);
    expect(PRODUCTION_CSP).not.toMatch(/https?:|ws:|\*/);
    expect(PRODUCTION_CSP).not.toContain('unsafe-eval');
  });

  it('relaxes only what Vite needs in dev mode', () => {
    const dev = directives(buildContentSecurityPolicy('http://127.0.0.1:5173/'));
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:5173']);
    expect(dev.get('default-src')).toEqual(["'none'"]);
    expect(dev.get('object-src')).toEqual(["'none'"]);
  });
});

describe('withContentSecurityPolicy', () => {
  it('replaces any existing policy, whatever its header case, and keeps other headers', () => {
    const headers = withContentSecurityPolicy(
      { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      PRODUCTION_CSP,
    );
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [PRODUCTION_CSP] });
  });

  it('adds the policy when the response had no headers', () => {
    expect(withContentSecurityPolicy(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});
