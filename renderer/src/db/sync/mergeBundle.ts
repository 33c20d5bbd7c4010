import type { PersonRecord } from '../../../../shared/households/personSchema';
import { sealAuditEntry } from '../../../../shared/records/auditHash';
import type { AuditAction, AuditEntry } from '../../../../shared/records/recordMeta';
import type { BundleHeader } from '../../../../shared/sync/bundleFormat';
import type { FieldConflict, StoredRecord } from '../../../../shared/sync/fieldVersions';
import { maxStampOf, mergeRecord, type BundleContent } from '../../../../shared/sync/merge';
import type { AppDatabase } from '../AppDatabase';
import { META_KEYS } from '../writeContext';
import { conflictRowId, toConflictRow } from './conflicts';
import type { ImportContext, ImportReport, TableCounts } from './importBundle';
import {
  deriveForHousehold,
  deriveForTable,
  liveMembersAfterMerge,
  membersOutsideBundle,
  withRefreshedDerived,
} from './syncDerive';
import type { ConflictRow, ImportedBundleRow } from './syncRows';
import {
  SYNCED_TABLES,
  TABLE_ENTITY,
  validateStoredSyncedRecord,
  withoutDerived,
  type SyncedTable,
} from './syncTables';

/**
 * The merge half of HQ's import (importBundle.ts does the checks first): one verified,
 * decrypted, validated bundle merged field by field into the database in one read-write
 * transaction, with its conflicts, attachments, derived fields and audit entries.
 */
export const importedBundleId = (deviceId: string, bundleId: string) => `${deviceId}:${bundleId}`;

/** Persons before households: a household's derived fields are computed from its merged members. */
const MERGE_ORDER: readonly SyncedTable[] = [
  ...SYNCED_TABLES.filter((t) => t !== 'households'),
  'households',
];

export interface AuditDraft {
  entity: string;
  recordId: string;
  action: AuditAction;
  fields: string[];
}

/** The audit entry of a merged record (also used by the reference-data import, referenceData.ts). */
export function auditDraft(
  table: SyncedTable,
  local: StoredRecord | undefined,
  next: StoredRecord,
  conflicts: readonly FieldConflict[],
): AuditDraft {
  const entity = TABLE_ENTITY[table];
  if (local === undefined)
    return { entity, recordId: next.id, action: 'create', fields: Object.keys(next.fieldHlc).sort() };
  const fields = new Set<string>();
  for (const field of new Set([...Object.keys(local.fieldHlc), ...Object.keys(next.fieldHlc)])) {
    if (local.fieldHlc[field] !== next.fieldHlc[field]) fields.add(field);
  }
  for (const c of conflicts) fields.add(c.field);
  const wasDeleted = local.deletedAt !== null;
  const isDeleted = next.deletedAt !== null;
  const action: AuditAction = wasDeleted === isDeleted ? 'update' : isDeleted ? 'delete' : 'restore';
  return { entity, recordId: next.id, action, fields: [...fields].sort() };
}

/** A validation error as one line (also used by the reference-data import, referenceData.ts). */
export function describeIssues(error: unknown): string {
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues)) {
    return error.issues
      .map((i: { path?: unknown[]; message?: string }) => `${(i.path ?? []).join('.')}: ${i.message ?? ''}`)
      .join('; ');
  }
  return error instanceof Error ? error.message : 'invalid';
}

const clockPart = (stamp: string) => stamp.slice(0, 22);

/** What the merge reads before it writes: asked all at once, so they share one round trip. */
interface StateBefore {
  alreadyImported: boolean;
  presentBlobs: ReadonlySet<string>;
  /** Per table, the stored record of each incoming one (same order). */
  locals: ReadonlyMap<SyncedTable, readonly (StoredRecord | undefined)[]>;
  /** Per table, the conflicts kept beside each incoming record, by record id. */
  kept: ReadonlyMap<SyncedTable, ReadonlyMap<string, ConflictRow[]>>;
  lastAudit: AuditEntry | undefined;
  lastHlc: unknown;
  /** Stored members of the bundle's households that the bundle does not carry. */
  membersOutside: PersonRecord[];
}

async function keptConflicts(db: AppDatabase, table: SyncedTable, ids: readonly string[]) {
  const rows = await db.conflicts
    .where('[table+recordId]')
    .anyOf(ids.map((id) => [table, id]))
    .toArray();
  const kept = new Map<string, ConflictRow[]>();
  for (const row of rows) kept.set(row.recordId, [...(kept.get(row.recordId) ?? []), row]);
  return kept;
}

