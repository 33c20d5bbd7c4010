import { sealAuditEntry } from '../../../../shared/records/auditHash';
import { stampChanges, type FieldConflict, type StoredRecord } from '../../../../shared/sync/fieldVersions';
import { isDisagreement } from '../../../../shared/sync/merge';
import type { AppDatabase } from '../AppDatabase';
import { RecordNotFoundError } from '../recordStore';
import { META_KEYS, type WriteContext } from '../writeContext';
import { deriveForHousehold, deriveForTable, refreshHouseholdDerived } from './syncDerive';
import type { ConflictRow } from './syncRows';
import { isSyncedTable, TABLE_ENTITY, type SyncedTable } from './syncTables';
import { liveMembersOf } from '../repositories/householdRepository';

/**
 * The conflicts list HQ reviews: versions of a field written concurrently with the value the
 * merge kept (docs/sync-format.md §7). A conflict goes away when a write that has seen it
 * supersedes it: here, HQ choosing one of the versions.
 */

export const conflictRowId = (table: string, recordId: string, field: string, stamp: string) =>
  [table, recordId, field, stamp].join('\u0000');

export function toConflictRow(table: string, recordId: string, conflict: FieldConflict): ConflictRow {
  const row: ConflictRow = {
    id: conflictRowId(table, recordId, conflict.field, conflict.stamp),
    table,
    recordId,
    field: conflict.field,
    stamp: conflict.stamp,
    value: conflict.value,
    base: [...conflict.base],
  };
  return row;
}

export interface ConflictView extends ConflictRow {
  /** The value the merge kept, and its stamp. */
  currentValue: unknown;
  currentStamp: string | undefined;
  /** False for versions kept only for the merge's sake (same value, two deletions): hide them. */
  disagreement: boolean;
}

/** Kept conflicts with the value they lost to, by table, record and field. */
export async function listConflicts(
  db: AppDatabase,
  filter: { table?: SyncedTable; recordId?: string } = {},
): Promise<ConflictView[]> {
  const rows =
    filter.table && filter.recordId
      ? await db.conflicts.where('[table+recordId]').equals([filter.table, filter.recordId]).toArray()
      : (await db.conflicts.toArray()).filter((r) => !filter.table || r.table === filter.table);
  const views: ConflictView[] = [];
  for (const row of rows) {
    if (!isSyncedTable(row.table)) continue;
    const record = (await db.table(row.table).get(row.recordId)) as StoredRecord | undefined;
    const currentValue = record?.[row.field];
    views.push({
      ...row,
      currentValue,
      currentStamp: record?.fieldHlc[row.field],
      disagreement: isDisagreement(row, currentValue),
    });
  }
  return views.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface ConflictChoice {
  table: SyncedTable;
  recordId: string;
  field: string;
  /** The stamp of the version to keep: the current value's, or one of its conflicts'. */
  keepStamp: string;
}

/**
 * HQ settles a field: the chosen version becomes the value under a new HQ stamp whose base
 * covers every version held, so the others go away here and on every replica that receives it.
 */
export async function resolveConflict(
  db: AppDatabase,
  ctx: WriteContext,
  choice: ConflictChoice,
): Promise<StoredRecord> {
  ctx.storageGuard?.assertCanWriteNow();
  const { table, recordId, field, keepStamp } = choice;
  const store = db.table(table);
  return db.transaction(
    'rw',
    [store, db.households, db.persons, db.conflicts, db.audit, db.meta],
    async () => {
      const record = (await store.get(recordId)) as StoredRecord | undefined;
      if (!record) throw new RecordNotFoundError(TABLE_ENTITY[table], recordId);
      const rows = await db.conflicts.where('[table+recordId]').equals([table, recordId]).toArray();
      const ofField = rows.filter((r) => r.field === field);
      const current =
        record.fieldHlc[field] === keepStamp
          ? { value: record[field] }
          : ofField.find((r) => r.stamp === keepStamp);
      if (!current) throw new RecordNotFoundError(`version ${keepStamp} of ${table}.${field}`, recordId);
      const stamp = ctx.clock.now();
      const at = ctx.now().toISOString();
      const stamped = stampChanges(record, [field], stamp, rows);
      const { [field]: _old, ...rest } = record;
      let next: StoredRecord = {
        ...rest,
        ...(current.value === undefined ? {} : { [field]: current.value }),
        id: record.id,
        createdAt: record.createdAt,
        updatedAt: at,
        hlc: stamp,
        fieldHlc: stamped.fieldHlc,
        fieldBase: stamped.fieldBase,
        deviceId: ctx.deviceId,
        deletedAt:
          field === 'deletedAt' ? ((current.value as string | null | undefined) ?? null) : record.deletedAt,
      };
      if (table === 'households') {
        const members = liveMembersOf(await db.persons.where('householdId').equals(recordId).toArray());
        next = { ...next, ...deriveForHousehold(next, members) };
      } else {
        next = { ...next, ...deriveForTable(db.nameIndex, table, next) };
      }
      await store.put(next);
      await db.conflicts.bulkDelete(ofField.map((r) => r.id));
      if (table === 'persons' && typeof next.householdId === 'string')
        await refreshHouseholdDerived(db, next.householdId);
      const previous = await db.audit.orderBy(':id').last();
      await db.audit.add(
        sealAuditEntry(
          {
            id: crypto.randomUUID(),
            at,
            actor: ctx.actor(),
            deviceId: ctx.deviceId,
            entity: TABLE_ENTITY[table],
            recordId,
            action: 'update' as const,
            fields: [field],
          },
          previous,
        ),
      );
      await db.meta.put({ key: META_KEYS.lastHlc, value: stamp });
      return next;
    },
  );
}
