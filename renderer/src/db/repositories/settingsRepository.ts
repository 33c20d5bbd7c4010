import type { AppDatabase } from '../AppDatabase';
import { META_KEYS, type WriteContext } from '../writeContext';

export interface LocalSettings {
  monitorName: string;
  organisation: string;
  deviceName: string;
  setupCompletedAt: string | null;
  deviceId: string;
  /** Idle minutes before the app locks itself. */
  autoLockMinutes: number;
}

export const AUTO_LOCK_CHOICES = [1, 5, 10, 15, 30, 60] as const;
export const DEFAULT_AUTO_LOCK_MINUTES = 10;

export interface SetupValues {
  monitorName: string;
  organisation: string;
  deviceName: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Settings of this vault, kept in its (encrypted) meta table. */
export function createSettingsRepository(db: AppDatabase, ctx: WriteContext) {
  return {
    async get(): Promise<LocalSettings> {
      const [name, setup, organisation, deviceName, autoLock] = await db.meta.bulkGet([
        META_KEYS.monitorName,
        META_KEYS.setupCompletedAt,
        META_KEYS.organisation,
        META_KEYS.deviceName,
        META_KEYS.autoLockMinutes,
      ]);
      const minutes = autoLock?.value;
      return {
        monitorName: text(name?.value),
        organisation: text(organisation?.value),
        deviceName: text(deviceName?.value),
        setupCompletedAt: typeof setup?.value === 'string' ? setup.value : null,
        deviceId: ctx.deviceId,
        autoLockMinutes: AUTO_LOCK_CHOICES.some((c) => c === minutes)
          ? (minutes as number)
          : DEFAULT_AUTO_LOCK_MINUTES,
      };
    },

    async setMonitorName(name: string): Promise<void> {
      const trimmed = name.trim().slice(0, 120);
      await db.meta.put({ key: META_KEYS.monitorName, value: trimmed });
      ctx.monitorName = trimmed;
    },

    async setAutoLockMinutes(minutes: number): Promise<void> {
      if (!AUTO_LOCK_CHOICES.some((c) => c === minutes)) throw new RangeError('Not an auto-lock choice');
      await db.meta.put({ key: META_KEYS.autoLockMinutes, value: minutes });
    },

    async completeSetup(values: SetupValues): Promise<void> {
      await db.transaction('rw', db.meta, async () => {
        await this.setMonitorName(values.monitorName);
        await db.meta.bulkPut([
          { key: META_KEYS.organisation, value: values.organisation.trim().slice(0, 120) },
          { key: META_KEYS.deviceName, value: values.deviceName.trim().slice(0, 80) },
          { key: META_KEYS.setupCompletedAt, value: ctx.now().toISOString() },
        ]);
      });
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
