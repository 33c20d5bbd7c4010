import { AppDatabase } from './AppDatabase';
import { createAuditRepository } from './repositories/auditRepository';
import { createSettingsRepository } from './repositories/settingsRepository';
import { createShelterRepository } from './repositories/shelterRepository';
import { loadWriteContext } from './writeContext';

/** Everything the UI may use to read and write data: repositories, never tables. */
export async function openDataStore(name?: string, now?: () => Date) {
  const db = new AppDatabase(name);
  await db.open();
  const ctx = await loadWriteContext(db, now);
  return {
    shelters: createShelterRepository(db, ctx),
    audit: createAuditRepository(db),
    settings: createSettingsRepository(db, ctx),
    close: () => db.close(),
  };
}

export type DataStore = Awaited<ReturnType<typeof openDataStore>>;
