import { describe, expect, it } from 'vitest';
import { createIsTrustedSender } from './trustedSender';

describe('createIsTrustedSender', () => {
  describe('without a dev server (production)', () => {
    const isTrusted = createIsTrustedSender(null);

    it.each([
      'app://protection-monitor/index.html',
      'app://protection-monitor/',
      'app://protection-monitor/deep/route?x=1#y',
    ])('trusts the app origin: %s', (url) => expect(isTrusted(url)).toBe(true));

    it.each([
      'app://other-host/index.html',
      'app://protection-monitor.evil.example/',
      'app://user@protection-monitor/',
      'https://protection-monitor/',
      'http://127.0.0.1:5173/',
      'file:///work/main/dist/renderer/index.html',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
      '',
    ])('refuses %s', (url) => expect(isTrusted(url)).toBe(false));

    it('refuses a missing sender frame', () => {
      expect(isTrusted(undefined)).toBe(false);
      expect(isTrusted(null)).toBe(false);
    });
  });

  describe('with an explicit dev server', () => {
    const isTrusted = createIsTrustedSender('http://127.0.0.1:5173/');

    it('trusts exactly the dev server origin, and still the app origin', () => {
      expect(isTrusted('http://127.0.0.1:5173/')).toBe(true);
      expect(isTrusted('http://127.0.0.1:5173/src/main.tsx')).toBe(true);
      expect(isTrusted('app://protection-monitor/index.html')).toBe(true);
    });

    it.each([
      'http://127.0.0.1:5174/',
      'http://localhost:5173/',
      'https://127.0.0.1:5173/',
      'http://127.0.0.2:5173/',
    ])('refuses a neighbouring origin: %s', (url) => expect(isTrusted(url)).toBe(false));
  });
});
