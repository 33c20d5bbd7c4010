import { canonicalJson } from './canonicalJson';
import { SyncError } from './errors';
import {
  mergeVersions,
  recordVersion,
  SYNC_META_KEYS,
  type FieldConflict,
  type FieldVersion,
  type StoredRecord,
} from './fieldVersions';

/**
 * The merge of records, as pure functions: `mergeRecord` for one record (what the lead runs per
 * record inside one Dexie transaction), `applyBundle` over an in-memory replica for tests and
 * tools. Rules in docs/sync-format.md, "Merge rules".
 */

export interface MergeRecordResult {
  next: StoredRecord;
  /** Every concurrent version kept beside `next`'s values, sorted by field then stamp. */
  conflicts: FieldConflict[];
  /** False when `next` and `conflicts` equal what was there: nothing to write. */
  changed: boolean;
}

export interface MergeRecordOptions {
  /** Recomputes fields derived from the others (search tokens, sort keys) after the merge. */
  derive?: (record: StoredRecord) => Partial<StoredRecord>;
}

const byStamp = (a: { stamp: string }, b: { stamp: string }) =>
  a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : 0;
const byFieldThenStamp = (a: FieldConflict, b: FieldConflict) =>
  a.field < b.field ? -1 : a.field > b.field ? 1 : byStamp(a, b);

/** The side whose bookkeeping and unstamped fields are kept: latest `hlc`, then a fixed tie-break. */
function rankKey(record: StoredRecord): string {
  return `${record.hlc}\u0000${record.updatedAt}\u0000${record.deviceId}`;
}

function pickLatest(a: StoredRecord, b: StoredRecord): StoredRecord {
  const ka = rankKey(a);
  const kb = rankKey(b);
  if (ka !== kb) return ka > kb ? a : b;
  return canonicalJson(a) >= canonicalJson(b) ? a : b;
}

const maxString = (values: readonly string[]) => values.reduce((m, v) => (v > m ? v : m));
const minString = (values: readonly string[]) => values.reduce((m, v) => (v < m ? v : m));

/**
 * Merges an incoming version of a record into the local one, field by field.
 * - A stamped field keeps, of all versions on both sides (values and kept conflicts), those no
 *   other version happened after; the newest stamp wins, the rest are its conflicts.
 * - `deletedAt` is a field like any other: deletion and restoration are versions of it.
 * - Fields stamped on neither side (fields derived from others, or `deletedAt` before any
 *   deletion) come from the side with the latest `hlc`, then `derive` recomputes them.
 * - `createdAt` is the earliest; `hlc` the latest stamp seen; `updatedAt` and `deviceId` those of
 *   the side with the latest `hlc`.
 * Commutative, associative and idempotent for honest stamps: any order of merges gives the same
 * record and conflicts.
 */
export function mergeRecord(
  local: StoredRecord | undefined,
  incoming: StoredRecord,
  conflicts: { local?: readonly FieldConflict[]; incoming?: readonly FieldConflict[] } = {},
  options: MergeRecordOptions = {},
): MergeRecordResult {
  if (local !== undefined && local.id !== incoming.id) {
    throw new TypeError(`Cannot merge record ${incoming.id} into ${local.id}`);
  }
  const sides = local === undefined ? [incoming] : [local, incoming];
  const kept = [...(conflicts.local ?? []), ...(conflicts.incoming ?? [])];

  const stampedFields = new Set<string>();
  for (const side of sides) for (const field of Object.keys(side.fieldHlc)) stampedFields.add(field);
  for (const conflict of kept) stampedFields.add(conflict.field);

  const latest = local === undefined ? incoming : pickLatest(local, incoming);
  const entries: [string, unknown][] = [];
  for (const key of Object.keys(latest)) {
    if (!SYNC_META_KEYS.has(key) && !stampedFields.has(key)) entries.push([key, latest[key]]);
  }

  const fieldHlc: [string, string][] = [];
  const fieldBase: [string, readonly string[]][] = [];
  const nextConflicts: FieldConflict[] = [];
  const stamps: string[] = sides.map((s) => s.hlc);
  for (const field of [...stampedFields].sort()) {
    const versions: FieldVersion[] = [];
    for (const side of sides) {
      const version = recordVersion(side, field);
      if (version) versions.push(version);
    }
    for (const conflict of kept) if (conflict.field === field) versions.push(conflict);
    const { winner, conflicts: losers } = mergeVersions(versions);
    if (!winner) continue;
    if (winner.value !== undefined) entries.push([field, winner.value]);
    fieldHlc.push([field, winner.stamp]);
    if (winner.base.length > 0) fieldBase.push([field, winner.base]);
    stamps.push(winner.stamp);
    for (const loser of losers) {
      nextConflicts.push({ field, stamp: loser.stamp, value: loser.value, base: loser.base });
    }
  }

  // Object.fromEntries defines own properties, so no key can reach a prototype.
  const fields = Object.fromEntries(entries) as Record<string, unknown>;
  let next: StoredRecord = {
    ...fields,
    id: incoming.id,
    createdAt: minString(sides.map((s) => s.createdAt)),
    updatedAt: latest.updatedAt,
    hlc: maxString(stamps),
    fieldHlc: Object.fromEntries(fieldHlc),
    fieldBase: Object.fromEntries(fieldBase),
    deviceId: latest.deviceId,
    deletedAt: (fields.deletedAt as string | null | undefined) ?? null,
  };
  if (options.derive) next = { ...next, ...options.derive(next) };
  nextConflicts.sort(byFieldThenStamp);

  const changed =
    local === undefined ||
    canonicalJson(normalizeForCompare(local)) !== canonicalJson(normalizeForCompare(next)) ||
    canonicalJson([...(conflicts.local ?? [])].map(asConflict).sort(byFieldThenStamp)) !==
      canonicalJson(nextConflicts);
  return { next, conflicts: nextConflicts, changed };
}

