import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostResult } from '../../shared/result';
import { nodeAtomicWriteIo, type AtomicWriteIo } from './atomicWrite';
import { createFileService, type FileService } from './fileService';

let sandbox: string;
let picked: string;
let outside: string;
let service: FileService;
let folderId: string;

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

function valueOf<T>(result: HostResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function errorCode(result: HostResult<unknown>): string {
  if (result.ok) throw new Error('expected a failure');
  return result.error.code;
}

beforeEach(async () => {
  sandbox = await mkdtemp(path.join(os.tmpdir(), 'pm-files-'));
  picked = path.join(sandbox, 'picked');
  outside = path.join(sandbox, 'outside');
  await mkdir(picked);
  await mkdir(outside);
  await writeFile(path.join(outside, 'secret.txt'), 'not yours');
  service = createFileService();
  folderId = valueOf(await service.registerFolder(picked)).folderId;
});

afterEach(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

describe('folder registry', () => {
  it('hands out a UUID and the folder name, never the path', async () => {
    const result = valueOf(await service.registerFolder(picked));
    expect(result.folderId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(result).toEqual({ folderId, displayName: 'picked' });
  });

  it('refuses unknown folder ids', async () => {
    const unknown = '3f1c2b8e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
    expect(errorCode(await service.readFile(unknown, 'a.txt'))).toBe('unknown-folder');
    expect(errorCode(await service.writeFileAtomic(unknown, 'a.txt', bytes('x')))).toBe('unknown-folder');
    expect(errorCode(await service.listFiles(unknown))).toBe('unknown-folder');
  });

  it('keeps folders per service instance (nothing survives a restart)', async () => {
    expect(errorCode(await createFileService().listFiles(folderId))).toBe('unknown-folder');
  });

  it('reports a folder that does not exist', async () => {
    expect(errorCode(await service.registerFolder(path.join(sandbox, 'nope')))).toBe('not-found');
  });
});

describe('writeFileAtomic / readFile / listFiles', () => {
  it('writes, reads back and lists, creating subfolders', async () => {
    valueOf(await service.writeFileAtomic(folderId, 'exports/2024/visits.json', bytes('{"n":1}')));
    expect(text(valueOf(await service.readFile(folderId, 'exports/2024/visits.json')))).toBe('{"n":1}');
    expect(valueOf(await service.listFiles(folderId))).toEqual([
      { name: 'exports', kind: 'directory', size: 0 },
    ]);
    expect(valueOf(await service.listFiles(folderId, 'exports/2024'))).toEqual([
      { name: 'visits.json', kind: 'file', size: 7 },
    ]);
  });

  it('replaces existing content and leaves no temp file behind', async () => {
    valueOf(await service.writeFileAtomic(folderId, 'case.txt', bytes('first')));
    valueOf(await service.writeFileAtomic(folderId, 'case.txt', bytes('second')));
    expect(await readFile(path.join(picked, 'case.txt'), 'utf8')).toBe('second');
    expect(await readdir(picked)).toEqual(['case.txt']);
  });

  it('keeps the old content when the target cannot be replaced (it is a directory)', async () => {
    await mkdir(path.join(picked, 'taken'));
    await writeFile(path.join(picked, 'taken', 'inside.txt'), 'old');
    const result = await service.writeFileAtomic(folderId, 'taken', bytes('new'));
    expect(errorCode(result)).toBe('io-error');
    expect(await readFile(path.join(picked, 'taken', 'inside.txt'), 'utf8')).toBe('old');
    expect(await readdir(picked)).toEqual(['taken']);
  });

  it('keeps the old content and removes the temp file when the write fails half-way', async () => {
    await writeFile(path.join(picked, 'case.txt'), 'old content');
    const halfWrite: AtomicWriteIo = {
      ...nodeAtomicWriteIo,
      async writeDurably(tempPath, data) {
        await writeFile(tempPath, data.subarray(0, 2));
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    };
    const failing = createFileService(halfWrite);
    const id = valueOf(await failing.registerFolder(picked)).folderId;
    const result = await failing.writeFileAtomic(id, 'case.txt', bytes('new content'));
    expect(result).toEqual({
      ok: false,
      error: { code: 'io-error', message: 'ENOSPC: no space left on device' },
    });
    expect(await readFile(path.join(picked, 'case.txt'), 'utf8')).toBe('old content');
    expect(await readdir(picked)).toEqual(['case.txt']);
  });

  it('hides in-flight temp files from listings', async () => {
    await writeFile(path.join(picked, '.case.txt.0000.pm-tmp'), 'partial');
    await writeFile(path.join(picked, 'case.txt'), 'done');
    expect(valueOf(await service.listFiles(folderId)).map((entry) => entry.name)).toEqual(['case.txt']);
  });

  it('reports missing files as not-found', async () => {
    expect(errorCode(await service.readFile(folderId, 'missing.txt'))).toBe('not-found');
    expect(errorCode(await service.listFiles(folderId, 'missing'))).toBe('not-found');
  });
});

describe('confinement to the chosen folder', () => {
  it.each(['../outside/secret.txt', 'a/../../outside/secret.txt', '/etc/passwd', '..', '.'])(
    'refuses %s',
    async (relativePath) => {
      expect(errorCode(await service.readFile(folderId, relativePath))).toBe('outside-folder');
      expect(errorCode(await service.writeFileAtomic(folderId, relativePath, bytes('x')))).toBe(
        'outside-folder',
      );
    },
  );

  it('writes nothing outside when refusing', async () => {
    await service.writeFileAtomic(folderId, '../outside/new.txt', bytes('x'));
    expect(await readdir(outside)).toEqual(['secret.txt']);
  });

  it('refuses to read through a symlinked file that points outside', async () => {
    await symlink(path.join(outside, 'secret.txt'), path.join(picked, 'link.txt'));
    expect(errorCode(await service.readFile(folderId, 'link.txt'))).toBe('outside-folder');
  });

  it('refuses to write or list through a symlinked folder that points outside', async () => {
    await symlink(outside, path.join(picked, 'escape'), 'dir');
    expect(errorCode(await service.writeFileAtomic(folderId, 'escape/new.txt', bytes('x')))).toBe(
      'outside-folder',
    );
    expect(errorCode(await service.writeFileAtomic(folderId, 'escape/deeper/new.txt', bytes('x')))).toBe(
      'outside-folder',
    );
    expect(errorCode(await service.listFiles(folderId, 'escape'))).toBe('outside-folder');
    expect(await readdir(outside)).toEqual(['secret.txt']);
  });

  it('follows symlinks that stay inside the folder', async () => {
    await mkdir(path.join(picked, 'real'));
    await writeFile(path.join(picked, 'real', 'a.txt'), 'inside');
    await symlink(path.join(picked, 'real'), path.join(picked, 'alias'), 'dir');
    expect(text(valueOf(await service.readFile(folderId, 'alias/a.txt')))).toBe('inside');
  });

  it('works when the picked folder itself is reached through a symlink', async () => {
    const viaLink = path.join(sandbox, 'picked-link');
    await symlink(picked, viaLink, 'dir');
    const id = valueOf(await service.registerFolder(viaLink)).folderId;
    valueOf(await service.writeFileAtomic(id, 'x.txt', bytes('ok')));
    expect(await readFile(path.join(picked, 'x.txt'), 'utf8')).toBe('ok');
  });
});

describe('saveToPath', () => {
  it('writes atomically to an absolute path', async () => {
    const target = path.join(outside, 'report.csv');
    valueOf(await service.saveToPath(target, bytes('a,b')));
    expect(await readFile(target, 'utf8')).toBe('a,b');
    expect((await readdir(outside)).sort()).toEqual(['report.csv', 'secret.txt']);
  });

  it('refuses relative paths and reports a missing directory', async () => {
    expect(errorCode(await service.saveToPath('report.csv', bytes('x')))).toBe('invalid-argument');
    expect(errorCode(await service.saveToPath(path.join(sandbox, 'gone', 'r.csv'), bytes('x')))).toBe(
      'not-found',
    );
  });
});
