import type { PersonRecord } from '../../../../shared/households/personSchema';
import { sealAuditEntry } from '../../../../shared/records/auditHash';
import type { AuditAction, AuditEntry } from '../../../../shared/records/recordMeta';
import { readBundle } from '../../../../shared/sync/bundle';
import { decodeContainer, type BundleHeader } from '../../../../shared/sync/bundleFormat';
import { SyncError } from '../../../../shared/sync/errors';
import type { FieldConflict, StoredRecord } from '../../../../shared/sync/fieldVersions';
import type { HybridLogicalClock } from '../../../../shared/sync/hlc';
import type { SyncLimits } from '../../../../shared/sync/limits';
import { mergeRecord, type BundleContent, type ConflictEntry } from '../../../../shared/sync/merge';
import type { AppDatabase } from '../AppDatabase';
import { liveMembersOf } from '../repositories/householdRepository';
import type { StorageGuard } from '../storageGuard';
import { META_KEYS } from '../writeContext';
import { knownDeviceOf } from './devices';
import { conflictRowId, toConflictRow } from './conflicts';
import { deriveForHousehold, deriveForTable, refreshHouseholdDerived } from './syncDerive';
import { refusingAs, SyncFileError } from './syncFileError';
import type { HeldBundleRow, ImportedBundleRow } from './syncRows';
import {
  SYNCED_TABLES,
  syncedFields,
  TABLE_ENTITY,
  validateStoredSyncedRecord,
  validateSyncedRecord,
  withoutDerived,
  type SyncedTable,
} from './syncTables';

/**
 * HQ's import of a device's bundle into the database. Everything that needs WebCrypto (verify,
 * unwrap, decrypt, attachment hashes) and every check runs first; the merge then runs in one
 * read-write transaction, so a bundle is merged whole or not at all, and a refused file leaves
 * the database exactly as it was (the tests hash the whole database before and after).
 *
 * Order of the checks: container and header, recipient, sender (unknown → held back, revoked →
 * refused), signature, replay, decryption, payload, every record against the shared schemas.
 */

export interface ImportContext {
  /** HQ's RSA-OAEP private key. */
  organisationKey: CryptoKey;
  /** SHA-256 of HQ's encryption key SPKI (`Organisation.encryptionKeyFingerprint`). */
  organisationKeyFingerprint: string;
  /** Who imports, for the audit entries. */
  actor: string;
  now?: () => Date;
  /** HQ's clock: moved past the latest imported stamp, so HQ's next write is later than all of them. */
  clock?: HybridLogicalClock;
  limits?: Partial<SyncLimits>;
  /** Refuse bundles stamped further than this in the future ('clock-skew'). Off unless set. */
  maxFutureSkewMs?: number;
  storageGuard?: StorageGuard;
  onProgress?: (progress: ImportProgress) => void;
}

export type ImportProgress =
  | { phase: 'verifying' }
  | { phase: 'merging'; records: number }
  | { phase: 'done' };

export interface TableCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport extends TableCounts {
  bundleId: string;
  deviceId: string;
  seq: { from: number; to: number };
  byTable: Partial<Record<SyncedTable, TableCounts>>;
  /** Concurrent versions this import kept that were not kept before (for HQ's review). */
  newConflicts: ConflictEntry[];
  /** Households whose derived fields changed because their members did. */
  householdsRefreshed: number;
  maxStamp: string | undefined;
  /** Records the field merge left breaking a rule of their schema: reported, not refused (docs §7). */
  invalidAfterMerge: { table: string; id: string; message: string }[];
}

export type ImportOutcome =
  | { status: 'imported'; fileName: string; header: BundleHeader; report: ImportReport }
  /** This bundle from this device was merged before: nothing changed. */
  | { status: 'already-imported'; fileName: string; header: BundleHeader }
  /** From a device HQ has not enrolled: kept in `heldBundles` for a decision, nothing merged. */
  | { status: 'held'; fileName: string; header: BundleHeader; heldId: string };

export const importedBundleId = (deviceId: string, bundleId: string) => `${deviceId}:${bundleId}`;

/** Persons before households: a household's derived fields are computed from its merged members. */
const MERGE_ORDER: readonly SyncedTable[] = [
  ...SYNCED_TABLES.filter((t) => t !== 'households'),
  'households',
];