/** Only what the merge keeps: conflict rows from a database may carry their table, id or key too. */
const asConflict = (c: FieldConflict): FieldConflict => ({
  field: c.field,
  stamp: c.stamp,
  value: c.value,
  base: c.base,
});

/** Records written before `fieldBase` existed compare equal to the same record with `{}`. */
const normalizeForCompare = (record: StoredRecord) => ({ ...record, fieldBase: record.fieldBase ?? {} });

// ---------------------------------------------------------------------------------------------
// In-memory replica

export interface SeqRange {
  from: number;
  to: number;
}

export interface ReplicaState {
  /** table → id → record */
  readonly records: ReadonlyMap<string, ReadonlyMap<string, StoredRecord>>;
  /** table → id → concurrent versions kept beside the record's values (absent when none; a table
   * with none is absent too, so the state is the same whatever the order of the bundles) */
  readonly conflicts: ReadonlyMap<string, ReadonlyMap<string, readonly FieldConflict[]>>;
  /** SHA-256 hex → bytes: each attachment stored once, whatever the number of records naming it */
  readonly blobs: ReadonlyMap<string, Uint8Array>;
  /** sender device → bundle id → the sender's sequence range it covered */
  readonly applied: ReadonlyMap<string, ReadonlyMap<string, SeqRange>>;
}

export const emptyReplica = (): ReplicaState => ({
  records: new Map(),
  conflicts: new Map(),
  blobs: new Map(),
  applied: new Map(),
});

/** What `applyBundle` needs of a verified, decrypted, validated bundle. */
export interface BundleContent {
  bundleId: string;
  deviceId: string;
  seq: SeqRange;
  records: readonly { table: string; record: StoredRecord }[];
  conflicts: readonly (FieldConflict & { table: string; id: string })[];
  blobs: ReadonlyMap<string, Uint8Array>;
}

export interface ApplyOptions {
  derive?: (table: string, record: StoredRecord) => Partial<StoredRecord>;
  /** Checks each merged record; a failure is reported, not refused (see the docs: field merges can break cross-field rules). */
  validateMerged?: (table: string, record: StoredRecord) => string | undefined;
}

export interface ConflictEntry extends FieldConflict {
  table: string;
  id: string;
}

export interface ApplyReport {
  bundleId: string;
  deviceId: string;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Concurrent versions kept by this import that were not kept before. */
  newConflicts: ConflictEntry[];
  /** The latest stamp in the bundle: a device importing calls `clock.receive(maxStamp)`. */
  maxStamp: string | undefined;
  invalidAfterMerge: { table: string; id: string; message: string }[];
}

export const hasApplied = (state: ReplicaState, deviceId: string, bundleId: string): boolean =>
  state.applied.get(deviceId)?.has(bundleId) ?? false;

/**
 * Merges a bundle into a replica and returns the new replica (the old one is not modified).
 * Refuses ('replayed') a bundle the replica has already applied: importing twice changes nothing.
 */
