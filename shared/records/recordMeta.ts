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

export type AuditAction = 'create' | 'update' | 'delete' | 'restore';

export interface AuditEntry {
  /** Autoincremented locally; gives the tamper-evident chain its order later. */
  seq?: number;
  id: string;
  at: string;
  actor: string;
  deviceId: string;
  entity: string;
  recordId: string;
  action: AuditAction;
  fields: string[];
}
