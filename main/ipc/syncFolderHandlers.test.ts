import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ipcArgSchemas,
  syncFolderArgSchemas,
  type IpcHandlers,
  type SyncFolderChannel,
  type SyncInboxReadyEvent,
} from '../../shared/ipc/contract';
import { fail, type HostResult } from '../../shared/result';
import { createIsTrustedSender } from '../security/trustedSender';
import { createFileService } from '../services/fileService';
import { registerIpcHandlers, type InvokeListener } from './registerIpcHandlers';
import { createSyncFolderHandlers, type SyncFolderHandlers } from './syncFolderHandlers';

/** Every other channel answers `unsupported`: only the sync folder's are under test. */
function withUnusedChannels(handlers: Partial<IpcHandlers>): IpcHandlers {
  const unused = () => Promise.resolve(fail<never>('unsupported', 'not under test'));
  const all = Object.fromEntries(Object.keys(ipcArgSchemas).map((channel) => [channel, unused]));
  // Each entry is `unused` or a real handler; fromEntries cannot say so to the type checker.
  return { ...all, ...handlers } as IpcHandlers;
}

const isSyncFolderChannel = (name: string): name is SyncFolderChannel =>
  Object.hasOwn(syncFolderArgSchemas, name);
const APP_FRAME = { senderFrame: { url: 'app://protection-monitor/index.html' } };
// Not a bundle by content: a file the importer will call corrupt, which is fine for plumbing.
const data = new TextEncoder().encode('bundle bytes');

let sandbox: string;
let root: string;
let folderId: string;
let sync: SyncFolderHandlers;
let events: SyncInboxReadyEvent[];
let eventWaiters: (() => void)[];

function valueOf<T>(result: HostResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}
const codeOf = (result: HostResult<unknown>) => (result.ok ? 'ok' : result.error.code);

/** Resolves with the next event main would send to the window. */
const nextEvent = () =>
  new Promise<SyncInboxReadyEvent>((resolve) => {
    const before = events.length;
    eventWaiters.push(() => {
      if (events.length > before) resolve(events[before]!);
    });
  });

beforeEach(async () => {
  sandbox = await mkdtemp(path.join(os.tmpdir(), 'pm-sync-ipc-'));
  root = path.join(sandbox, 'Sync');
  await mkdir(root);
  const files = createFileService();
  folderId = valueOf(await files.registerFolder(root)).folderId;
  events = [];
  eventWaiters = [];
  sync = createSyncFolderHandlers({
    folders: files,
    notify: (channel, payload) => {
      expect(channel).toBe('sync-folder:inbox-ready');
      events.push(payload);
      for (const waiter of eventWaiters.splice(0)) waiter();
    },
    options: { settleMs: 20, debounceMs: 10, rescanIntervalMs: 60_000 },
  });
});

afterEach(async () => {
  await sync.closeAll();
  await rm(sandbox, { recursive: true, force: true });
});

const DEVICE_ID = 'dev-field-1';
const HQ = { folderId: '', role: 'hq' } as const;
const hq = () => ({ ...HQ, folderId });
const field = (deviceId = DEVICE_ID) => ({ folderId, role: 'field' as const, deviceId });