export function applyBundle(
  state: ReplicaState,
  bundle: BundleContent,
  options: ApplyOptions = {},
): { state: ReplicaState; report: ApplyReport } {
  if (hasApplied(state, bundle.deviceId, bundle.bundleId)) {
    throw new SyncError(
      'replayed',
      `Bundle ${bundle.bundleId} from ${bundle.deviceId} was already imported`,
      {
        bundleId: bundle.bundleId,
      },
    );
  }
  const records = new Map(state.records);
  const conflicts = new Map(state.conflicts);
  const copied = { records: new Set<string>(), conflicts: new Set<string>() };
  // Copy-on-write per table: the previous state stays valid, untouched tables are shared.
  const recordTable = (table: string): Map<string, StoredRecord> => {
    if (!copied.records.has(table)) {
      records.set(table, new Map(records.get(table) ?? []));
      copied.records.add(table);
    }
    return records.get(table) as Map<string, StoredRecord>;
  };
  const conflictTable = (table: string): Map<string, readonly FieldConflict[]> => {
    if (!copied.conflicts.has(table)) {
      conflicts.set(table, new Map(conflicts.get(table) ?? []));
      copied.conflicts.add(table);
    }
    return conflicts.get(table) as Map<string, readonly FieldConflict[]>;
  };

  const incomingConflicts = new Map<string, FieldConflict[]>();
  for (const c of bundle.conflicts) {
    const key = `${c.table}\u0000${c.id}`;
    const list = incomingConflicts.get(key) ?? [];
    list.push({ field: c.field, stamp: c.stamp, value: c.value, base: c.base });
    incomingConflicts.set(key, list);
  }

  const report: ApplyReport = {
    bundleId: bundle.bundleId,
    deviceId: bundle.deviceId,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    newConflicts: [],
    maxStamp: maxStampOf(bundle),
    invalidAfterMerge: [],
  };
  for (const { table, record } of bundle.records) {
    const local = state.records.get(table)?.get(record.id);
    const localConflicts = state.conflicts.get(table)?.get(record.id) ?? [];
    const derive = options.derive;
    const result = mergeRecord(
      local,
      record,
      { local: localConflicts, incoming: incomingConflicts.get(`${table}\u0000${record.id}`) ?? [] },
      derive ? { derive: (r) => derive(table, r) } : {},
    );
    if (!result.changed) {
      report.unchanged++;
      continue;
    }
    if (local === undefined) report.inserted++;
    else report.updated++;
    recordTable(table).set(record.id, result.next);
    const before = new Set(localConflicts.map((c) => `${c.field}\u0000${c.stamp}`));
    for (const c of result.conflicts) {
      if (!before.has(`${c.field}\u0000${c.stamp}`)) report.newConflicts.push({ ...c, table, id: record.id });
    }
    if (result.conflicts.length > 0) conflictTable(table).set(record.id, result.conflicts);
    else if (localConflicts.length > 0) conflictTable(table).delete(record.id);
    const problem = options.validateMerged?.(table, result.next);
    if (problem !== undefined) report.invalidAfterMerge.push({ table, id: record.id, message: problem });
  }

  // No empty tables: a replica whose conflicts were all resolved must equal one that never had
  // any, whatever the order of the bundles.
  for (const table of copied.conflicts) if (conflicts.get(table)?.size === 0) conflicts.delete(table);

  const blobs = new Map(state.blobs);
  for (const [hash, bytes] of bundle.blobs) if (!blobs.has(hash)) blobs.set(hash, bytes);
  const applied = new Map(state.applied);
  applied.set(
    bundle.deviceId,
    new Map([...(state.applied.get(bundle.deviceId) ?? []), [bundle.bundleId, bundle.seq]]),
  );
  return { state: { records, conflicts, blobs, applied }, report };
}

/** The latest clock stamp a bundle carries (records, field stamps and bases, conflicts). */
export function maxStampOf(bundle: BundleContent): string | undefined {
  let max: string | undefined;
  const see = (stamp: string) => {
    if (max === undefined || stamp > max) max = stamp;
  };
  for (const { record } of bundle.records) {
    see(record.hlc);
    for (const stamp of Object.values(record.fieldHlc)) see(stamp);
    for (const base of Object.values(record.fieldBase ?? {})) base.forEach(see);
  }
  for (const c of bundle.conflicts) {
    see(c.stamp);
    c.base.forEach(see);
  }
  return max;
}

/** The ranges of a device's sequence numbers a replica holds, merged and sorted. */
export function coveredRanges(state: ReplicaState, deviceId: string): SeqRange[] {
  const ranges = [...(state.applied.get(deviceId)?.values() ?? [])].sort(
    (a, b) => a.from - b.from || a.to - b.to,
  );
  const merged: SeqRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.from <= last.to + 1) last.to = Math.max(last.to, range.to);
    else merged.push({ ...range });
  }
  return merged;
}

/** Every conflict a replica keeps, flattened (for review screens and tests). */
export function listConflicts(state: ReplicaState): ConflictEntry[] {
  const out: ConflictEntry[] = [];
  for (const [table, byId] of state.conflicts) {
    for (const [id, list] of byId) for (const c of list) out.push({ ...c, table, id });
  }
  return out.sort((a, b) =>
    a.table !== b.table
      ? a.table < b.table
        ? -1
        : 1
      : a.id !== b.id
        ? a.id < b.id
          ? -1
          : 1
        : byFieldThenStamp(a, b),
  );
}

/**
 * Whether a kept conflict is worth showing: a concurrent write of the same value (two devices
 * creating the same seed, two deletions at different times) is kept for the merge's sake but is
 * not a disagreement.
 */
export function isDisagreement(conflict: FieldConflict, current: unknown): boolean {
  if (conflict.field === 'deletedAt')
    return (
      (conflict.value === null || conflict.value === undefined) !==
      (current === null || current === undefined)
    );
  return canonicalJson(conflict.value) !== canonicalJson(current);
}
