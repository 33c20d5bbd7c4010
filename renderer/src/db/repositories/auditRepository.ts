import { verifyAuditEntries, type AuditChainResult } from '../../../../shared/records/auditHash';
import type { AuditEntry } from '../../../../shared/records/recordMeta';
import type { AppDatabase } from '../AppDatabase';

export function createAuditRepository(db: AppDatabase) {
  return {
    /** A record's history, newest first. */
    async forRecord(recordId: string): Promise<AuditEntry[]> {
      const entries = await db.audit.where('recordId').equals(recordId).sortBy('seq');
      return entries.reverse();
    },
    /** Checks the whole hash chain in seq order; names the first entry that was changed, removed or moved. */
    async verifyChain(): Promise<AuditChainResult> {
      return verifyAuditEntries(await db.audit.orderBy(':id').toArray());
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
