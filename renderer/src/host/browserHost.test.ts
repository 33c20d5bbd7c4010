import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../shared/result';
import { createBrowserHost } from './browserHost';

afterEach(() => {
  vi.unstubAllGlobals();
});

function stubStorage(storage: Partial<StorageManager> | undefined) {
  vi.stubGlobal('navigator', { storage, languages: ['en'], platform: 'test' });
}

describe('browser host storageStatus', () => {
  it('reports what the quota leaves to this app as free, and the quota as total', async () => {
    stubStorage({ estimate: () => Promise.resolve({ quota: 10_000, usage: 2_500 }) });
    expect(await createBrowserHost('1.0.0').storageStatus()).toEqual(ok({ freeBytes: 7_500, totalBytes: 10_000 }));
  });

  it('never reports negative free space when usage exceeds the quota', async () => {
    stubStorage({ estimate: () => Promise.resolve({ quota: 1_000, usage: 1_200 }) });
    expect(await createBrowserHost('1.0.0').storageStatus()).toEqual(ok({ freeBytes: 0, totalBytes: 1_000 }));
  });

  it.each([
    ['no StorageManager', undefined],
    ['no quota in the estimate', { estimate: () => Promise.resolve({ usage: 10 }) }],
    ['a failing estimate', { estimate: () => Promise.reject(new Error('denied')) }],
  ])('reports unknown space with %s', async (_name, storage) => {
    stubStorage(storage);
    expect(await createBrowserHost('1.0.0').storageStatus()).toEqual(ok({ freeBytes: null, totalBytes: null }));
  });
});
