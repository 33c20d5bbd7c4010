import Dexie, { type Table } from 'dexie';
import type { AttachmentRecord } from '../../../shared/attachments/attachmentSchema';
import type { HouseholdRecord } from '../../../shared/households/householdSchema';
import type { PersonRecord } from '../../../shared/households/personSchema';
import type { AuditEntry } from '../../../shared/records/recordMeta';
import type {
  FollowUpRecord,
  OrganisationRecord,
  ReferralRecord,
} from '../../../shared/referrals/referralSchema';
import type { ShelterRecord } from '../../../shared/shelters/shelterSchema';
import type { HouseholdVisitRecord } from '../../../shared/visits/householdVisitSchema';
import type { ShelterVisitRecord } from '../../../shared/visits/shelterVisitSchema';
import { COUNTED_TABLES } from './counting/counts';
import { countsMiddleware } from './counting/countsMiddleware';
import { sealingMiddleware } from './encryption/sealingMiddleware';
import type {
  BlobRow,
  ConflictRow,
  DeviceRow,
  HeldBundleRow,
  ImportedBundleRow,
  SentBundleRow,
  SyncStateRow,
} from './sync/syncRows';
import { createNameIndex, type NameIndex, type StoreKeys } from './encryption/storeKeys';
import { schemaVersions } from './schemaVersions';

export interface MetaEntry {
  key: string;
  value: unknown;
}

export type StoredShelter = ShelterRecord & { nameKey: string };
/** Derived, indexed: the due date while still open, absent once closed (a sparse index). */
type OpenDue = { openDue?: string };
export type StoredReferral = ReferralRecord & OpenDue;
export type StoredFollowUp = FollowUpRecord & OpenDue;

export interface Draft {
  /** `<form>:<record id or "new">[:<parent id>]` */
  key: string;
  form: string;
  values: unknown;
  updatedAt: string;
}

/**
 * The one Dexie database, one per vault. Only repositories (./repositories) read or write its
 * tables. Every record is sealed on its way to IndexedDB and opened on its way back by the
 * sealing middleware (./encryption), so nothing above this class sees ciphertext and nothing
 * below it sees a name.
 */
export class AppDatabase extends Dexie {
  meta!: Table<MetaEntry, string>;
  shelters!: Table<StoredShelter, string>;
  audit!: Table<AuditEntry, number>;
  households!: Table<HouseholdRecord, string>;
  persons!: Table<PersonRecord, string>;
  shelterVisits!: Table<ShelterVisitRecord, string>;
  householdVisits!: Table<HouseholdVisitRecord, string>;
  referrals!: Table<StoredReferral, string>;
  followUps!: Table<StoredFollowUp, string>;
  organisations!: Table<OrganisationRecord, string>;
  attachments!: Table<AttachmentRecord, string>;
  drafts!: Table<Draft, string>;
  // The file sync to HQ (schema v4, ./sync)
  devices!: Table<DeviceRow, string>;
  heldBundles!: Table<HeldBundleRow, string>;
  importedBundles!: Table<ImportedBundleRow, string>;
  conflicts!: Table<ConflictRow, string>;
  blobs!: Table<BlobRow, string>;
  sentBundles!: Table<SentBundleRow, string>;
  syncState!: Table<SyncStateRow, string>;

  /** Blind index for name search: tags instead of names in the `searchTokens` indexes. */
  readonly nameIndex: NameIndex;

  constructor(name: string, keys: StoreKeys) {
    super(name);
    this.nameIndex = createNameIndex(keys);
    this.use(sealingMiddleware(keys.fieldKey));
    this.use(countsMiddleware(COUNTED_TABLES));
    for (const { version, stores, upgrade } of schemaVersions) {
      const v = this.version(version).stores(stores);
      if (upgrade) v.upgrade(upgrade);
    }
  }
}
