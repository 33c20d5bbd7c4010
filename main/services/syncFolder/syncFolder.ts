import { lstat, mkdir, open, readdir, realpath, rename } from 'node:fs/promises';
import path from 'node:path';
import type { HostErrorCode } from '../../../shared/result';
import { syncLimits, type SyncLimits } from '../../../shared/sync/limits';
import {
  archiveFolderName,
  isAddressedTo,
  isSyncFileName,
  syncFileKind,
  syncFolderSides,
  type ArchiveDisposition,
  type SyncFileKind,
  type SyncReader,
  type SyncRole,
} from '../../../shared/sync/syncFolderNames';
import {
  checkDeclaredLength,
  DEFAULT_SETTLE_MS,
  SettleTracker,
  type DeclaredLength,
} from '../../../shared/sync/syncFolderRules';
import { errnoCode } from '../../util/errnoCode';
import { nodeAtomicWriteIo, writeAtomically, type AtomicWriteIo } from '../atomicWrite';

export { isTemporaryName, isSyncFileName } from '../../../shared/sync/syncFolderNames';
export type { SyncReader, SyncRole } from '../../../shared/sync/syncFolderNames';

/**
 * The sync folder on disk, one root for both sides (docs/sync-format.md §12): field devices
 * write `<root>/to-hq/` and read `<root>/from-hq/`, HQ the other way round, so a USB stick or
 * one shared folder serves both without copying. Read files go to `processed/` or `rejected/`
 * inside the reader's inbox. Folders are made on first use. The rules for names and for
 * "whole" live in shared/sync/syncFolderNames.ts and shared/sync/syncFolderRules.ts.
 */

/** An expected refusal; the IPC layer turns it into a HostResult error with this code. */
export class SyncFolderRefusal extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A monotonic clock and a way to wait, injected so tests move time instead of sleeping. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface InboxFile {
  name: string;
  kind: SyncFileKind;
  size: number;
  /** ISO time of the file's last change, as the file system tells it. */
  modifiedAt: string;
}

export interface InboxListing {
  /** Whole and settled, sorted by name (bundle names sort by device, then sequence). */
  ready: InboxFile[];
  /** Sync files still arriving: growing, just changed, or shorter than their header says. */
  waiting: string[];
}

export interface SyncFolderOptions {
  /** How long size and mtime must stay the same before a file is read. */
  settleMs?: number;
  clock?: Clock;
  limits?: Partial<SyncLimits>;
}

/** The folder `role` reads: `to-hq/` at HQ, `from-hq/` on a field device. */
export async function inboxPath(root: string, role: SyncRole): Promise<string> {
  return ensureFolder(root, [syncFolderSides(role).inbox]);
}

/** The folder `role` writes: `from-hq/` at HQ, `to-hq/` on a field device. */
export async function outboxPath(root: string, role: SyncRole): Promise<string> {
  return ensureFolder(root, [syncFolderSides(role).outbox]);
}

/**
 * Returns the real path of `<root>/<segments…>`, making missing levels. Each level must resolve
 * inside the root: a symlinked `to-hq` pointing elsewhere is refused, never followed.
 */
async function ensureFolder(root: string, segments: readonly string[]): Promise<string> {
  const realRoot = await realpath(root);
  let dir = realRoot;
  for (const segment of segments) {
    const next = path.join(dir, segment);
    await mkdir(next).catch((error: unknown) => {
      if (errnoCode(error) !== 'EEXIST') throw error;
    });
    const real = await realpath(next);
    if (!isInside(realRoot, real) || !(await lstat(real)).isDirectory()) {
      throw new SyncFolderRefusal('outside-folder', `${segment} leads outside the sync folder.`);
    }
    dir = real;
  }
  return dir;
}

function isInside(root: string, candidate: string): boolean {
  return candidate.startsWith(root + path.sep);
}

function checkName(name: string): void {
  if (!isSyncFileName(name)) {
    throw new SyncFolderRefusal('invalid-argument', 'Not the plain name of a sync file (.pmbundle, .pmack).');
  }
}

