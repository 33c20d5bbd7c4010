import type { AppDatabase } from '../AppDatabase';
import { META_KEYS, type WriteContext } from '../writeContext';

export interface LocalSettings {
  monitorName: string;
  setupCompletedAt: string | null;
  deviceId: string;
}

/** Settings of this installation, kept in the meta table. */
export function createSettingsRepository(db: AppDatabase, ctx: WriteContext) {
  return {
    async get(): Promise<LocalSettings> {
      const [name, setup] = await db.meta.bulkGet([META_KEYS.monitorName, META_KEYS.setupCompletedAt]);
      return {
        monitorName: typeof name?.value === 'string' ? name.value : '',
        setupCompletedAt: typeof setup?.value === 'string' ? setup.value : null,
        deviceId: ctx.deviceId,
      };
    },

    async setMonitorName(name: string): Promise<void> {
      const trimmed = name.trim().slice(0, 120);
      await db.meta.put({ key: META_KEYS.monitorName, value: trimmed });
      ctx.monitorName = trimmed;
    },

    async completeSetup(monitorName: string): Promise<void> {
      await db.transaction('rw', db.meta, async () => {
        await this.setMonitorName(monitorName);
        await db.meta.put({ key: META_KEYS.setupCompletedAt, value: ctx.now().toISOString() });
      });
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