describe('sync folder handlers', () => {
  it('writes the outbox, lists, reads and archives the inbox of a picked folder, for each side', async () => {
    const h = sync.handlers;
    valueOf(await h['sync-folder:write-outbox']({ ...field(), name: 'a.pmbundle', data }));
    expect(await readdir(path.join(root, 'to-hq'))).toEqual(['a.pmbundle']);

    // HQ reads what the device wrote, in the same folder.
    const listing = valueOf(await h['sync-folder:list-inbox'](hq()));
    expect(listing.ready.map((f) => f.name)).toEqual(['a.pmbundle']);
    expect(valueOf(await h['sync-folder:read-inbox']({ ...hq(), name: 'a.pmbundle' }))).toEqual(data);
    expect(
      valueOf(await h['sync-folder:archive-inbox']({ ...hq(), name: 'a.pmbundle', disposition: 'imported' })),
    ).toBe('a.pmbundle');
    expect(valueOf(await h['sync-folder:list-inbox'](hq()))).toEqual({ ready: [], waiting: [] });
    expect(await readdir(path.join(root, 'to-hq', 'processed'))).toEqual(['a.pmbundle']);

    // And the device reads HQ's acknowledgement for it, not one for another device.
    const ack = `pm-ack-${DEVICE_ID}.pmack`;
    valueOf(await h['sync-folder:write-outbox']({ ...hq(), name: ack, data }));
    valueOf(await h['sync-folder:write-outbox']({ ...hq(), name: 'pm-ack-dev-field-2.pmack', data }));
    expect(valueOf(await h['sync-folder:list-inbox'](field())).ready.map((f) => f.name)).toEqual([ack]);
    expect(valueOf(await h['sync-folder:read-inbox']({ ...field(), name: ack }))).toEqual(data);
    expect(
      codeOf(
        await h['sync-folder:archive-inbox']({
          ...field(),
          name: 'pm-ack-dev-field-2.pmack',
          disposition: 'imported',
        }),
      ),
    ).toBe('invalid-argument');
    expect(
      valueOf(await h['sync-folder:archive-inbox']({ ...field(), name: ack, disposition: 'rejected' })),
    ).toBe(ack);
    expect(await readdir(path.join(root, 'from-hq', 'rejected'))).toEqual([ack]);
  });

  it('answers unknown-folder for a folder that was not picked, and not-found for a missing file', async () => {
    const other = '3f1c2b8e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
    const h = sync.handlers;
    expect(codeOf(await h['sync-folder:list-inbox']({ ...HQ, folderId: other }))).toBe('unknown-folder');
    expect(codeOf(await h['sync-folder:watch']({ ...HQ, folderId: other }))).toBe('unknown-folder');
    expect(
      codeOf(await h['sync-folder:write-outbox']({ ...HQ, folderId: other, name: 'a.pmbundle', data })),
    ).toBe('unknown-folder');
    expect(codeOf(await h['sync-folder:read-inbox']({ ...hq(), name: 'missing.pmbundle' }))).toBe(
      'not-found',
    );
  });

  it('sends each ready file once to the window while watched, and nothing after unwatch', async () => {
    const h = sync.handlers;
    const toHq = path.join(root, 'to-hq');
    await mkdir(toHq);
    const first = nextEvent();
    valueOf(await h['sync-folder:watch'](hq()));
    valueOf(await h['sync-folder:watch'](hq())); // a reloaded renderer asks again
    await writeFile(path.join(toHq, 'c.pmbundle'), data);
    expect(await first).toEqual({
      folderId,
      role: 'hq',
      files: [{ name: 'c.pmbundle', kind: 'bundle', size: data.length, modifiedAt: expect.any(String) }],
    });

    const second = nextEvent();
    await writeFile(path.join(toHq, 'd.pmbundle'), data);
    expect((await second).files.map((f) => f.name)).toEqual(['d.pmbundle']);
    expect(events.flatMap((e) => e.files.map((f) => f.name))).toEqual(['c.pmbundle', 'd.pmbundle']);

    valueOf(await h['sync-folder:unwatch'](hq()));
    await writeFile(path.join(toHq, 'e.pmbundle'), data);
    // The watcher is closed: a listing sees the file, the window hears nothing of it.
    expect(valueOf(await h['sync-folder:list-inbox'](hq())).ready.map((f) => f.name)).toContain('e.pmbundle');
    expect(events).toHaveLength(2);
  });

  it('watches as a field device for its own acknowledgement, and restarts for another device id', async () => {
    const h = sync.handlers;
    valueOf(await h['sync-folder:watch'](field('dev-field-2')));
    // The renderer learned its real id (a restored vault): the new watch replaces the old one.
    valueOf(await h['sync-folder:watch'](field()));
    const event = nextEvent();
    valueOf(await h['sync-folder:write-outbox']({ ...hq(), name: 'pm-ack-dev-field-2.pmack', data }));
    valueOf(await h['sync-folder:write-outbox']({ ...hq(), name: `pm-ack-${DEVICE_ID}.pmack`, data }));
    expect(await event).toEqual({
      folderId,
      role: 'field',
      files: [
        {
          name: `pm-ack-${DEVICE_ID}.pmack`,
          kind: 'acknowledgement',
          size: data.length,
          modifiedAt: expect.any(String),
        },
      ],
    });
    valueOf(await h['sync-folder:unwatch']({ folderId, role: 'field' }));
    expect(events.flatMap((e) => e.files.map((f) => f.name))).toEqual([`pm-ack-${DEVICE_ID}.pmack`]);
  });
});