/** An inbox name must also be the reader's: a device never touches another's acknowledgement. */
function checkInboxName(name: string, reader: SyncReader): void {
  checkName(name);
  if (!isAddressedTo(name, reader)) {
    throw new SyncFolderRefusal('invalid-argument', `${name} is not addressed to this side.`);
  }
}

/** A plain file directly in `dir`; symlinks and folders are refused as not found. */
async function plainFileIn(dir: string, name: string) {
  const target = path.join(dir, name);
  if (path.dirname(target) !== dir)
    throw new SyncFolderRefusal('outside-folder', 'The name leaves the folder.');
  const info = await lstat(target);
  if (!info.isFile()) throw new SyncFolderRefusal('not-found', `${name} is not a file.`);
  return { target, info };
}

const maxBytesFor = (kind: SyncFileKind, limits: SyncLimits) =>
  kind === 'bundle' ? limits.maxBundleBytes : limits.maxAcknowledgementBytes;

/**
 * Looks at the reader's inbox again and again over time: remembers what each file looked like,
 * so a file is ready only once it settled, and caches the declared-length check per file
 * version. Files not addressed to the reader are not looked at.
 */
export class InboxObserver {
  private readonly tracker: SettleTracker;
  private readonly clock: Clock;
  private readonly limits: Partial<SyncLimits>;
  private readonly lengths = new Map<string, { key: string; verdict: DeclaredLength }>();

  constructor(
    readonly root: string,
    readonly reader: SyncReader,
    options: SyncFolderOptions = {},
  ) {
    this.tracker = new SettleTracker(options.settleMs ?? DEFAULT_SETTLE_MS);
    this.clock = options.clock ?? systemClock;
    this.limits = options.limits ?? {};
  }

  /** One observation. `retryInMs` says when a settling file could be ready (null: none). */
  async scan(): Promise<InboxListing & { retryInMs: number | null }> {
    const inbox = await inboxPath(this.root, this.reader.role);
    const entries = await readdir(inbox, { withFileTypes: true });
    const present = new Set<string>();
    const listing: InboxListing = { ready: [], waiting: [] };
    let retryInMs: number | null = null;
    for (const entry of entries) {
      const kind = syncFileKind(entry.name);
      if (!entry.isFile() || kind === null || !isAddressedTo(entry.name, this.reader)) continue;
      const info = await lstat(path.join(inbox, entry.name)).catch(() => null);
      if (info === null || !info.isFile()) continue; // gone or replaced since readdir
      present.add(entry.name);
      const verdict = this.tracker.observe(
        entry.name,
        { size: info.size, mtimeMs: info.mtimeMs },
        this.clock.now(),
      );
      if (!verdict.settled) {
        listing.waiting.push(entry.name);
        retryInMs = Math.min(retryInMs ?? verdict.waitMs, verdict.waitMs);
        continue;
      }
      const length = await this.declaredLength(inbox, entry.name, info.size, info.mtimeMs);
      if (length === 'incomplete') listing.waiting.push(entry.name);
      else
        listing.ready.push({ name: entry.name, kind, size: info.size, modifiedAt: info.mtime.toISOString() });
    }
    this.tracker.keepOnly(present);
    for (const name of this.lengths.keys()) if (!present.has(name)) this.lengths.delete(name);
    listing.ready.sort((a, b) => compareNames(a.name, b.name));
    listing.waiting.sort(compareNames);
    return { ...listing, retryInMs };
  }

  private async declaredLength(inbox: string, name: string, size: number, mtimeMs: number) {
    const key = `${size}:${mtimeMs}`;
    const cached = this.lengths.get(name);
    if (cached?.key === key) return cached.verdict;
    const handle = await open(path.join(inbox, name), 'r');
    try {
      const verdict = await checkDeclaredLength(
        size,
        async (offset, length) => {
          const buffer = new Uint8Array(length);
          const { bytesRead } = await handle.read(buffer, 0, length, offset);
          return buffer.subarray(0, bytesRead);
        },
        this.limits,
      );
      this.lengths.set(name, { key, verdict });
      return verdict;
    } finally {
      await handle.close();
    }
  }
}

