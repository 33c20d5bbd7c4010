import type { z } from 'zod';
import { attachmentRecordSchema } from '../../../../shared/attachments/attachmentSchema';
import { householdRecordSchema } from '../../../../shared/households/householdSchema';
import { personFieldsSchema, personRecordSchema } from '../../../../shared/households/personSchema';
import {
  followUpRecordSchema,
  organisationRecordSchema,
  referralRecordSchema,
} from '../../../../shared/referrals/referralSchema';
import { shelterRecordSchema } from '../../../../shared/shelters/shelterSchema';
import { SYNC_META_KEYS } from '../../../../shared/sync/fieldVersions';
import type { RecordValidator } from '../../../../shared/sync/payload';
import { householdVisitRecordSchema } from '../../../../shared/visits/householdVisitSchema';
import { shelterVisitRecordSchema } from '../../../../shared/visits/shelterVisitSchema';

/**
 * The tables that travel to HQ, and what HQ accepts in each: the shared record schemas, no key
 * they do not name, and stamps only on fields a device writes. Drafts, settings (`meta`) and the
 * audit log stay on the device (docs/sync-format.md §13).
 */
export const SYNCED_TABLES = [
  'shelters',
  'organisations',
  'households',
  'persons',
  'shelterVisits',
  'householdVisits',
  'referrals',
  'followUps',
  'attachments',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

export const isSyncedTable = (table: string): table is SyncedTable =>
  (SYNCED_TABLES as readonly string[]).includes(table);

/** The repositories' entity names in audit entries. */
export const TABLE_ENTITY: Readonly<Record<SyncedTable, string>> = {
  shelters: 'shelter',
  organisations: 'organisation',
  households: 'household',
  persons: 'person',
  shelterVisits: 'shelterVisit',
  householdVisits: 'householdVisit',
  referrals: 'referral',
  followUps: 'followUp',
  attachments: 'attachment',
};

export const ENTITY_TABLE: ReadonlyMap<string, SyncedTable> = new Map(
  SYNCED_TABLES.map((table) => [TABLE_ENTITY[table], table]),
);

/**
 * Fields each repository computes from the others (search tags, list keys, sparse index keys).
 * Never stamped, never trusted from a bundle: the importer drops them and computes them again
 * with its own keys (a device's name tags mean nothing under HQ's blind-index key).
 */
export const DERIVED_FIELDS: Readonly<Record<SyncedTable, readonly string[]>> = {
  shelters: ['nameKey', 'searchTokens'],
  organisations: [],
  households: ['headName', 'memberCount', 'searchTokens'],
  persons: ['searchTokens'],
  shelterVisits: [],
  householdVisits: [],
  referrals: ['openDue'],
  followUps: ['openDue'],
  attachments: [],
};

const SCHEMAS: Readonly<Record<SyncedTable, readonly z.ZodObject[]>> = {
  shelters: [shelterRecordSchema],
  organisations: [organisationRecordSchema],
  households: [householdRecordSchema],
  // The record schema names only the keys a person adds; the member's fields have their own.
  persons: [personRecordSchema, personFieldsSchema],
  shelterVisits: [shelterVisitRecordSchema],
  householdVisits: [householdVisitRecordSchema],
  referrals: [referralRecordSchema],
  followUps: [followUpRecordSchema],
  attachments: [attachmentRecordSchema],
};

interface TableSpec {
  schemas: readonly z.ZodObject[];
  /** Every key a record may carry. */
  keys: ReadonlySet<string>;
  /** The keys a device stamps when it writes them: the fields the merge works on. */
  fields: ReadonlySet<string>;
  derived: ReadonlySet<string>;
}

function specOf(table: SyncedTable): TableSpec {
  const schemas = SCHEMAS[table];
  const derived = new Set(DERIVED_FIELDS[table]);
  const keys = new Set([...schemas.flatMap((s) => Object.keys(s.shape)), ...derived]);
  const fields = new Set([...keys].filter((k) => !SYNC_META_KEYS.has(k) && !derived.has(k)));
  return { schemas, keys, fields, derived };
}

const SPECS: ReadonlyMap<SyncedTable, TableSpec> = new Map(SYNCED_TABLES.map((t) => [t, specOf(t)]));
const spec = (table: SyncedTable): TableSpec => SPECS.get(table) ?? specOf(table);

/** The fields of a table the merge works on (stamped by devices); `deletedAt` among them. */
export const syncedFields = (table: SyncedTable): ReadonlySet<string> => spec(table).fields;

/** A record without the fields HQ computes itself. */
export function withoutDerived<T extends Record<string, unknown>>(table: SyncedTable, record: T): T {
  const derived = spec(table).derived;
  return Object.fromEntries(Object.entries(record).filter(([k]) => !derived.has(k))) as T;
}

class SyncValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncValidationError';
  }
}

/**
 * The validator HQ gives the bundle reader (`decodePayload` runs it on every record and on
 * every conflict value placed in its record, with attachment bytes in place): a table that
 * syncs, no unknown key, stamps only on fields, and every shared schema of the table.
 */
export const validateSyncedRecord: RecordValidator = (table, record) => {
  if (!isSyncedTable(table))
    return { success: false, error: new SyncValidationError(`${table} is not a synced table`) };
  const { keys, fields, schemas } = spec(table);
  const unknown = Object.keys(record).filter((key) => !keys.has(key));
  if (unknown.length > 0) {
    return {
      success: false,
      error: new SyncValidationError(`unexpected fields: ${unknown.slice(0, 5).join(', ')}`),
    };
  }
  const fieldHlc = record.fieldHlc;
  if (typeof fieldHlc === 'object' && fieldHlc !== null) {
    const unstampable = Object.keys(fieldHlc).filter((field) => !fields.has(field));
    if (unstampable.length > 0) {
      return {
        success: false,
        error: new SyncValidationError(
          `stamps on fields that are not written: ${unstampable.slice(0, 5).join(', ')}`,
        ),
      };
    }
  }
  for (const schema of schemas) {
    const verdict = schema.safeParse(record);
    if (!verdict.success) return verdict;
  }
  return { success: true };
};

// `$blob` is looked at before the keys are listed: most objects here are search-tag arrays.
const isStoredBlobRef = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  !(value instanceof Uint8Array) &&
  typeof (value as { $blob?: unknown }).$blob === 'string' &&
  Object.keys(value).length === 1 &&
  /^[0-9a-f]{64}$/.test((value as { $blob: string }).$blob);

/**
 * The same checks for a record as stored: at HQ, merged attachments keep `{ $blob: sha256 }` in
 * their byte fields (the bytes are in `blobs`), which the schemas, wanting bytes, would refuse.
 * For checking stored rows (after a merge, before a restore); never for incoming bundles.
 */
export const validateStoredSyncedRecord: RecordValidator = (table, record) =>
  validateSyncedRecord(
    table,
    // Only attachments hold references: other records are checked as they are, without a copy.
    Object.values(record).some(isStoredBlobRef)
      ? Object.fromEntries(
          Object.entries(record).map(([k, v]) => [k, isStoredBlobRef(v) ? new Uint8Array(0) : v] as const),
        )
      : record,
  );