describe('sync folder channels behind registerIpcHandlers', () => {
  function register() {
    const listeners = new Map<string, InvokeListener>();
    const spies = Object.keys(syncFolderArgSchemas)
      .filter(isSyncFolderChannel)
      .map((channel) => vi.spyOn(sync.handlers, channel));
    registerIpcHandlers(
      { handle: (channel, listener) => listeners.set(channel, listener) },
      withUnusedChannels(sync.handlers),
      createIsTrustedSender(null),
    );
    const invoke = (channel: string, ...args: unknown[]) => listeners.get(channel)!(APP_FRAME, ...args);
    return { listeners, invoke, spies };
  }

  it('registers every sync folder channel', () => {
    const { listeners } = register();
    for (const channel of Object.keys(syncFolderArgSchemas)) expect(listeners.has(channel)).toBe(true);
  });

  it.each([
    ['sync-folder:read-inbox', { folderId: '', role: 'hq', name: 'a.pmbundle' }],
    ['sync-folder:read-inbox', { role: 'hq', name: 'a.pmbundle' }],
    ['sync-folder:read-inbox', { folderId: 'FOLDER', name: 'a.pmbundle' }],
    ['sync-folder:read-inbox', { folderId: 'FOLDER', role: 'HQ', name: 'a.pmbundle' }],
    ['sync-folder:read-inbox', { folderId: 'FOLDER', role: 'hq', name: '../from-hq/a.pmbundle' }],
    ['sync-folder:read-inbox', { folderId: 'FOLDER', role: 'hq', name: 'processed/a.pmbundle' }],
    ['sync-folder:read-inbox', { folderId: 'FOLDER', role: 'hq', name: 'C:\\a.pmbundle' }],
    ['sync-folder:read-inbox', { folderId: 'FOLDER', role: 'hq', name: '.syncthing.a.pmbundle.tmp' }],
    ['sync-folder:read-inbox', { folderId: 'FOLDER', role: 'hq', name: 'a.pmbundle.partial' }],
    ['sync-folder:read-inbox', { folderId: 'FOLDER', role: 'field', name: 'pm-ack-a.pmack' }],
    ['sync-folder:read-inbox', { folderId: 'FOLDER', role: 'field', deviceId: '../a', name: 'a.pmbundle' }],
    [
      'sync-folder:write-outbox',
      { folderId: 'FOLDER', role: 'field', name: 'run.exe', data: new Uint8Array([1]) },
    ],
    [
      'sync-folder:write-outbox',
      { folderId: 'FOLDER', role: 'field', name: 'a.pmbundle', data: 'not bytes' },
    ],
    ['sync-folder:write-outbox', { folderId: 'FOLDER', name: 'a.pmbundle', data: new Uint8Array([1]) }],
    [
      'sync-folder:write-outbox',
      { folderId: 'FOLDER', role: 'both', name: 'a.pmbundle', data: new Uint8Array([1]) },
    ],
    [
      'sync-folder:archive-inbox',
      { folderId: 'FOLDER', role: 'hq', name: 'a.pmbundle', disposition: 'deleted' },
    ],
    ['sync-folder:watch', undefined],
    ['sync-folder:watch', { folderId: 'FOLDER' }],
    ['sync-folder:watch', { folderId: 'FOLDER', role: 'field' }],
    ['sync-folder:unwatch', { folderId: 'FOLDER' }],
    ['sync-folder:list-inbox', 'FOLDER'],
  ])('%s refuses %j before the handler runs', async (channel, rawArgs) => {
    const { invoke, spies } = register();
    const args =
      typeof rawArgs === 'object' &&
      rawArgs !== null &&
      'folderId' in rawArgs &&
      rawArgs.folderId === 'FOLDER'
        ? { ...rawArgs, folderId }
        : rawArgs === 'FOLDER'
          ? folderId
          : rawArgs;
    const result = await invoke(channel, args);
    expect(codeOf(result)).toBe('invalid-argument');
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(await readdir(root)).toEqual([]);
  });

  it('passes valid arguments through to the handler', async () => {
    const archive = vi.spyOn(sync.handlers, 'sync-folder:archive-inbox');
    const { invoke } = register();
    const result = await invoke('sync-folder:archive-inbox', {
      folderId,
      role: 'hq',
      deviceId: DEVICE_ID,
      name: 'missing.pmbundle',
    });
    expect(codeOf(result)).toBe('not-found');
    // The default disposition is filled in by the schema; HQ has no device id to pass on.
    expect(archive).toHaveBeenCalledWith({
      folderId,
      role: 'hq',
      name: 'missing.pmbundle',
      disposition: 'imported',
    });
  });
});
