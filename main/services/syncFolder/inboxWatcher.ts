import { watch as nodeWatch } from 'node:fs';
import {
  InboxObserver,
  inboxPath,
  type InboxFile,
  type InboxListing,
  type SyncFolderOptions,
  type SyncReader,
} from './syncFolder';

export interface WatchInboxOptions extends SyncFolderOptions {
  /** Quiet time after a file-system event before looking, so a burst of events is one scan. */
  debounceMs?: number;
  /**
   * A full look at this interval whatever the events say: fs.watch misses changes on USB
   * sticks, network shares and some sync clients' virtual drives, and stops when the stick
   * is pulled out.
   */
  rescanIntervalMs?: number;
  /** A failed scan or watch (stick removed, permission lost); watching goes on. */
  onError?: (error: unknown) => void;
  /** After every scan, with what it saw (tests and diagnostics). */
  onScan?: (listing: InboxListing) => void;
  /** Node's fs.watch, injectable to test the rescan fallback without events. */
  watch?: (dir: string, listener: () => void) => DirectoryWatch;
}

/** The part of fs.FSWatcher used here. */
export interface DirectoryWatch {
  close(): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface InboxWatcher {
  /** Looks now (on "Sync now"); resolves when that look is done. */
  rescan(): Promise<void>;
  /** Stops watching; no callback runs after it resolves. */
  close(): Promise<void>;
}

export const DEFAULT_DEBOUNCE_MS = 300;
export const DEFAULT_RESCAN_INTERVAL_MS = 30_000;

const nodeWatchDir: NonNullable<WatchInboxOptions['watch']> = (dir, listener) =>
  nodeWatch(dir, { persistent: false }, () => listener());

/**
 * Watches the reader's inbox (`<root>/to-hq/` at HQ, `<root>/from-hq/` on a field device) and
 * calls `onReady` with the files addressed to it that became ready, each file version once: a
 * file is reported again only if it goes away and comes back, or changes.
 * Events trigger a debounced scan; a periodic scan covers missed events; a settling file gets
 * a scan of its own when its settle time is up.
 */
export function watchInbox(
  root: string,
  reader: SyncReader,
  onReady: (files: readonly InboxFile[]) => void,
  options: WatchInboxOptions = {},
): InboxWatcher {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const rescanIntervalMs = options.rescanIntervalMs ?? DEFAULT_RESCAN_INTERVAL_MS;
  const onError = options.onError ?? (() => {});
  const watchDir = options.watch ?? nodeWatchDir;
  const observer = new InboxObserver(root, reader, options);
  const reported = new Map<string, string>();

  let closed = false;
  let fsWatcher: DirectoryWatch | null = null;
  let timer: { handle: ReturnType<typeof setTimeout>; due: number } | null = null;
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;

  const interval = setInterval(() => schedule(0), rescanIntervalMs);
  interval.unref?.();

  function schedule(delayMs: number): void {
    if (closed) return;
    const due = Date.now() + delayMs;
    if (timer !== null && timer.due <= due) return;
    if (timer !== null) clearTimeout(timer.handle);
    timer = {
      due,
      handle: setTimeout(() => {
        timer = null;
        void runScan();
      }, delayMs),
    };
  }

  /** Scans one at a time; requests during a scan share one more scan after it. */
  function runScan(): Promise<void> {
    if (queued !== null) return queued;
    if (running !== null) {
      queued = running.then(() => {
        queued = null;
        return runScan();
      });
      return queued;
    }
    running = scanOnce().finally(() => {
      running = null;
    });
    return running;
  }

  async function scanOnce(): Promise<void> {
    if (closed) return;
    // Without fs.watch the periodic scan still works, so a failed watch does not stop the scan.
    await ensureWatching().catch((error: unknown) => {
      if (!closed) onError(error);
    });
    try {
      const listing = await observer.scan();
      if (closed) return;
      const fresh: InboxFile[] = [];
      const present = new Set([...listing.ready.map((f) => f.name), ...listing.waiting]);
      for (const name of reported.keys()) if (!present.has(name)) reported.delete(name);
      for (const file of listing.ready) {
        const version = `${file.size}:${file.modifiedAt}`;
        if (reported.get(file.name) === version) continue;
        reported.set(file.name, version);
        fresh.push(file);
      }
      options.onScan?.({ ready: listing.ready, waiting: listing.waiting });
      if (fresh.length > 0) onReady(fresh);
      if (listing.retryInMs !== null) schedule(listing.retryInMs);
    } catch (error) {
      if (!closed) onError(error);
    }
  }

  /** (Re)starts fs.watch; after an error (stick pulled out) the next scan tries again. */
  async function ensureWatching(): Promise<void> {
    if (fsWatcher !== null) return;
    const dir = await inboxPath(root, reader.role);
    if (closed) return;
    const watcher = watchDir(dir, () => schedule(debounceMs));
    watcher.on('error', (error) => {
      watcher.close();
      if (fsWatcher === watcher) fsWatcher = null;
      if (!closed) onError(error);
    });
    fsWatcher = watcher;
  }

  schedule(0);

  return {
    rescan: () => runScan(),
    async close() {
      closed = true;
      clearInterval(interval);
      if (timer !== null) clearTimeout(timer.handle);
      timer = null;
      fsWatcher?.close();
      fsWatcher = null;
      await queued;
      await running;
    },
  };
}
