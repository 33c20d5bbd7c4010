import { AppDatabase } from './AppDatabase';
import { readSnapshot } from './backup/snapshot';
import { databaseDigest } from './sync/databaseDigest';
import { createAttachmentRepository } from './repositories/attachmentRepository';
import { createAuditRepository } from './repositories/auditRepository';
import { createDashboardRepository } from './repositories/dashboardRepository';
import { createDraftRepository } from './repositories/draftRepository';
import { createErasureRepository } from './repositories/erasureRepository';
import { createExportDataRepository } from './repositories/exportDataRepository';
import { createFollowUpRepository } from './repositories/followUpRepository';
import { createHouseholdRepository } from './repositories/householdRepository';
import { createHouseholdVisitRepository } from './repositories/householdVisitRepository';
import { createOrganisationRepository } from './repositories/organisationRepository';
import { createReferralRepository } from './repositories/referralRepository';
import { createReportDataRepository } from './repositories/reportDataRepository';
import { createRetentionRepository } from './repositories/retentionRepository';
import { createSettingsRepository } from './repositories/settingsRepository';
import { createShelterRepository } from './repositories/shelterRepository';
import { createShelterVisitRepository } from './repositories/shelterVisitRepository';
import { createSyncRepository } from './repositories/syncRepository';
import type { StoreKeys } from './encryption/storeKeys';
import type { StorageGuard } from './storageGuard';
import { loadWriteContext } from './writeContext';

export interface OpenDataStoreOptions {
  /** The vault's database (`vaultDatabaseName`). */
  name: string;
  /** The unlocked vault's keys; records are sealed with them on every write. */
  keys: StoreKeys;
  now?: () => Date;
  /** Stops writes when the disk is nearly full. */
  storageGuard?: StorageGuard;
}

/** Everything the UI may use to read and write data: repositories, never tables. */
export async function openDataStore({ name, keys, now, storageGuard }: OpenDataStoreOptions) {
  const db = new AppDatabase(name, keys);
  await db.open();
  const ctx = await loadWriteContext(db, now);
  ctx.storageGuard = storageGuard;
  const organisations = createOrganisationRepository(db, ctx);
  await organisations.seedPartners();
  return {
    shelters: createShelterRepository(db, ctx),
    households: createHouseholdRepository(db, ctx),
    shelterVisits: createShelterVisitRepository(db, ctx),
    householdVisits: createHouseholdVisitRepository(db, ctx),
    referrals: createReferralRepository(db, ctx),
    followUps: createFollowUpRepository(db, ctx),
    organisations,
    attachments: createAttachmentRepository(db, ctx),
    dashboard: createDashboardRepository(db, ctx),
    reports: createReportDataRepository(db, ctx),
    exports: createExportDataRepository(db),
    drafts: createDraftRepository(db, ctx),
    audit: createAuditRepository(db),
    settings: createSettingsRepository(db, ctx),
    retention: createRetentionRepository(db, ctx),
    erasure: createErasureRepository(db, ctx),
    sync: createSyncRepository(db, ctx),
    /** Every table, decrypted, in one read transaction: the payload of a backup (./backup). */
    backup: { snapshot: () => readSnapshot(db), digest: () => databaseDigest(db) },
    /**
     * Runs several saves in one transaction: they commit together or not at all, and they pay
     * for one commit instead of one each (the bulk paths: loading a large data set).
     */
    inOneTransaction: <T>(work: () => Promise<T>) =>
      db.transaction('rw', db.tables, work),
    close: () => db.close(),
  };
}

export type DataStore = Awaited<ReturnType<typeof openDataStore>>;
