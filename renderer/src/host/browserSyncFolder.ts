import type { HostApi } from '../../../shared/host/hostApi';
import type {
  SyncInboxArgs,
  SyncInboxFile,
  SyncInboxListing,
  SyncInboxReadyEvent,
} from '../../../shared/ipc/contract';
import { fail, ok, type HostResult } from '../../../shared/result';
import {
  archiveFolderName,
  isAddressedTo,
  isSyncFileName,
  MAX_SYNC_FILE_BYTES,
  syncFileKind,
  syncFolderSides,
  type SyncReader,
  type SyncRole,
} from '../../../shared/sync/syncFolderNames';
import { checkDeclaredLength, DEFAULT_SETTLE_MS, SettleTracker } from '../../../shared/sync/syncFolderRules';

/**
 * The sync folder in a plain browser, over a File System Access API folder handle, with the
 * same layout and rules as main's (shared/sync/syncFolderNames.ts, syncFolderRules.ts): one
 * root for both sides, `to-hq/` written by field devices and read by HQ, `from-hq/` the reverse.
 *
 * A browser cannot watch a folder: `watchSyncInbox` polls the inbox every `pollMs` (and once at
 * once) while the page is open, so a file shows up within that interval plus the settle time.
 * One poll per folder and role; asking again with another device id replaces it.
 * Writes go through `createWritable`, which writes a `.crswap` file and swaps it in on close:
 * readers never see half a file. Archiving uses `FileSystemFileHandle.move` where the browser
 * has it, else copies and removes.
 */

export interface SyncDirectoryHandle {
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<SyncDirectoryHandle>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<SyncFileHandle>;
  removeEntry(name: string): Promise<void>;
  values(): AsyncIterable<{ kind: 'file' | 'directory'; name: string }>;
}

export interface SyncFileHandle {
  getFile(): Promise<File>;
  createWritable(): Promise<{ write(data: BufferSource): Promise<void>; close(): Promise<void> }>;
  /** Chromium 110+: moves (and renames) without copying. */
  move?(destination: SyncDirectoryHandle, name: string): Promise<void>;
}

export interface BrowserSyncFolderOptions {
  resolveFolder(folderId: string): HostResult<SyncDirectoryHandle>;
  settleMs?: number;
  pollMs?: number;
  clock?: { now(): number; sleep(ms: number): Promise<void> };
}

export const DEFAULT_POLL_MS = 15_000;

type SyncFolderMethods = Pick<
  HostApi,
  | 'listSyncInbox'
  | 'readSyncInboxFile'
  | 'writeSyncOutboxFile'
  | 'archiveSyncInboxFile'
  | 'watchSyncInbox'
  | 'unwatchSyncInbox'
  | 'onSyncInboxReady'
>;

const browserClock = {
  now: () => performance.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

async function guard<T>(work: () => Promise<HostResult<T>>): Promise<HostResult<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotFoundError')
      return fail('not-found', error.message);
    if (error instanceof DOMException && error.name === 'TypeMismatchError')
      return fail('not-found', error.message);
    return fail('io-error', error instanceof Error ? error.message : String(error));
  }
}

const refuseName = () =>
  fail<never>('invalid-argument', 'Not the plain name of a sync file (.pmbundle, .pmack).');
const refuseNotAddressed = (name: string) =>
  fail<never>('invalid-argument', `${name} is not addressed to this side.`);

/** The reader an inbox method's arguments describe. */
const readerOf = (args: SyncInboxArgs): SyncReader =>
  args.role === 'hq' ? { role: 'hq' } : { role: 'field', deviceId: args.deviceId };
const readerKey = (reader: SyncReader) => (reader.role === 'hq' ? 'hq' : `field:${reader.deviceId}`);

const declaredLengthOf = (file: File) =>
  checkDeclaredLength(
    file.size,
    async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()),
  );