/**
 * Verifies, decrypts, validates and merges one bundle file. Throws `SyncFileError` (with the
 * file name and a code) for every refused file; the database is then unchanged.
 */
export async function importBundle(
  db: AppDatabase,
  bytes: Uint8Array,
  fileName: string,
  context: ImportContext,
  options: { heldId?: string } = {},
): Promise<ImportOutcome> {
  context.onProgress?.({ phase: 'verifying' });
  const header = await refusingAs(fileName, async () => {
    const { header } = decodeContainer(bytes, context.limits);
    if (header.recipient !== context.organisationKeyFingerprint) {
      throw new SyncError('wrong-recipient', "The bundle is encrypted for another organisation's key");
    }
    return header;
  });
  const { deviceId, keyFingerprint } = header.sender;
  const [byId, byKey] = await Promise.all([
    db.devices.get(deviceId),
    db.devices.where('fingerprint').equals(keyFingerprint).first(),
  ]);
  if (byId?.status === 'revoked' || byKey?.status === 'revoked') {
    throw new SyncFileError('revoked-device', fileName, `Device ${deviceId} has been revoked`, { deviceId });
  }
  // Neither the device nor its key is known: a new device, held until HQ confirms its fingerprint.
  // (A known key under an unknown id, or the reverse, is refused below: a single changed byte
  // must never turn a bundle into one that waits for a decision.)
  if (!byId && !byKey) return hold(db, bytes, fileName, header, context);

  const known = byId ? await knownDeviceOf(byId) : undefined;
  const applied = new Set(await db.importedBundles.where('deviceId').equals(deviceId).primaryKeys());
  let content: BundleContent & { header: BundleHeader };
  try {
    content = await refusingAs(fileName, () =>
      readBundle(bytes, {
        organisationKey: context.organisationKey,
        organisationKeyFingerprint: context.organisationKeyFingerprint,
        knownDevices: (id) => (id === deviceId ? known : undefined),
        isApplied: (device, bundle) => applied.has(importedBundleId(device, bundle)),
        validate: validateSyncedRecord,
        limits: context.limits,
        maxFutureSkewMs: context.maxFutureSkewMs,
        now: context.now ? () => context.now!().getTime() : undefined,
      }),
    );
  } catch (error) {
    if (error instanceof SyncFileError && error.code === 'replayed') {
      if (options.heldId) await db.heldBundles.delete(options.heldId);
      return { status: 'already-imported', fileName, header };
    }
    throw error;
  }
  checkContent(content, fileName);
  context.storageGuard?.assertCanWriteNow();

  context.onProgress?.({ phase: 'merging', records: content.records.length });
  const report = await mergeIntoDatabase(db, content, fileName, context, options.heldId);
  if (report === null) return { status: 'already-imported', fileName, header };
  if (report.maxStamp) context.clock?.receive(report.maxStamp);
  context.onProgress?.({ phase: 'done' });
  return { status: 'imported', fileName, header, report };
}

async function hold(
  db: AppDatabase,
  bytes: Uint8Array,
  fileName: string,
  header: BundleHeader,
  context: ImportContext,
): Promise<ImportOutcome> {
  const heldId = importedBundleId(header.sender.deviceId, header.bundleId);
  context.storageGuard?.assertCanWriteNow();
  const row: HeldBundleRow = {
    id: heldId,
    deviceId: header.sender.deviceId,
    bundleId: header.bundleId,
    keyFingerprint: header.sender.keyFingerprint,
    fileName,
    header,
    bytes: new Uint8Array(bytes),
    heldAt: (context.now ?? (() => new Date()))().toISOString(),
  };
  await db.transaction('rw', db.heldBundles, async () => {
    if (!(await db.heldBundles.get(heldId))) await db.heldBundles.add(row);
  });
  return { status: 'held', fileName, header, heldId };
}

/** What the shared reader cannot know about this database: conflicts on fields, attachments that match their bytes. */
function checkContent(content: BundleContent, fileName: string): void {
  const refuse = (message: string, detail: Record<string, string>) => {
    throw new SyncFileError('invalid-record', fileName, message, detail);
  };
  for (const c of content.conflicts) {
    if (!syncedFields(c.table as SyncedTable).has(c.field)) {
      refuse(`A conflict names ${c.field}, which is not a field of ${c.table}`, {
        table: c.table,
        id: c.id,
        field: c.field,
      });
    }
  }
  for (const { table, record } of content.records) {
    if (table !== 'attachments') continue;
    const ref = record.data as { $blob?: unknown } | undefined;
    const bytes = typeof ref?.$blob === 'string' ? content.blobs.get(ref.$blob) : undefined;
    if (ref?.$blob !== record.sha256 || bytes?.length !== record.size) {
      refuse('An attachment does not match its stated hash or size', { table, id: record.id });
    }
  }
}

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

