import { describe, expect, it, vi } from 'vitest';
import { ipcArgSchemas } from '../../shared/ipc/contract';
import { ok } from '../../shared/result';
import { createHostApi, type RawInvoke, type RawSubscribe } from './createHostApi';

const folderId = '3f1c2b8e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const data = new Uint8Array([1, 2]);

function recordingApi(reply: unknown = ok(null)) {
  const rawInvoke = vi.fn<RawInvoke>(() => Promise.resolve(reply));
  return { api: createHostApi(rawInvoke, () => () => undefined), rawInvoke };
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
        'onLockRequested',
        'openExternal',
        'pickFolder',
        'readFile',
        'saveFileWithDialog',
        'storageStatus',
        'writeFile',
        'listSyncInbox',
        'readSyncInboxFile',
        'writeSyncOutboxFile',
        'archiveSyncInboxFile',
        'watchSyncInbox',
        'unwatchSyncInbox',
        'onSyncInboxReady',
        'writeBackup',
        'listBackups',
        'readBackup',
        'deleteBackup',
        'openFileWithDialog',
      ].sort(),
    );
    // One argument that satisfies every method, so each can be called generically.
    const anyArgs = {
      folderId,
      relativePath: 'a',
      data,
      suggestedName: 'a',
      url: 'https://x.org/',
      name: 'a.pmbundle',
      vaultId: '2b1f0c3e-5d4a-4f6b-8c7d-9e0f1a2b3c4d',
      kind: 'daily' as const,
      createdAt: '2025-01-15T10:30:00.000Z',
      maxBytes: 1,
      role: 'field' as const,
      deviceId: 'dev-1',
    };
    const { onLockRequested: _subscription, onSyncInboxReady: _inboxSubscription, ...requests } = api;
    for (const method of Object.values(requests)) await method(anyArgs);
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
    const api = createHostApi(
      () => Promise.reject(new Error("No handler registered for 'app:info'")),
      () => () => undefined,
    );
    expect(await api.appInfo()).toEqual({
      ok: false,
      error: { code: 'io-error', message: "app:info: No handler registered for 'app:info'" },
    });
  });

  it('passes lock requests on only when their payload matches the contract, and unsubscribes', () => {
    const listeners = new Map<string, (payload: unknown) => void>();
    const rawSubscribe = vi.fn<RawSubscribe>((channel, listener) => {
      listeners.set(channel, listener);
      return () => listeners.delete(channel);
    });
    const api = createHostApi(() => Promise.resolve(ok(null)), rawSubscribe);
    const received: string[] = [];
    const unsubscribe = api.onLockRequested((reason) => received.push(reason));
    const emit = listeners.get('vault:lock-requested')!;
    emit('suspend');
    emit({ __proto__: 'x' });
    emit('lock-screen');
    emit('reboot');
    expect(received).toEqual(['suspend', 'lock-screen']);
    unsubscribe();
    expect(listeners.has('vault:lock-requested')).toBe(false);
  });

  it('maps the sync folder methods to their channels', async () => {
    const { api, rawInvoke } = recordingApi();
    const hq = { folderId, role: 'hq' as const };
    await api.listSyncInbox(hq);
    await api.readSyncInboxFile({ ...hq, name: 'a.pmbundle' });
    await api.writeSyncOutboxFile({ ...hq, name: 'a.pmbundle', data });
    await api.archiveSyncInboxFile({ ...hq, name: 'a.pmbundle', disposition: 'rejected' });
    await api.watchSyncInbox(hq);
    await api.unwatchSyncInbox(hq);
    expect(rawInvoke.mock.calls).toEqual([
      ['sync-folder:list-inbox', hq],
      ['sync-folder:read-inbox', { ...hq, name: 'a.pmbundle' }],
      ['sync-folder:write-outbox', { ...hq, name: 'a.pmbundle', data }],
      ['sync-folder:archive-inbox', { ...hq, name: 'a.pmbundle', disposition: 'rejected' }],
      ['sync-folder:watch', hq],
      ['sync-folder:unwatch', hq],
    ]);
  });

  it('maps the backup methods to their channels', async () => {
    const { api, rawInvoke } = recordingApi();
    const vaultId = '2b1f0c3e-5d4a-4f6b-8c7d-9e0f1a2b3c4d';
    const name = `pm-${vaultId}-20250115T103000Z-daily.pmbackup`;
    const createdAt = '2025-01-15T10:30:00.000Z';
    await api.writeBackup({ vaultId, kind: 'daily', createdAt, data });
    await api.listBackups({ vaultId });
    await api.readBackup({ name });
    await api.deleteBackup({ name });
    await api.openFileWithDialog({ filters: [], maxBytes: 10 });
    expect(rawInvoke.mock.calls).toEqual([
      ['backups:write', { vaultId, kind: 'daily', createdAt, data }],
      ['backups:list', { vaultId }],
      ['backups:read', { name }],
      ['backups:delete', { name }],
      ['files:open-with-dialog', { filters: [], maxBytes: 10 }],
    ]);
  });

  it('passes inbox-ready events on only when they match the contract, and unsubscribes', () => {
    const listeners = new Map<string, (payload: unknown) => void>();
    const api = createHostApi(
      () => Promise.resolve(ok(null)),
      (channel, listener) => {
        listeners.set(channel, listener);
        return () => listeners.delete(channel);
      },
    );
    const received: unknown[] = [];
    const unsubscribe = api.onSyncInboxReady((event) => received.push(event));
    const emit = listeners.get('sync-folder:inbox-ready')!;
    const file = { name: 'a.pmbundle', kind: 'bundle', size: 10, modifiedAt: '2025-01-01T00:00:00.000Z' };
    emit({ folderId, role: 'hq', files: [file] });
    emit({ folderId, role: 'hq', files: [{ ...file, name: '../a.pmbundle' }] });
    emit({ folderId, role: 'admin', files: [] });
    emit({ folderId: 'not-a-uuid', role: 'hq', files: [] });
    expect(received).toEqual([{ folderId, role: 'hq', files: [file] }]);
    unsubscribe();
    expect(listeners.has('sync-folder:inbox-ready')).toBe(false);
  });
});