export function createBrowserSyncFolder(options: BrowserSyncFolderOptions): SyncFolderMethods {
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const clock = options.clock ?? browserClock;
  const listeners = new Set<(event: SyncInboxReadyEvent) => void>();
  const polls = new Map<
    string,
    {
      reader: SyncReader;
      timer: ReturnType<typeof setInterval>;
      tracker: SettleTracker;
      reported: Map<string, string>;
    }
  >();
  const pollKey = (folderId: string, role: SyncRole) => `${role}:${folderId}`;

  async function inbox(folderId: string, role: SyncRole): Promise<HostResult<SyncDirectoryHandle>> {
    const root = options.resolveFolder(folderId);
    if (!root.ok) return root;
    return ok(await root.value.getDirectoryHandle(syncFolderSides(role).inbox, { create: true }));
  }

  async function scan(dir: SyncDirectoryHandle, reader: SyncReader, tracker: SettleTracker) {
    const listing: SyncInboxListing = { ready: [], waiting: [] };
    const present = new Set<string>();
    let retryInMs: number | null = null;
    for await (const entry of dir.values()) {
      const kind = syncFileKind(entry.name);
      if (entry.kind !== 'file' || kind === null || !isAddressedTo(entry.name, reader)) continue;
      const file = await (await dir.getFileHandle(entry.name)).getFile();
      present.add(entry.name);
      const verdict = tracker.observe(
        entry.name,
        { size: file.size, mtimeMs: file.lastModified },
        clock.now(),
      );
      if (!verdict.settled) {
        listing.waiting.push(entry.name);
        retryInMs = Math.min(retryInMs ?? verdict.waitMs, verdict.waitMs);
      } else if ((await declaredLengthOf(file)) === 'incomplete') {
        listing.waiting.push(entry.name);
      } else {
        const modifiedAt = new Date(file.lastModified).toISOString();
        listing.ready.push({ name: entry.name, kind, size: file.size, modifiedAt });
      }
    }
    tracker.keepOnly(present);
    listing.ready.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    listing.waiting.sort();
    return { listing, retryInMs };
  }

  async function poll(folderId: string, role: SyncRole): Promise<void> {
    const key = pollKey(folderId, role);
    const state = polls.get(key);
    const dir = await inbox(folderId, role).catch(() => null);
    if (state === undefined || dir === null || !dir.ok) return;
    const { listing } = await scan(dir.value, state.reader, state.tracker).catch(() => ({ listing: null }));
    if (listing === null || polls.get(key) !== state) return;
    const present = new Set([...listing.ready.map((f) => f.name), ...listing.waiting]);
    for (const name of state.reported.keys()) if (!present.has(name)) state.reported.delete(name);
    const fresh: SyncInboxFile[] = [];
    for (const file of listing.ready) {
      const version = `${file.size}:${file.modifiedAt}`;
      if (state.reported.get(file.name) === version) continue;
      state.reported.set(file.name, version);
      fresh.push(file);
    }
    if (fresh.length > 0) for (const listener of listeners) listener({ folderId, role, files: fresh });
  }

  return {
    listSyncInbox: (args) =>
      guard(async () => {
        const reader = readerOf(args);
        const dir = await inbox(args.folderId, reader.role);
        if (!dir.ok) return dir;
        const tracker = new SettleTracker(settleMs);
        const first = await scan(dir.value, reader, tracker);
        if (first.retryInMs === null) return ok(first.listing);
        await clock.sleep(first.retryInMs);
        return ok((await scan(dir.value, reader, tracker)).listing);
      }),

    readSyncInboxFile: (args) =>
      guard(async () => {
        const { folderId, name } = args;
        if (!isSyncFileName(name)) return refuseName();
        if (!isAddressedTo(name, readerOf(args))) return refuseNotAddressed(name);
        const dir = await inbox(folderId, args.role);
        if (!dir.ok) return dir;
        const file = await (await dir.value.getFileHandle(name)).getFile();
        if (file.size > MAX_SYNC_FILE_BYTES)
          return fail('io-error', `${name} is over the limit for a sync file.`);
        if ((await declaredLengthOf(file)) === 'incomplete') {
          return fail('io-error', `${name} is still arriving; it is read once it is whole.`);
        }
        return ok(new Uint8Array(await file.arrayBuffer()));
      }),

    writeSyncOutboxFile: ({ folderId, role, name, data }) =>
      guard(async () => {
        if (!isSyncFileName(name)) return refuseName();
        const root = options.resolveFolder(folderId);
        if (!root.ok) return root;
        const outbox = await root.value.getDirectoryHandle(syncFolderSides(role).outbox, { create: true });
        const writable = await (await outbox.getFileHandle(name, { create: true })).createWritable();
        await writable.write(data);
        await writable.close();
        return ok(null);
      }),

    archiveSyncInboxFile: (args) =>
      guard(async () => {
        const { folderId, name, disposition = 'imported' } = args;
        if (!isSyncFileName(name)) return refuseName();
        if (!isAddressedTo(name, readerOf(args))) return refuseNotAddressed(name);
        const dir = await inbox(folderId, args.role);
        if (!dir.ok) return dir;
        const source = await dir.value.getFileHandle(name);
        const archive = await dir.value.getDirectoryHandle(archiveFolderName(disposition), { create: true });
        const archivedName = await freeName(archive, name);
        if (source.move) {
          await source.move(archive, archivedName);
        } else {
          const bytes = await (await source.getFile()).arrayBuffer();
          const writable = await (
            await archive.getFileHandle(archivedName, { create: true })
          ).createWritable();
          await writable.write(bytes);
          await writable.close();
          await dir.value.removeEntry(name);
        }
        return ok(archivedName);
      }),

    watchSyncInbox: (args) =>
      guard(async () => {
        const { folderId, role } = args;
        const reader = readerOf(args);
        const dir = await inbox(folderId, role);
        if (!dir.ok) return dir;
        const key = pollKey(folderId, role);
        const existing = polls.get(key);
        if (existing === undefined || readerKey(existing.reader) !== readerKey(reader)) {
          if (existing !== undefined) clearInterval(existing.timer);
          const timer = setInterval(() => void poll(folderId, role), pollMs);
          polls.set(key, { reader, timer, tracker: new SettleTracker(settleMs), reported: new Map() });
          void poll(folderId, role);
        }
        return ok(null);
      }),

    async unwatchSyncInbox({ folderId, role }) {
      const key = pollKey(folderId, role);
      const state = polls.get(key);
      if (state !== undefined) clearInterval(state.timer);
      polls.delete(key);
      return ok(null);
    },

    onSyncInboxReady(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** `name`, or `name-2`, `name-3`… before the extension: the first not taken in `dir`. */
async function freeName(dir: SyncDirectoryHandle, name: string): Promise<string> {
  const dot = name.lastIndexOf('.');
  const stem = name.slice(0, dot);
  const extension = name.slice(dot);
  for (let attempt = 1; attempt < 1000; attempt += 1) {
    const candidate = attempt === 1 ? name : `${stem}-${attempt}${extension}`;
    const taken = await dir.getFileHandle(candidate).then(
      () => true,
      (error: unknown) => {
        if (error instanceof DOMException && error.name === 'NotFoundError') return false;
        throw error;
      },
    );
    if (!taken) return candidate;
  }
  throw new Error(`Too many archived copies of ${name}.`);
}
