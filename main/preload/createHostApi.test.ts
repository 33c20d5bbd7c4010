import { describe, expect, it, vi } from 'vitest';
import { ipcArgSchemas } from '../../shared/ipc/contract';
import { ok } from '../../shared/result';
import { createHostApi, type RawInvoke } from './createHostApi';

const folderId = '3f1c2b8e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const data = new Uint8Array([1, 2]);

function recordingApi(reply: unknown = ok(null)) {
  const rawInvoke = vi.fn<RawInvoke>(() => Promise.resolve(reply));
  return { api: createHostApi(rawInvoke), rawInvoke };
}

describe('createHostApi (preload)', () => {
  it('maps each named method to its channel with the arguments unchanged', async () => {
    const { api, rawInvoke } = recordingApi();
    await api.appInfo();
    await api.saveFileWithDialog({ suggestedName: 'a.csv', data });
    await api.pickFolder();
    await api.readFile({ folderId, relativePath: 'a.txt' });
    await api.writeFile({ folderId, relativePath: 'a.txt', data });
    await api.listFiles({ folderId });
    await api.openExternal({ url: 'https://example.org/' });
    await api.storageStatus();
    expect(rawInvoke.mock.calls).toEqual([
      ['app:info'],
      ['files:save-with-dialog', { suggestedName: 'a.csv', data }],
      ['folders:pick'],
      ['folders:read-file', { folderId, relativePath: 'a.txt' }],
      ['folders:write-file', { folderId, relativePath: 'a.txt', data }],
      ['folders:list', { folderId }],
      ['shell:open-external', { url: 'https://example.org/' }],
      ['app:storage-status'],
    ]);
  });

  it('covers every contract channel and exposes nothing generic', async () => {
    const { api, rawInvoke } = recordingApi();
    expect(Object.keys(api).sort()).toEqual(
      [
        'appInfo',
        'listFiles',
        'openExternal',
        'pickFolder',
        'readFile',
        'saveFileWithDialog',
        'storageStatus',
        'writeFile',
      ].sort(),
    );
    // One argument that satisfies every method, so each can be called generically.
    const anyArgs = { folderId, relativePath: 'a', data, suggestedName: 'a', url: 'https://x.org/' };
    for (const method of Object.values(api)) await method(anyArgs);
    expect(new Set(rawInvoke.mock.calls.map(([channel]) => channel))).toEqual(
      new Set(Object.keys(ipcArgSchemas)),
    );
  });

  it('returns what main answered', async () => {
    const { api } = recordingApi(ok({ folderId, displayName: 'x' }));
    expect(await api.pickFolder()).toEqual(ok({ folderId, displayName: 'x' }));
  });

  it('returns the storage status main measured', async () => {
    const { api } = recordingApi(ok({ freeBytes: 5_000, totalBytes: 10_000 }));
    expect(await api.storageStatus()).toEqual(ok({ freeBytes: 5_000, totalBytes: 10_000 }));
  });

  it('turns a broken channel into an io-error result instead of a rejection', async () => {
    const api = createHostApi(() => Promise.reject(new Error("No handler registered for 'app:info'")));
    expect(await api.appInfo()).toEqual({
      ok: false,
      error: { code: 'io-error', message: "app:info: No handler registered for 'app:info'" },
    });
  });
});