function describeIssues(error: unknown): string {
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues)) {
    return error.issues
      .map((i: { path?: unknown[]; message?: string }) => `${(i.path ?? []).join('.')}: ${i.message ?? ''}`)
      .join('; ');
  }
  return error instanceof Error ? error.message : 'invalid';
}

function maxStampOf(content: BundleContent): string | undefined {
  let max: string | undefined;
  const see = (stamp: string) => {
    if (max === undefined || stamp > max) max = stamp;
  };
  for (const { record } of content.records) {
    see(record.hlc);
    Object.values(record.fieldHlc).forEach(see);
    Object.values(record.fieldBase ?? {}).forEach((base) => base.forEach(see));
  }
  for (const c of content.conflicts) {
    see(c.stamp);
    c.base.forEach(see);
  }
  return max;
}

const clockPart = (stamp: string) => stamp.slice(0, 22);

/** The merge, in one transaction. Null when the bundle turned out to be merged already. */
async function mergeIntoDatabase(
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
  const incomingConflicts = new Map<string, FieldConflict[]>();
  for (const c of content.conflicts) {
    const key = `${c.table}\u0000${c.id}`;
    const list = incomingConflicts.get(key) ?? [];
    list.push({ field: c.field, stamp: c.stamp, value: c.value, base: c.base });
    incomingConflicts.set(key, list);
  }
  const byTable = new Map<SyncedTable, StoredRecord[]>();
  for (const { table, record } of content.records) {
    const list = byTable.get(table as SyncedTable) ?? [];
    list.push(record);
    byTable.set(table as SyncedTable, list);
  }

  return db.transaction('rw', tables, async () => {
    const importedId = importedBundleId(content.deviceId, content.bundleId);
    if (await db.importedBundles.get(importedId)) {
      if (heldId) await db.heldBundles.delete(heldId);
      return null;
    }
    const report: ImportReport = {
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

    // Attachments: the bytes once per hash; records keep `{ $blob: sha256 }`.
    const hashes = [...content.blobs.keys()];
    if (hashes.length > 0) {
      const present = new Set(await db.blobs.where(':id').anyOf(hashes).primaryKeys());
      const missing = hashes.filter((h) => !present.has(h));
      if (missing.length > 0) {
        await db.blobs.bulkAdd(
          missing.map((sha256) => ({ sha256, data: new Uint8Array(content.blobs.get(sha256)!) })),
        );
      }
    }

    const audits: AuditDraft[] = [];
    const householdsToRefresh = new Set<string>();
    const mergedHouseholds = new Set<string>();
    for (const table of MERGE_ORDER) {
      const incoming = byTable.get(table);
      if (!incoming) continue;
      const counts: TableCounts = { inserted: 0, updated: 0, unchanged: 0 };
      const ids = incoming.map((r) => r.id);
      const locals = (await db.table(table).bulkGet(ids)) as (StoredRecord | undefined)[];
      const keptRows = await db.conflicts
        .where('[table+recordId]')
        .anyOf(ids.map((id) => [table, id]))
        .toArray();
      const kept = new Map<string, FieldConflict[]>();
      for (const row of keptRows) kept.set(row.recordId, [...(kept.get(row.recordId) ?? []), row]);
      let members = new Map<string, PersonRecord[]>();
      if (table === 'households') {
        const persons = await db.persons.where('householdId').anyOf(ids).toArray();
        // Grouped in one pass: filtering the whole list once per household is quadratic.
        const byHousehold = new Map<string, PersonRecord[]>();
        for (const person of persons)
          byHousehold.set(person.householdId, [...(byHousehold.get(person.householdId) ?? []), person]);
        members = new Map(ids.map((id) => [id, liveMembersOf(byHousehold.get(id) ?? [])]));
      }
      const derive =
        table === 'households'
          ? (r: StoredRecord) => deriveForHousehold(r, members.get(r.id) ?? [])
          : (r: StoredRecord) => deriveForTable(db.nameIndex, table, r);

      const puts: StoredRecord[] = [];
      const dropConflicts: string[] = [];
      const addConflicts: ReturnType<typeof toConflictRow>[] = [];
      incoming.forEach((record, i) => {
        const local = locals[i];
        const localConflicts = kept.get(record.id) ?? [];
        const result = mergeRecord(
          local,
          withoutDerived(table, record),
          { local: localConflicts, incoming: incomingConflicts.get(`${table}\u0000${record.id}`) ?? [] },
          { derive },
        );
        if (table === 'households') mergedHouseholds.add(record.id);
        if (!result.changed) {
          counts.unchanged++;
          return;
        }
        if (local === undefined) counts.inserted++;
        else counts.updated++;
        if (table === 'persons') {
          for (const id of [local?.householdId, result.next.householdId])
            if (typeof id === 'string') householdsToRefresh.add(id);
        }
        puts.push(result.next);
        const before = new Set(localConflicts.map((c) => conflictRowId(table, record.id, c.field, c.stamp)));
        for (const c of localConflicts) dropConflicts.push(conflictRowId(table, record.id, c.field, c.stamp));
        for (const c of result.conflicts) {
          const row = toConflictRow(table, record.id, c);
          addConflicts.push(row);
          if (!before.has(row.id)) report.newConflicts.push({ ...c, table, id: record.id });
        }
        const draft = auditDraft(
          table,
          local,
          result.next,
          result.conflicts.filter((c) => !before.has(conflictRowId(table, record.id, c.field, c.stamp))),
        );
        // Only derived fields changed (a member merged in the same bundle): not a change of the record.
        if (draft.fields.length > 0 || draft.action !== 'update') audits.push(draft);
        const verdict = validateStoredSyncedRecord(table, result.next);
        if (!verdict.success)
          report.invalidAfterMerge.push({ table, id: record.id, message: describeIssues(verdict.error) });
      });
      if (puts.length > 0) await db.table(table).bulkPut(puts);
      if (dropConflicts.length > 0) await db.conflicts.bulkDelete(dropConflicts);
      if (addConflicts.length > 0) await db.conflicts.bulkAdd(addConflicts);
      report.byTable[table] = counts;
      report.inserted += counts.inserted;
      report.updated += counts.updated;
      report.unchanged += counts.unchanged;
    }

    // Households whose members changed without the household itself being in the bundle.
    for (const id of householdsToRefresh) {
      if (!mergedHouseholds.has(id) && (await refreshHouseholdDerived(db, id))) report.householdsRefreshed++;
    }

    let previous = await db.audit.orderBy(':id').last();
    const entries: AuditEntry[] = [];
    for (const draft of audits) {
      const entry: AuditEntry = sealAuditEntry(
        { id: crypto.randomUUID(), at: now, actor: context.actor, deviceId: content.deviceId, ...draft },
        previous,
      );
      entries.push(entry);
      previous = entry;
    }
    if (entries.length > 0) await db.audit.bulkAdd(entries);

    if (report.maxStamp) {
      const last = (await db.meta.get(META_KEYS.lastHlc))?.value;
      if (typeof last !== 'string' || clockPart(report.maxStamp) > clockPart(last)) {
        await db.meta.put({ key: META_KEYS.lastHlc, value: report.maxStamp });
      }
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
    await db.importedBundles.add(imported);
    if (heldId) await db.heldBundles.delete(heldId);
    return report;
  });
}

/** Imports the bundles held for a device HQ has just enrolled; refused ones stay held, with the reason. */
export async function releaseHeldBundles(
  db: AppDatabase,
  deviceId: string,
  context: ImportContext,
): Promise<{ id: string; fileName: string; outcome?: ImportOutcome; error?: SyncFileError }[]> {
  const held = (await db.heldBundles.where('deviceId').equals(deviceId).toArray()).sort(
    (a, b) => a.header.seq.to - b.header.seq.to || a.id.localeCompare(b.id),
  );
  const results = [];
  for (const row of held) {
    try {
      const outcome = await importBundle(db, row.bytes, row.fileName, context, { heldId: row.id });
      results.push({ id: row.id, fileName: row.fileName, outcome });
    } catch (error) {
      if (!(error instanceof SyncFileError)) throw error;
      results.push({ id: row.id, fileName: row.fileName, error });
    }
  }
  return results;
}
