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
import { DATABASE_NAME, schemaVersions } from './schemaVersions';

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
 * The one Dexie database. Only repositories (./repositories) read or write its tables, so
 * field encryption can later be added in one place.
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

  constructor(name: string = DATABASE_NAME) {
    super(name);
    for (const { version, stores, upgrade } of schemaVersions) {
      const v = this.version(version).stores(stores);
      if (upgrade) v.upgrade(upgrade);
    }
  }
}