const idsOf = (byTable: ReadonlyMap<SyncedTable, readonly StoredRecord[]>, table: SyncedTable) =>
  (byTable.get(table) ?? []).map((r) => r.id);

async function readStateBefore(
  db: AppDatabase,
  importedId: string,
  byTable: ReadonlyMap<SyncedTable, StoredRecord[]>,
  hashes: readonly string[],
): Promise<StateBefore> {
  const tables = [...byTable.keys()];
  const [imported, present, locals, kept, lastAudit, lastHlc, membersOutside] = await Promise.all([
    db.importedBundles.get(importedId),
    hashes.length > 0
      ? db.blobs
          .where(':id')
          .anyOf([...hashes])
          .primaryKeys()
      : [],
    Promise.all(
      tables.map((t) => db.table(t).bulkGet(idsOf(byTable, t)) as Promise<(StoredRecord | undefined)[]>),
    ),
    Promise.all(tables.map((t) => keptConflicts(db, t, idsOf(byTable, t)))),
    db.audit.orderBy(':id').last(),
    db.meta.get(META_KEYS.lastHlc),
    membersOutsideBundle(db, idsOf(byTable, 'households'), new Set(idsOf(byTable, 'persons'))),
  ]);
  return {
    alreadyImported: imported !== undefined,
    presentBlobs: new Set(present),
    locals: new Map(tables.map((t, i) => [t, locals[i]!])),
    kept: new Map(tables.map((t, i) => [t, kept[i]!])),
    lastAudit,
    lastHlc: lastHlc?.value,
    membersOutside,
  };
}

/** One table's merge, in memory: what to write, and each incoming record's stored and final versions. */
interface TableMerge {
  table: SyncedTable;
  counts: TableCounts;
  puts: StoredRecord[];
  dropConflicts: string[];
  addConflicts: ConflictRow[];
  /** Per incoming record (same order): as stored before, and as it ends (merged, or as stored when unchanged). */
  outcomes: { local: StoredRecord | undefined; final: StoredRecord }[];
}

/** What every table's merge adds to: the report, and the audit entries to seal. */
interface MergeLog {
  report: ImportReport;
  audits: AuditDraft[];
}

function mergeTable(
  table: SyncedTable,
  incoming: readonly StoredRecord[],
  state: StateBefore,
  incomingConflicts: ReadonlyMap<string, FieldConflict[]>,
  derive: (record: StoredRecord) => Partial<StoredRecord>,
  log: MergeLog,
): TableMerge {
  const locals = state.locals.get(table) ?? [];
  const kept = state.kept.get(table) ?? new Map<string, ConflictRow[]>();
  const merge: TableMerge = {
    table,
    counts: { inserted: 0, updated: 0, unchanged: 0 },
    puts: [],
    dropConflicts: [],
    addConflicts: [],
    outcomes: [],
  };
  incoming.forEach((record, i) => {
    const local = locals[i];
    const localConflicts = kept.get(record.id) ?? [];
    const result = mergeRecord(
      local,
      withoutDerived(table, record),
      { local: localConflicts, incoming: incomingConflicts.get(`${table}\u0000${record.id}`) ?? [] },
      { derive },
    );
    if (!result.changed) {
      merge.counts.unchanged++;
      merge.outcomes.push({ local, final: local! });
      return;
    }
    merge.outcomes.push({ local, final: result.next });
    if (local === undefined) merge.counts.inserted++;
    else merge.counts.updated++;
    merge.puts.push(result.next);
    const before = new Set(localConflicts.map((c) => conflictRowId(table, record.id, c.field, c.stamp)));
    for (const c of localConflicts)
      merge.dropConflicts.push(conflictRowId(table, record.id, c.field, c.stamp));
    for (const c of result.conflicts) {
      const row = toConflictRow(table, record.id, c);
      merge.addConflicts.push(row);
      if (!before.has(row.id)) log.report.newConflicts.push({ ...c, table, id: record.id });
    }
    const draft = auditDraft(
      table,
      local,
      result.next,
      result.conflicts.filter((c) => !before.has(conflictRowId(table, record.id, c.field, c.stamp))),
    );
    // Only derived fields changed (a member merged in the same bundle): not a change of the record.
    if (draft.fields.length > 0 || draft.action !== 'update') log.audits.push(draft);
    const verdict = validateStoredSyncedRecord(table, result.next);
    if (!verdict.success)
      log.report.invalidAfterMerge.push({ table, id: record.id, message: describeIssues(verdict.error) });
  });
  log.report.byTable[table] = merge.counts;
  log.report.inserted += merge.counts.inserted;
  log.report.updated += merge.counts.updated;
  log.report.unchanged += merge.counts.unchanged;
  return merge;
}

