import { describe, expect, it } from 'vitest';
import { readDevServerUrl } from './devServer';

describe('readDevServerUrl', () => {
  it('is null without the variable', () => {
    expect(readDevServerUrl({}, false)).toBeNull();
    expect(readDevServerUrl({ PM_DEV_SERVER_URL: '' }, false)).toBeNull();
  });

  it('returns the loopback dev server origin in an unpackaged run', () => {
    expect(readDevServerUrl({ PM_DEV_SERVER_URL: 'http://127.0.0.1:5173' }, false)).toBe(
      'http://127.0.0.1:5173/',
    );
    expect(readDevServerUrl({ PM_DEV_SERVER_URL: 'http://localhost:5173/some/path' }, false)).toBe(
      'http://localhost:5173/',
    );
  });

  it('is ignored entirely by a packaged app', () => {
    expect(readDevServerUrl({ PM_DEV_SERVER_URL: 'http://127.0.0.1:5173/' }, true)).toBeNull();
  });

  it.each(['https://example.org/', 'http://192.168.1.10:5173/', 'file:///tmp/index.html', 'not a url'])(
    'refuses %s loudly',
    (value) => {
      expect(() => readDevServerUrl({ PM_DEV_SERVER_URL: value }, false)).toThrow(/PM_DEV_SERVER_URL/);
    },
  );
});
