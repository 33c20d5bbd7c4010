import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  backupArgSchemas,
  ipcArgSchemas,
  type BackupWriteResult,
  type IpcHandlers,
} from '../../shared/ipc/contract';
import { fail, type HostResult } from '../../shared/result';
import { createIsTrustedSender } from '../security/trustedSender';
import { BACKUP_FOLDER_NAME, createBackupStore } from '../services/backupStore';
import { createBackupHandlers, type BackupHandlerDeps } from './backupHandlers';
import { registerIpcHandlers, type InvokeListener } from './registerIpcHandlers';

const APP_FRAME = { senderFrame: { url: 'app://protection-monitor/index.html' } };
const VAULT = '2b1f0c3e-5d4a-4f6b-8c7d-9e0f1a2b3c4d';
const data = new TextEncoder().encode('encrypted backup');

let dataPath: string;

beforeEach(async () => {
  dataPath = await mkdtemp(path.join(os.tmpdir(), 'pm-backup-ipc-'));
});

afterEach(async () => {
  await rm(dataPath, { recursive: true, force: true });
});

function valueOf<T>(result: HostResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function handlers(overrides: Partial<BackupHandlerDeps> = {}) {
  return createBackupHandlers({
    store: createBackupStore(dataPath),
    showOpenFileDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
    ...overrides,
  });
}

/** Every other channel answers `unsupported`: only the backup channels are under test. */
function register(backups: ReturnType<typeof handlers>) {
  const unused = () => Promise.resolve(fail<never>('unsupported', 'not under test'));
  const all = Object.fromEntries(
    Object.keys(ipcArgSchemas).map((c) => [c, unused]),
  ) as unknown as IpcHandlers;
  const spies = Object.keys(backupArgSchemas).map((c) => vi.spyOn(backups, c as keyof typeof backups));
  const listeners = new Map<string, InvokeListener>();
  registerIpcHandlers(
    { handle: (channel, listener) => listeners.set(channel, listener) },
    { ...all, ...backups },
    createIsTrustedSender(null),
  );
  const invoke = (channel: string, ...args: unknown[]) => listeners.get(channel)!(APP_FRAME, ...args);
  return { invoke, spies };
}

describe('backup channels', () => {
  it('write, list, read and delete through the contract', async () => {
    const { invoke } = register(handlers());
    const createdAt = '2025-03-12T09:30:15.000Z';
    const result = await invoke('backups:write', { vaultId: VAULT, kind: 'daily', createdAt, data });
    const written = valueOf(result as HostResult<BackupWriteResult>);
    expect(written.file.name).toBe(`pm-${VAULT}-20250312T093015Z-daily.pmbackup`);
    expect(valueOf(await invoke('backups:list', { vaultId: VAULT }))).toEqual([written.file]);
    expect(valueOf(await invoke('backups:read', { name: written.file.name }))).toEqual(data);
    expect(valueOf(await invoke('backups:delete', { name: written.file.name }))).toBeNull();
    expect(valueOf(await invoke('backups:list', {}))).toEqual([]);
  });

  it.each([
    ['backups:read', { name: '../secrets.json' }],
    ['backups:read', { name: `/tmp/pm-${VAULT}-20250312T093015Z-daily.pmbackup` }],
    ['backups:read', { name: `pm-${VAULT}-20250312T093015Z-daily.pmbackup/../../x` }],
    ['backups:delete', { name: 'Local State' }],
    ['backups:write', { vaultId: '../x', kind: 'daily', createdAt: '2025-03-12T09:30:15Z', data }],
    ['backups:write', { vaultId: VAULT, kind: 'weekly', createdAt: '2025-03-12T09:30:15Z', data }],
    ['backups:write', { vaultId: VAULT, kind: 'daily', createdAt: 'yesterday', data }],
    ['backups:write', { vaultId: VAULT, kind: 'daily', createdAt: '2025-03-12T09:30:15Z', data: 'AQ==' }],
    ['backups:list', { vaultId: 'x' }],
    ['files:open-with-dialog', { filters: [], maxBytes: 0 }],
    ['files:open-with-dialog', { filters: [], maxBytes: 2 ** 40 }],
  ])('%s refuses %j before the handler runs', async (channel, args) => {
    const { invoke, spies } = register(handlers());
    const result = await invoke(channel, args);
    expect(result.ok ? null : result.error.code).toBe('invalid-argument');
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(await readdir(dataPath)).toEqual([]);
  });

  it('reads the file picked in the open dialog', async () => {
    const picked = path.join(dataPath, 'from-usb.pmbackup');
    await writeFile(picked, data);
    const showOpenFileDialog = vi.fn(() => Promise.resolve({ canceled: false, filePaths: [picked] }));
    const { invoke } = register(handlers({ showOpenFileDialog }));
    const filters = [{ name: 'Backups', extensions: ['pmbackup'] }];
    expect(valueOf(await invoke('files:open-with-dialog', { filters, maxBytes: 1000 }))).toEqual({
      name: 'from-usb.pmbackup',
      data,
    });
    expect(showOpenFileDialog).toHaveBeenCalledWith({ filters });
  });

  it('answers cancelled when no file is picked, and too-large above the limit', async () => {
    const picked = path.join(dataPath, 'big.pmbackup');
    await writeFile(picked, data);
    const cancelled = register(handlers());
    const result = await cancelled.invoke('files:open-with-dialog', { maxBytes: 1000 });
    expect(result.ok ? null : result.error.code).toBe('cancelled');
    const big = register(
      handlers({ showOpenFileDialog: () => Promise.resolve({ canceled: false, filePaths: [picked] }) }),
    );
    const tooLarge = await big.invoke('files:open-with-dialog', { maxBytes: data.length - 1 });
    expect(tooLarge.ok ? null : tooLarge.error.code).toBe('too-large');
  });

  it('answers not-found for a backup that is not there', async () => {
    const { invoke } = register(handlers());
    const result = await invoke('backups:read', { name: `pm-${VAULT}-20250312T093015Z-daily.pmbackup` });
    expect(result.ok ? null : result.error.code).toBe('not-found');
    expect(await readdir(dataPath)).not.toContain(BACKUP_FOLDER_NAME);
  });
});