/**
 * Writes issued and not yet awaited. Each counts as handled from the start, so a failure that
 * arrives while the merge awaits a read is not reported as unhandled; `settled` still rejects
 * with it (and a failed request aborts the transaction anyway).
 */
class PendingWrites {
  private readonly pending: Promise<unknown>[] = [];

  add(write: Promise<unknown>): void {
    write.catch(() => undefined);
    this.pending.push(write);
  }

  settled(): Promise<unknown[]> {
    return Promise.all(this.pending);
  }
}

/**
 * Issues a table's writes without waiting for them: IndexedDB runs a transaction's requests in
 * the order they were made (so a conflict row dropped and kept again is deleted before it is
 * added), and meanwhile the next table is merged. The caller awaits them all before returning.
 */
function issueWrites(db: AppDatabase, merge: TableMerge, writes: PendingWrites): void {
  if (merge.puts.length > 0) writes.add(db.table(merge.table).bulkPut(merge.puts));
  if (merge.dropConflicts.length > 0) writes.add(db.conflicts.bulkDelete(merge.dropConflicts));
  if (merge.addConflicts.length > 0) writes.add(db.conflicts.bulkAdd(merge.addConflicts));
}

/** Households a changed person belongs or belonged to that the bundle does not carry: their derived fields follow their members. */
interface HouseholdsToRefresh {
  ids: string[];
  households: (StoredRecord | undefined)[];
  membersOutside: PersonRecord[];
}

async function readHouseholdsToRefresh(
  db: AppDatabase,
  personsMerge: TableMerge,
  inBundle: ReadonlySet<string>,
): Promise<HouseholdsToRefresh> {
  const ids = new Set<string>();
  for (const { local, final } of personsMerge.outcomes) {
    if (final === local) continue;
    for (const id of [local?.householdId, final.householdId])
      if (typeof id === 'string' && !inBundle.has(id)) ids.add(id);
  }
  if (ids.size === 0) return { ids: [], households: [], membersOutside: [] };
  const carried = new Set(personsMerge.outcomes.map(({ final }) => final.id));
  const [households, membersOutside] = await Promise.all([
    db.households.bulkGet([...ids]) as Promise<(StoredRecord | undefined)[]>,
    membersOutsideBundle(db, [...ids], carried),
  ]);
  return { ids: [...ids], households, membersOutside };
}

function sealAudits(
  drafts: readonly AuditDraft[],
  previous: AuditEntry | undefined,
  base: Omit<AuditEntry, keyof AuditDraft | 'id' | 'seq' | 'prevHash' | 'hash'>,
): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const draft of drafts) {
    const entry: AuditEntry = sealAuditEntry({ id: crypto.randomUUID(), ...base, ...draft }, previous);
    entries.push(entry);
    previous = entry;
  }
  return entries;
}

function groupConflicts(content: BundleContent): Map<string, FieldConflict[]> {
  const grouped = new Map<string, FieldConflict[]>();
  for (const c of content.conflicts) {
    const key = `${c.table}\u0000${c.id}`;
    const list = grouped.get(key) ?? [];
    list.push({ field: c.field, stamp: c.stamp, value: c.value, base: c.base });
    grouped.set(key, list);
  }
  return grouped;
}

function groupRecords(content: BundleContent): Map<SyncedTable, StoredRecord[]> {
  const byTable = new Map<SyncedTable, StoredRecord[]>();
  for (const { table, record } of content.records) {
    const list = byTable.get(table as SyncedTable) ?? [];
    list.push(record);
    byTable.set(table as SyncedTable, list);
  }
  return byTable;
}

function emptyReport(content: BundleContent): ImportReport {
  return {
    bundleId: content.bundleId,
    deviceId: content.deviceId,
    seq: { ...content.seq },
    inserted: 0,
    updated: 0,
    unchanged: 0,
    byTable: {},
    newConflicts: [],
    householdsRefreshed: 0,
    maxStamp: maxStampOf(content),
    invalidAfterMerge: [],
  };
}