const compareNames = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The reader's ready inbox files, for a one-off look (on start, on "Sync now"). When a file is
 * seen for the first time, it is looked at again after the settle time, so one call is enough.
 */
export async function listReadyInbox(
  root: string,
  reader: SyncReader,
  options: SyncFolderOptions = {},
): Promise<InboxListing> {
  const observer = new InboxObserver(root, reader, options);
  const first = await observer.scan();
  if (first.retryInMs === null) return { ready: first.ready, waiting: first.waiting };
  await (options.clock ?? systemClock).sleep(first.retryInMs);
  const second = await observer.scan();
  return { ready: second.ready, waiting: second.waiting };
}

/**
 * Reads a ready inbox file whole. Refuses names outside the inbox, names not addressed to the
 * reader and files still arriving.
 */
export async function readInboxFile(
  root: string,
  reader: SyncReader,
  name: string,
  options: Pick<SyncFolderOptions, 'limits'> = {},
): Promise<Uint8Array> {
  checkInboxName(name, reader);
  const limits = syncLimits(options.limits);
  const kind = syncFileKind(name) ?? 'bundle';
  const { target } = await plainFileIn(await inboxPath(root, reader.role), name);
  const handle = await open(target, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxBytesFor(kind, limits)) {
      throw new SyncFolderRefusal('io-error', `${name} is ${size} bytes, over the limit for a sync file.`);
    }
    const bytes = new Uint8Array(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    const whole = bytes.subarray(0, filled);
    const length = await checkDeclaredLength(
      whole.length,
      async (offset, count) => whole.subarray(offset, offset + count),
      options.limits,
    );
    if (length === 'incomplete') {
      throw new SyncFolderRefusal('io-error', `${name} is still arriving; it is read once it is whole.`);
    }
    return whole;
  } finally {
    await handle.close();
  }
}

/**
 * Writes a file for the other side into `role`'s outbox: temp file, fsync, rename, so no reader
 * sees half of it. A file of the same name is replaced whole (a newer acknowledgement).
 */
export async function writeOutboxFile(
  root: string,
  role: SyncRole,
  name: string,
  data: Uint8Array,
  io: AtomicWriteIo = nodeAtomicWriteIo,
): Promise<void> {
  checkName(name);
  const outbox = await outboxPath(root, role);
  await writeAtomically(path.join(outbox, name), data, io);
}

/**
 * Moves a read inbox file to `processed/` (imported) or `rejected/` (refused by the importer)
 * inside the reader's inbox, so it is not picked up again. A name already there gets a `-2`,
 * `-3`… suffix: nothing that arrived is overwritten. Returns the name it was stored under.
 */
export async function archiveInboxFile(
  root: string,
  reader: SyncReader,
  name: string,
  disposition: ArchiveDisposition = 'imported',
): Promise<string> {
  checkInboxName(name, reader);
  const inbox = await inboxPath(root, reader.role);
  const { target } = await plainFileIn(inbox, name);
  const archive = await ensureFolder(root, [
    syncFolderSides(reader.role).inbox,
    archiveFolderName(disposition),
  ]);
  const extension = path.extname(name);
  const stem = name.slice(0, name.length - extension.length);
  for (let attempt = 1; attempt < 1000; attempt += 1) {
    const archivedName = attempt === 1 ? name : `${stem}-${attempt}${extension}`;
    const exists = await lstat(path.join(archive, archivedName)).then(
      () => true,
      (error: unknown) => {
        if (errnoCode(error) === 'ENOENT') return false;
        throw error;
      },
    );
    if (exists) continue;
    await rename(target, path.join(archive, archivedName));
    return archivedName;
  }
  throw new SyncFolderRefusal('io-error', `Too many archived copies of ${name}.`);
}
