import { z } from 'zod';

/**
 * Metadata every stored record carries from day one, for the file sync to HQ: who changed
 * what and when, in an order every device agrees on.
 */
export const recordMetaSchema = z.object({
  id: z.string().uuid(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
  /** Hybrid-logical-clock stamp of the latest change to any field. */
  hlc: z.string().min(1),
  /** Per-field stamps: the merge at HQ lets the newer stamp win field by field. */
  fieldHlc: z.record(z.string(), z.string()),
  /**
   * Per field, the latest stamps of other devices' writes this value was written over: with
   * fieldHlc, a version vector (shared/sync/fieldVersions.ts). Absent while there are none.
   */
  fieldBase: z.record(z.string(), z.array(z.string())).optional(),
  /** Device that made the latest change. */
  deviceId: z.string().min(1),
  /** Soft deletion: a tombstone that syncs; null while the record is live. */
  deletedAt: z.string().datetime().nullable(),
});
export type RecordMeta = z.infer<typeof recordMetaSchema>;
export const recordMetaKeys = Object.keys(recordMetaSchema.shape) as (keyof RecordMeta)[];

/** `erase`: personal data removed for good (retention or a person's request); not undoable. */
export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'erase';

export interface AuditEntry {
  /** Local order; set by the record store as the previous entry's seq + 1 (the hash covers it). */
  seq?: number;
  /**
   * The tamper-evident chain (shared/records/auditHash.ts): the previous entry's hash and this
   * entry's own. Absent on entries written before the chain existed.
   */
  prevHash?: string;
  hash?: string;
  id: string;
  at: string;
  actor: string;
  deviceId: string;
  entity: string;
  recordId: string;
  action: AuditAction;
  fields: string[];
}
