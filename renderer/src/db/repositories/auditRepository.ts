import type { AuditEntry } from '../../../../shared/records/recordMeta';
import type { AppDatabase } from '../AppDatabase';

export function createAuditRepository(db: AppDatabase) {
  return {
    /** A record's history, newest first. */
    async forRecord(recordId: string): Promise<AuditEntry[]> {
      const entries = await db.audit.where('recordId').equals(recordId).sortBy('seq');
      return entries.reverse();
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
