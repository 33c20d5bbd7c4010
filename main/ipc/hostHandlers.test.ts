import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostResult } from '../../shared/result';
import { createFileService } from '../services/fileService';
import { createHostHandlers, type HostDialogs, type HostStorage } from './hostHandlers';

let sandbox: string;
let documents: string;
let exports: string;

beforeEach(async () => {
  sandbox = await mkdtemp(path.join(os.tmpdir(), 'pm-host-'));
  documents = path.join(sandbox, 'Documents');
  exports = path.join(sandbox, 'exports');
  await mkdir(documents);
  await mkdir(exports);
});

afterEach(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

function valueOf<T>(result: HostResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function setup(dialogOverrides: Partial<HostDialogs> = {}, storage: HostStorage = { dataPath: sandbox }) {
  const dialog = {
    showSaveDialog: vi.fn<HostDialogs['showSaveDialog']>(() => Promise.resolve({ canceled: true })),
    showOpenDialog: vi.fn<HostDialogs['showOpenDialog']>(() =>
      Promise.resolve({ canceled: true, filePaths: [] }),
    ),
    ...dialogOverrides,
  };
  const shell = { openExternal: vi.fn(() => Promise.resolve()) };
  const handlers = createHostHandlers({
    dialog,
    shell,
    app: {
      getName: () => 'Protection Monitor',
      getVersion: () => '0.1.0',
      getPreferredSystemLanguages: () => ['sq-XK', 'en-GB'],
      getDefaultSaveDirectory: () => documents,
    },
    files: createFileService(),
    storage,
    platform: 'linux',
  });
  return { handlers, dialog, shell };
}

const data = new TextEncoder().encode('a,b\n1,2\n');

describe('app:info', () => {
  it('describes the Electron host with the system locales', async () => {
    const { handlers } = setup();
    expect(valueOf(await handlers['app:info'](undefined))).toEqual({
      name: 'Protection Monitor',
      version: '0.1.0',
      platform: 'linux',
      host: 'electron',
      systemLocales: ['sq-XK', 'en-GB'],
    });
  });
});

describe('app:storage-status', () => {
  it('measures the disk holding the data folder with the real statfs', async () => {
    const { handlers } = setup();
    const status = valueOf(await handlers['app:storage-status'](undefined));
    expect(status.totalBytes).toBeGreaterThan(0);
    expect(status.freeBytes).toBeGreaterThanOrEqual(0);
    expect(status.freeBytes).toBeLessThanOrEqual(status.totalBytes ?? 0);
  });

  it('counts the blocks available to the user, not the free blocks reserved for root', async () => {
    const statfs = vi.fn(() => Promise.resolve({ bsize: 4096, blocks: 1000, bavail: 250, bfree: 300 }));
    const { handlers } = setup({}, { dataPath: sandbox, statfs });
    expect(valueOf(await handlers['app:storage-status'](undefined))).toEqual({
      freeBytes: 250 * 4096,
      totalBytes: 1000 * 4096,
    });
    expect(statfs).toHaveBeenCalledWith(sandbox);
  });

  it('reports a missing data folder as a typed error', async () => {
    const { handlers } = setup({}, { dataPath: path.join(sandbox, 'missing') });
    const result = await handlers['app:storage-status'](undefined);
    expect(result.ok ? null : result.error.code).toBe('not-found');
  });
});

describe('files:save-with-dialog', () => {
  it('reports cancel as cancelled and writes nothing', async () => {
    const { handlers, dialog } = setup();
    const result = await handlers['files:save-with-dialog']({ suggestedName: 'r.csv', data, filters: [] });
    expect(result.ok ? null : result.error.code).toBe('cancelled');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: path.join(documents, 'r.csv'),
      filters: [],
    });
  });

  it('saves atomically where the user chose, then opens the next dialog in that folder', async () => {
    const chosen = path.join(exports, 'visits.csv');
    const showSaveDialog = vi.fn<HostDialogs['showSaveDialog']>(() =>
      Promise.resolve({ canceled: false, filePath: chosen }),
    );
    const { handlers } = setup({ showSaveDialog });
    const filters = [{ name: 'CSV', extensions: ['csv'] }];

    expect(
      valueOf(await handlers['files:save-with-dialog']({ suggestedName: 'visits.csv', data, filters })),
    ).toEqual({
      location: chosen,
    });
    expect(await readFile(chosen, 'utf8')).toBe('a,b\n1,2\n');
    expect(showSaveDialog).toHaveBeenLastCalledWith({
      defaultPath: path.join(documents, 'visits.csv'),
      filters,
    });

    await handlers['files:save-with-dialog']({ suggestedName: 'next.csv', data, filters });
    expect(showSaveDialog).toHaveBeenLastCalledWith({ defaultPath: path.join(exports, 'next.csv'), filters });
  });

  it('passes a write failure through as a typed error', async () => {
    const chosen = path.join(sandbox, 'missing-dir', 'x.csv');
    const { handlers } = setup({
      showSaveDialog: () => Promise.resolve({ canceled: false, filePath: chosen }),
    });
    const result = await handlers['files:save-with-dialog']({ suggestedName: 'x.csv', data, filters: [] });
    expect(result.ok ? null : result.error.code).toBe('not-found');
  });
});

describe('folders:*', () => {
  it('picks a folder, then writes, lists and reads inside it', async () => {
    const showOpenDialog = vi.fn<HostDialogs['showOpenDialog']>(() =>
      Promise.resolve({ canceled: false, filePaths: [exports] }),
    );
    const { handlers } = setup({ showOpenDialog });
    const picked = valueOf(await handlers['folders:pick'](undefined));
    expect(showOpenDialog).toHaveBeenCalledWith({ properties: ['openDirectory', 'createDirectory'] });
    expect(picked.displayName).toBe('exports');

    const { folderId } = picked;
    valueOf(await handlers['folders:write-file']({ folderId, relativePath: 'v/1.json', data }));
    expect(valueOf(await handlers['folders:list']({ folderId, relativePath: 'v' }))).toEqual([
      { name: '1.json', kind: 'file', size: data.byteLength },
    ]);
    expect(valueOf(await handlers['folders:read-file']({ folderId, relativePath: 'v/1.json' }))).toEqual(
      new Uint8Array(data),
    );
  });

  it('reports a cancelled folder pick', async () => {
    const { handlers } = setup();
    const result = await handlers['folders:pick'](undefined);
    expect(result.ok ? null : result.error.code).toBe('cancelled');
  });
});

describe('shell:open-external', () => {
  it('opens https links', async () => {
    const { handlers, shell } = setup();
    expect(valueOf(await handlers['shell:open-external']({ url: 'https://www.unhcr.org/' }))).toBeNull();
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.unhcr.org/');
  });

  it.each(['http://example.org/', 'file:///etc/passwd', 'smb://server/share', 'javascript:alert(1)'])(
    'refuses %s',
    async (url) => {
      const { handlers, shell } = setup();
      const result = await handlers['shell:open-external']({ url });
      expect(result.ok ? null : result.error.code).toBe('invalid-argument');
      expect(shell.openExternal).not.toHaveBeenCalled();
    },
  );
});
