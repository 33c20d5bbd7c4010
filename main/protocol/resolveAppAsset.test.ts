import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppAsset } from './resolveAppAsset';

const root = path.resolve('/srv/app/dist/renderer');
const inRoot = (...parts: string[]) => path.join(root, ...parts);

describe('resolveAppAsset', () => {
  it.each([
    ['app://protection-monitor/', inRoot('index.html')],
    ['app://protection-monitor/index.html', inRoot('index.html')],
    ['app://protection-monitor/assets/index-abc123.js', inRoot('assets', 'index-abc123.js')],
    ['app://protection-monitor/assets/app.css?v=2#x', inRoot('assets', 'app.css')],
    ['app://protection-monitor/fonts/Noto%20Sans.woff2', inRoot('fonts', 'Noto Sans.woff2')],
  ])('serves %s from the renderer folder', (url, expected) => {
    expect(resolveAppAsset(root, url)).toBe(expected);
  });

  it('falls back to index.html for client-side routes', () => {
    expect(resolveAppAsset(root, 'app://protection-monitor/cases/42')).toBe(inRoot('cases', 'index.html'));
  });

  it.each([
    'app://protection-monitor/../../etc/passwd',
    'app://protection-monitor/assets/../../../etc/passwd',
    'app://protection-monitor/assets/../index.html',
    'app://protection-monitor/%2e%2e/%2e%2e/etc/passwd',
    'app://protection-monitor/%2E%2E/etc/passwd',
    'app://protection-monitor/.%2e/etc/passwd',
    'app://protection-monitor/..%2f..%2fetc%2fpasswd',
    'app://protection-monitor/assets%2f..%2f..%2fsecret.txt',
    'app://protection-monitor/..%5c..%5cwindows%5cwin.ini',
    'app://protection-monitor/..\\..\\windows\\win.ini',
    'app://protection-monitor/a%00.js',
    'app://protection-monitor/C:%5cWindows%5cwin.ini',
    'app://protection-monitor/C:/Windows/win.ini',
    'app://protection-monitor//etc/passwd',
    'app://protection-monitor/bad%E0%A4%A.js',
  ])('refuses traversal and odd paths outright: %s', (url) => {
    expect(resolveAppAsset(root, url)).toBeNull();
  });

  it('decodes only once: a double-encoded dot-dot is just an odd file name inside the root', () => {
    expect(resolveAppAsset(root, 'app://protection-monitor/%252e%252e/x.js')).toBe(inRoot('%2e%2e', 'x.js'));
  });

  it.each([
    'app://other-host/index.html',
    'app://Protection-Monitor/index.html',
    'app://user:pw@protection-monitor/index.html',
    'https://protection-monitor/index.html',
    'file:///srv/app/dist/renderer/index.html',
    'not a url',
  ])('refuses other hosts and schemes: %s', (url) => {
    expect(resolveAppAsset(root, url)).toBeNull();
  });

  it('refuses a relative root', () => {
    expect(resolveAppAsset('dist/renderer', 'app://protection-monitor/index.html')).toBeNull();
  });
});
