import type { HostApi } from '../../../shared/host/hostApi';

/**
 * Disk-space policy for the write path. Chromium can corrupt an IndexedDB database when the
 * disk fills up in the middle of a write, so below a hard threshold new writes stop with a
 * clear message instead, and below a softer one the user is warned in time to act.
 */
export type StorageLevel = 'ok' | 'low' | 'critical' | 'unknown';

export const GiB = 1024 ** 3;
export const MiB = 1024 ** 2;

export interface StorageThresholds {
  /** Below this many free bytes the user is warned. Default 1 GiB. */
  warnBelow?: number;
  /** Below this many free bytes new writes stop. Default 200 MiB. */
  stopBelow?: number;
}

export function storageLevel(
  freeBytes: number | null,
  { warnBelow = GiB, stopBelow = 200 * MiB }: StorageThresholds = {},
): StorageLevel {
  if (freeBytes === null || !Number.isFinite(freeBytes)) return 'unknown';
  if (freeBytes < stopBelow) return 'critical';
  if (freeBytes < warnBelow) return 'low';
  return 'ok';
}

/** Thrown by assertCanWrite; the message is the i18n key to show. */
export class StorageFullError extends Error {
  readonly key = 'storage.full';
  constructor(readonly freeBytes: number | null) {
    super('storage.full');
    this.name = 'StorageFullError';
  }
}

export interface StorageHealth {
  level: StorageLevel;
  freeBytes: number | null;
  totalBytes: number | null;
  /** When it was measured (ms since the epoch, from `now`). */
  checkedAt: number;
}

export interface StorageGuardOptions extends StorageThresholds {
  now?: () => number;
  /** How long a measurement stays good before assertCanWrite measures again. Default 60 s. */
  maxAgeMs?: number;
}

export interface StorageGuard {
  /** Measures again; a failing host counts as 'unknown', which never blocks writes. */
  refresh(): Promise<StorageHealth>;
  /** The last measurement, or null before the first. */
  status(): StorageHealth | null;
  /** Throws StorageFullError when the disk is critically full (measuring again if stale). */
  assertCanWrite(): Promise<void>;
  /**
   * The same check on the last measurement, without waiting: usable inside a Dexie
   * transaction, where awaiting the host would commit the transaction early. A stale
   * measurement is refreshed in the background for the next write.
   */
  assertCanWriteNow(): void;
}

export function createStorageGuard(
  host: Pick<HostApi, 'storageStatus'>,
  { now = Date.now, maxAgeMs = 60_000, ...thresholds }: StorageGuardOptions = {},
): StorageGuard {
  let last: StorageHealth | null = null;
  let pending: Promise<StorageHealth> | null = null;

  async function measure(): Promise<StorageHealth> {
    const result = await host.storageStatus().catch(() => null);
    const space = result?.ok ? result.value : { freeBytes: null, totalBytes: null };
    last = { ...space, level: storageLevel(space.freeBytes, thresholds), checkedAt: now() };
    return last;
  }

  function refresh(): Promise<StorageHealth> {
    // Writes arriving together share one measurement.
    pending ??= measure().finally(() => {
      pending = null;
    });
    return pending;
  }

  return {
    refresh,
    status: () => last,
    async assertCanWrite() {
      const current = last !== null && now() - last.checkedAt < maxAgeMs ? last : await refresh();
      if (current.level === 'critical') throw new StorageFullError(current.freeBytes);
    },
    assertCanWriteNow() {
      if (last === null || now() - last.checkedAt >= maxAgeMs) void refresh();
      if (last?.level === 'critical') throw new StorageFullError(last.freeBytes);
    },
  };
}
