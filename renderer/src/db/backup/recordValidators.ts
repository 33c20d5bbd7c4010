import { z } from 'zod';
import { bundleHeaderSchema } from '../../../../shared/sync/bundleFormat';
import { isSyncedTable, validateSyncedRecord } from '../sync/syncTables';

/**
 * What every row of every table must be before a restore may replace the live database. The
 * records that sync (shelters, households, visits, …) are checked exactly as HQ checks them
 * (`validateSyncedRecord`: the shared zod record schemas, no unknown key); the device's own
 * tables (settings, the audit log, drafts, the sync bookkeeping) by the schemas below, written
 * from their row types. A table without a validator is refused, and a test checks that every
 * table of the current schema has one, so a new table cannot slip through unchecked.
 */
type Validator = (row: Record<string, unknown>) => string | null;

const issue = (error: unknown): string => {
  if (error instanceof z.ZodError) {
    const first = error.issues[0];
    return first ? `${first.path.join('.') || '(record)'}: ${first.message}` : 'invalid';
  }
  return error instanceof Error ? error.message : 'invalid';
};

const bySchema =
  (schema: z.ZodType): Validator =>
  (row) => {
    const verdict = schema.safeParse(row);
    return verdict.success ? null : issue(verdict.error);
  };

const isoTime = z.iso.datetime({ offset: true });
const bytes = z.instanceof(Uint8Array);

const auditEntrySchema = z.object({
  seq: z.int().min(1).optional(),
  prevHash: z.string().optional(),
  hash: z.string().optional(),
  id: z.string().min(1),
  at: isoTime,
  actor: z.string(),
  deviceId: z.string().min(1),
  entity: z.string().min(1),
  recordId: z.string().min(1),
  action: z.enum(['create', 'update', 'delete', 'restore']),
  fields: z.array(z.string()),
});

const LOCAL_TABLE_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  meta: z.object({ key: z.string().min(1), value: z.unknown() }),
  audit: auditEntrySchema,
  drafts: z.object({ key: z.string().min(1), form: z.string(), values: z.unknown(), updatedAt: isoTime }),
  // The file sync to HQ (schema v4, ../sync/syncRows.ts).
  devices: z.object({
    deviceId: z.string().min(1),
    name: z.string(),
    fingerprint: z.string().min(1),
    spki: bytes,
    status: z.enum(['active', 'revoked']),
    enrolledAt: isoTime,
    revokedAt: isoTime.nullable(),
  }),
  heldBundles: z.object({
    id: z.string().min(1),
    deviceId: z.string().min(1),
    bundleId: z.string().min(1),
    keyFingerprint: z.string().min(1),
    fileName: z.string(),
    header: bundleHeaderSchema,
    bytes,
    heldAt: isoTime,
  }),
  importedBundles: z.object({
    id: z.string().min(1),
    deviceId: z.string().min(1),
    bundleId: z.string().min(1),
    seqFrom: z.int(),
    seqTo: z.int(),
    fileName: z.string(),
    createdAt: isoTime,
    importedAt: isoTime,
  }),
  conflicts: z.object({
    id: z.string().min(1),
    table: z.string().min(1),
    recordId: z.string().min(1),
    field: z.string().min(1),
    stamp: z.string().min(1),
    value: z.unknown().optional(),
    base: z.array(z.string()),
  }),
  blobs: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), data: bytes }),
  sentBundles: z.object({
    bundleId: z.string().min(1),
    seqFrom: z.int(),
    seqTo: z.int(),
    full: z.boolean(),
    fileName: z.string(),
    createdAt: isoTime,
    counts: bundleHeaderSchema.shape.counts,
    acknowledgedAt: isoTime.nullable(),
  }),
  syncState: z.object({ key: z.string().min(1) }).loose(),
};

/** The validator for a table's rows, or null when the table is unknown to this app. */
export function recordValidatorFor(table: string): Validator | null {
  if (isSyncedTable(table)) {
    return (row) => {
      const verdict = validateSyncedRecord(table, row);
      return verdict.success ? null : issue(verdict.error);
    };
  }
  const schema = Object.hasOwn(LOCAL_TABLE_SCHEMAS, table) ? LOCAL_TABLE_SCHEMAS[table] : undefined;
  return schema ? bySchema(schema) : null;
}

export interface InvalidRecord {
  table: string;
  /** The row's primary key, when it has one. */
  key: string;
  problem: string;
}
