import { HybridLogicalClock } from '../../../shared/sync/hlc';
import type { AppDatabase } from './AppDatabase';
import type { StorageGuard } from './storageGuard';

/** Who is writing, and the clock that orders their changes. Built once when the store opens. */
export class WriteContext {
  constructor(
    readonly deviceId: string,
    readonly clock: HybridLogicalClock,
    readonly now: () => Date,
    /** The monitor's name from Settings; empty before setup. */
    public monitorName = '',
  ) {}

  /** Stops writes when the disk is nearly full (set by openDataStore when a host is known). */
  storageGuard: StorageGuard | undefined = undefined;

  /** The person recorded in audit entries. */
  actor(): string {
    return this.monitorName || this.deviceId;
  }
}

export const META_KEYS = {
  deviceId: 'deviceId',
  lastHlc: 'lastHlc',
  monitorName: 'monitorName',
  setupCompletedAt: 'setupCompletedAt',
  organisation: 'organisation',
  deviceName: 'deviceName',
  autoLockMinutes: 'autoLockMinutes',
  retentionYears: 'retentionYears',
} as const;

/**
 * Loads this installation's device id (creating it on first run) and restores the clock past
 * the last stamp it issued, so stamps never go backwards across restarts.
 */
export async function loadWriteContext(db: AppDatabase, now: () => Date = () => new Date()): Promise<WriteContext> {
  const stored = await db.transaction('rw', db.meta, async () => {
    let deviceId = (await db.meta.get(META_KEYS.deviceId))?.value;
    if (typeof deviceId !== 'string') {
      deviceId = crypto.randomUUID();
      await db.meta.put({ key: META_KEYS.deviceId, value: deviceId });
    }
    return {
      deviceId: deviceId as string,
      lastHlc: (await db.meta.get(META_KEYS.lastHlc))?.value,
      monitorName: (await db.meta.get(META_KEYS.monitorName))?.value,
    };
  });
  const clock = new HybridLogicalClock(stored.deviceId, () => now().getTime());
  if (typeof stored.lastHlc === 'string') clock.receive(stored.lastHlc);
  return new WriteContext(
    stored.deviceId,
    clock,
    now,
    typeof stored.monitorName === 'string' ? stored.monitorName : '',
  );
}
