import Dexie, { type Table } from 'dexie';
import type { AuditEntry } from '../../../shared/records/recordMeta';
import type { ShelterRecord } from '../../../shared/shelters/shelterSchema';
import { DATABASE_NAME, schemaVersions } from './schemaVersions';

export interface MetaEntry {
  key: string;
  value: unknown;
}

export type StoredShelter = ShelterRecord & { nameKey: string };

/**
 * The one Dexie database. Only repositories (./repositories) read or write its tables, so
 * field encryption can later be added in one place.
 */
export class AppDatabase extends Dexie {
  meta!: Table<MetaEntry, string>;
  shelters!: Table<StoredShelter, string>;
  audit!: Table<AuditEntry, number>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    for (const { version, stores, upgrade } of schemaVersions) {
      const v = this.version(version).stores(stores);
      if (upgrade) v.upgrade(upgrade);
    }
  }
}