/**
 * The merge, in one transaction. Null when the bundle turned out to be merged already.
 *
 * Round trips are what an import waits on, so the reads go first and together, the writes are
 * issued as soon as they are known and awaited together at the end, and nothing written is read
 * back: households take their members from the merge itself (`liveMembersAfterMerge`).
 */
export async function mergeIntoDatabase(
  db: AppDatabase,
  content: BundleContent & { header: BundleHeader },
  fileName: string,
  context: ImportContext,
  heldId: string | undefined,
): Promise<ImportReport | null> {
  const now = (context.now ?? (() => new Date()))().toISOString();
  const tables = [
    ...SYNCED_TABLES.map((t) => db.table(t)),
    db.conflicts,
    db.blobs,
    db.importedBundles,
    db.heldBundles,
    db.audit,
    db.meta,
  ];
  const incomingConflicts = groupConflicts(content);
  const byTable = groupRecords(content);
  const hashes = [...content.blobs.keys()];

  return db.transaction('rw', tables, async () => {
    const importedId = importedBundleId(content.deviceId, content.bundleId);
    const state = await readStateBefore(db, importedId, byTable, hashes);
    if (state.alreadyImported) {
      if (heldId) await db.heldBundles.delete(heldId);
      return null;
    }
    const log: MergeLog = { report: emptyReport(content), audits: [] };
    const writes = new PendingWrites();
    const missingBlobs = hashes.filter((h) => !state.presentBlobs.has(h));
    if (missingBlobs.length > 0) {
      writes.add(
        db.blobs.bulkAdd(
          missingBlobs.map((sha256) => ({ sha256, data: new Uint8Array(content.blobs.get(sha256)!) })),
        ),
      );
    }

    // Every table but households (last in MERGE_ORDER), each written as soon as it is merged.
    const bundleHouseholds = idsOf(byTable, 'households');
    let persons: PersonRecord[] = [];
    let refresh: HouseholdsToRefresh = { ids: [], households: [], membersOutside: [] };
    for (const table of MERGE_ORDER) {
      const incoming = byTable.get(table);
      if (!incoming || table === 'households') continue;
      const derive = (r: StoredRecord) => deriveForTable(db.nameIndex, table, r);
      const merge = mergeTable(table, incoming, state, incomingConflicts, derive, log);
      if (table === 'persons') {
        persons = merge.outcomes.map(({ final }) => final as unknown as PersonRecord);
        // Read before this table's writes are queued, so the answer does not wait behind them.
        refresh = await readHouseholdsToRefresh(db, merge, new Set(bundleHouseholds));
      }
      issueWrites(db, merge, writes);
    }

    const members = liveMembersAfterMerge(
      [...bundleHouseholds, ...refresh.ids],
      [...persons, ...state.membersOutside, ...refresh.membersOutside],
    );
    if (bundleHouseholds.length > 0) {
      const derive = (r: StoredRecord) => deriveForHousehold(r, members.get(r.id) ?? []);
      const incoming = byTable.get('households')!;
      issueWrites(db, mergeTable('households', incoming, state, incomingConflicts, derive, log), writes);
    }

    // Households whose members changed without the household itself being in the bundle.
    const refreshed = refresh.households.flatMap((household) => {
      const next = household && withRefreshedDerived(household, members.get(household.id) ?? []);
      return next ? [next] : [];
    });
    log.report.householdsRefreshed = refreshed.length;
    if (refreshed.length > 0) writes.add(db.households.bulkPut(refreshed));

    const base = { at: now, actor: context.actor, deviceId: content.deviceId };
    const entries = sealAudits(log.audits, state.lastAudit, base);
    if (entries.length > 0) writes.add(db.audit.bulkAdd(entries));

    const { maxStamp } = log.report;
    const last = state.lastHlc;
    if (maxStamp && (typeof last !== 'string' || clockPart(maxStamp) > clockPart(last))) {
      writes.add(db.meta.put({ key: META_KEYS.lastHlc, value: maxStamp }));
    }
    const imported: ImportedBundleRow = {
      id: importedId,
      deviceId: content.deviceId,
      bundleId: content.bundleId,
      seqFrom: content.seq.from,
      seqTo: content.seq.to,
      fileName,
      createdAt: content.header.createdAt,
      importedAt: now,
    };
    writes.add(db.importedBundles.add(imported));
    if (heldId) writes.add(db.heldBundles.delete(heldId));
    await writes.settled();
    return log.report;
  });
}
