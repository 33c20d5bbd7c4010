import { AppDatabase } from './AppDatabase';
import { createAttachmentRepository } from './repositories/attachmentRepository';
import { createAuditRepository } from './repositories/auditRepository';
import { createDashboardRepository } from './repositories/dashboardRepository';
import { createDraftRepository } from './repositories/draftRepository';
import { createFollowUpRepository } from './repositories/followUpRepository';
import { createHouseholdRepository } from './repositories/householdRepository';
import { createHouseholdVisitRepository } from './repositories/householdVisitRepository';
import { createOrganisationRepository } from './repositories/organisationRepository';
import { createReferralRepository } from './repositories/referralRepository';
import { createReportDataRepository } from './repositories/reportDataRepository';
import { createSettingsRepository } from './repositories/settingsRepository';
import { createShelterRepository } from './repositories/shelterRepository';
import { createShelterVisitRepository } from './repositories/shelterVisitRepository';
import type { StorageGuard } from './storageGuard';
import { loadWriteContext } from './writeContext';

/** Everything the UI may use to read and write data: repositories, never tables. */
export async function openDataStore(name?: string, now?: () => Date, storageGuard?: StorageGuard) {
  const db = new AppDatabase(name);
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
    drafts: createDraftRepository(db, ctx),
    audit: createAuditRepository(db),
    settings: createSettingsRepository(db, ctx),
    close: () => db.close(),
  };
}

export type DataStore = Awaited<ReturnType<typeof openDataStore>>;
