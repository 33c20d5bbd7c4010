import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcArgSchemas, type IpcHandlers } from '../../shared/ipc/contract';
import { fail, ok, type HostResult } from '../../shared/result';
import { createIsTrustedSender } from '../security/trustedSender';
import { createFileService, type FileService } from '../services/fileService';
import { registerIpcHandlers, type InvokeListener, type IpcMainLike } from './registerIpcHandlers';

const APP_FRAME = { senderFrame: { url: 'app://protection-monitor/index.html' } };

/** Records listeners the way ipcMain.handle would, and lets the test invoke them. */
function createFakeIpcMain() {
  const listeners = new Map<string, InvokeListener>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    },
  };
  const invoke = (channel: string, event: { senderFrame?: { url: string } | null }, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (listener === undefined) throw new Error(`no handler for ${channel}`);
    return listener(event, ...args);
  };
  return { ipcMain, listeners, invoke };
}

function unusedHandlers(): IpcHandlers {
  const unused = () => Promise.resolve(fail<never>('unsupported', 'not under test'));
  return {
    'app:info': unused,
    'files:save-with-dialog': unused,
    'folders:pick': unused,
    'folders:read-file': unused,
    'folders:write-file': unused,
    'folders:list': unused,
    'shell:open-external': unused,
    'app:storage-status': unused,
    'sync-folder:list-inbox': unused,
    'sync-folder:read-inbox': unused,
    'sync-folder:write-outbox': unused,
    'sync-folder:archive-inbox': unused,
    'sync-folder:watch': unused,
    'sync-folder:unwatch': unused,
    'backups:write': unused,
    'backups:list': unused,
    'backups:read': unused,
    'backups:delete': unused,
    'files:open-with-dialog': unused,
  };
}

let folder: string;
let files: FileService;
let folderId: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'pm-ipc-'));
  files = createFileService();
  const registered = await files.registerFolder(folder);
  if (!registered.ok) throw new Error(registered.error.message);
  folderId = registered.value.folderId;
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function setup() {
  const writeSpy = vi.fn((args: { folderId: string; relativePath: string; data: Uint8Array }) =>
    files.writeFileAtomic(args.folderId, args.relativePath, args.data),
  );
  const fake = createFakeIpcMain();
  registerIpcHandlers(
    fake.ipcMain,
    { ...unusedHandlers(), 'folders:write-file': writeSpy },
    createIsTrustedSender(null),
  );
  return { ...fake, writeSpy };
}

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per contract channel', () => {
    const { listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual(Object.keys(ipcArgSchemas).sort());
  });

  it('runs a valid call from the app and returns the handler result', async () => {
    const { invoke, writeSpy } = setup();
    const data = new TextEncoder().encode('visit');
    const result = await invoke('folders:write-file', APP_FRAME, {
      folderId,
      relativePath: 'a/visit.txt',
      data,
    });
    expect(result).toEqual(ok(null));
    expect(writeSpy).toHaveBeenCalledOnce();
    expect(await readFile(path.join(folder, 'a', 'visit.txt'), 'utf8')).toBe('visit');
  });

  it.each([
    ['a traversal path', { folderId: 'x', relativePath: '../escape.txt', data: new Uint8Array([1]) }],
    [
      'a string instead of bytes',
      { folderId: '3f1c2b8e-4d5a-4b6c-8d7e-9f0a1b2c3d4e', relativePath: 'a.txt', data: 'AQ==' },
    ],
    ['no argument', undefined],
    ['a bare string', 'a.txt'],
  ])('rejects %s with invalid-argument and never calls the handler', async (_label, arg) => {
    const { invoke, writeSpy } = setup();
    const result = await invoke('folders:write-file', APP_FRAME, arg);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-argument');
      expect(result.error.message).toMatch(/^folders:write-file: /);
    }
    expect(writeSpy).not.toHaveBeenCalled();
    expect(await readdir(folder)).toEqual([]);
  });

  it('names the offending field in the message', async () => {
    const { invoke } = setup();
    const data = new Uint8Array([1]);
    const result = await invoke('folders:write-file', APP_FRAME, { folderId, relativePath: '../x', data });
    expect(result.ok ? '' : result.error.message).toContain('relativePath');
  });

  it('rejects extra arguments', async () => {
    const { invoke, writeSpy } = setup();
    const args = { folderId, relativePath: 'a.txt', data: new Uint8Array([1]) };
    const result = await invoke('folders:write-file', APP_FRAME, args, 'extra');
    expect(result.ok ? null : result.error.code).toBe('invalid-argument');
    expect(writeSpy).not.toHaveBeenCalled();
  });

  it.each([
    ['another origin', { senderFrame: { url: 'https://example.org/' } }],
    ['a destroyed frame', { senderFrame: null }],
    ['no frame at all', {}],
  ])('refuses %s with forbidden-sender before validating', async (_label, event) => {
    const { invoke, writeSpy } = setup();
    const args = { folderId, relativePath: 'a.txt', data: new Uint8Array([1]) };
    const result: HostResult<unknown> = await invoke('folders:write-file', event, args);
    expect(result.ok ? null : result.error.code).toBe('forbidden-sender');
    expect(writeSpy).not.toHaveBeenCalled();
    expect(await readdir(folder)).toEqual([]);
  });

  it('turns an unexpected exception into io-error instead of rejecting', async () => {
    const fake = createFakeIpcMain();
    const throwing: IpcHandlers = {
      ...unusedHandlers(),
      'app:info': () => Promise.reject(new Error('disk on fire')),
    };
    registerIpcHandlers(fake.ipcMain, throwing, createIsTrustedSender(null));
    await expect(fake.invoke('app:info', APP_FRAME)).resolves.toEqual(
      fail('io-error', 'app:info: disk on fire'),
    );
  });

  it('applies schema defaults before calling the handler', async () => {
    const fake = createFakeIpcMain();
    const save = vi.fn(() => Promise.resolve(ok({ location: '/tmp/x' })));
    registerIpcHandlers(
      fake.ipcMain,
      { ...unusedHandlers(), 'files:save-with-dialog': save },
      createIsTrustedSender(null),
    );
    const data = new Uint8Array([1]);
    await fake.invoke('files:save-with-dialog', APP_FRAME, { suggestedName: 'r.csv', data });
    expect(save).toHaveBeenCalledWith({ suggestedName: 'r.csv', data, filters: [] });
  });
});
