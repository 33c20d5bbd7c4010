import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRODUCTION_CSP } from '../security/contentSecurityPolicy';
import { contentTypeFor, createAppProtocolHandler } from './appProtocolHandler';

let sandbox: string;
let root: string;

beforeEach(async () => {
  sandbox = await mkdtemp(path.join(os.tmpdir(), 'pm-protocol-'));
  root = path.join(sandbox, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>PM</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(sandbox, 'secret.txt'), 'personal data');
});

afterEach(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

const handler = () => createAppProtocolHandler({ root, csp: PRODUCTION_CSP, readFile });
const get = (url: string) => handler()({ url, method: 'GET' });

describe('app:// protocol handler', () => {
  it('serves the entry page with the CSP and nosniff headers', async () => {
    const response = await get('app://protection-monitor/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>PM</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves scripts as JavaScript, so module loading works under nosniff', async () => {
    const response = await get('app://protection-monitor/assets/app.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers 404 for missing files, and still sends the CSP', async () => {
    const response = await get('app://protection-monitor/assets/missing.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
  });

  it('never serves a file next to the renderer folder', async () => {
    for (const url of [
      'app://protection-monitor/../secret.txt',
      'app://protection-monitor/..%2fsecret.txt',
    ]) {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('personal data');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await handler()({ url: 'app://protection-monitor/index.html', method: 'POST' })).status).toBe(
      405,
    );
    const head = await handler()({ url: 'app://protection-monitor/index.html', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('reports unexpected read errors as 500', async () => {
    const failing = createAppProtocolHandler({
      root,
      csp: PRODUCTION_CSP,
      readFile: () => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })),
    });
    expect((await failing({ url: 'app://protection-monitor/index.html', method: 'GET' })).status).toBe(500);
  });
});

describe('contentTypeFor', () => {
  it('knows the types Vite emits and falls back to a download type', () => {
    expect(contentTypeFor('a/b.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('x.woff2')).toBe('font/woff2');
    expect(contentTypeFor('x.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('x.unknown')).toBe('application/octet-stream');
  });
});
