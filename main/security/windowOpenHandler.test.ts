import { describe, expect, it, vi } from 'vitest';
import { createWindowOpenHandler, toHttpsUrl } from './windowOpenHandler';

describe('createWindowOpenHandler', () => {
  it('denies the window and hands an https link to the browser', () => {
    const openExternal = vi.fn(() => Promise.resolve());
    const handler = createWindowOpenHandler(openExternal);
    expect(handler({ url: 'https://www.unhcr.org/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://www.unhcr.org/');
  });

  it.each([
    'http://example.org/',
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'app://protection-monitor/index.html',
    'smb://server/share',
    'ms-settings:privacy',
    'mailto:someone@example.org',
    'not a url',
  ])('denies %s without opening anything', (url) => {
    const openExternal = vi.fn(() => Promise.resolve());
    expect(createWindowOpenHandler(openExternal)({ url })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('reports a failing openExternal instead of leaving an unhandled rejection', async () => {
    const failure = new Error('no browser');
    const onError = vi.fn();
    createWindowOpenHandler(() => Promise.reject(failure), onError)({ url: 'https://example.org/' });
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith(failure));
  });
});

describe('toHttpsUrl', () => {
  it('accepts https only', () => {
    expect(toHttpsUrl('https://example.org/path?q=1')).toBe('https://example.org/path?q=1');
    expect(toHttpsUrl('http://example.org/')).toBeNull();
    expect(toHttpsUrl('//example.org/')).toBeNull();
  });

  it('returns the normalised form, which is what gets opened', () => {
    expect(toHttpsUrl(' HTTPS://EXAMPLE.ORG/a b')).toBe('https://example.org/a%20b');
  });
});
