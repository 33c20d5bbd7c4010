import { canonicalJson } from './canonicalJson';
import { formatHlc } from './hlc';

/**
 * Field versions and their causal order: the part of the merge that decides whether one value
 * was written with knowledge of another (an overwrite) or without (a conflict).
 *
 * A *version* of a field is a value with the HLC stamp of the write that produced it
 * (`fieldHlc[f]`) and a *base* (`fieldBase[f]`): for every other device whose writes to this
 * field the writer had seen, the latest such stamp. The stamp plus the base form the version's
 * version vector (device → latest stamp seen); a device's own earlier writes are covered by its
 * stamp, because each write covers everything its device held for the field.
 *
 * Version x happened before version y (y overwrote x knowingly) when x's vector is below y's,
 * device by device. Versions where neither is below the other are concurrent. See
 * docs/sync-format.md, "Merge rules".
 */

/** Record keys the merge treats as bookkeeping, never as fields. `deletedAt` is a field. */
export const SYNC_META_KEYS: ReadonlySet<string> = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'hlc',
  'fieldHlc',
  'fieldBase',
  'deviceId',
]);

/** A record as stored and as carried in bundles: RecordMeta, `fieldBase`, and its fields. */
export interface StoredRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
  hlc: string;
  fieldHlc: Record<string, string>;
  /** Per field, the stamps of other devices' writes this version covers. Absent = none. */
  fieldBase?: Record<string, readonly string[]>;
  deviceId: string;
  deletedAt: string | null;
  [field: string]: unknown;
}

export interface FieldVersion {
  stamp: string;
  /** `undefined` when the field was stamped but absent from the record. */
  value: unknown;
  base: readonly string[];
}

/** A concurrent version kept beside a record's winning value: a row of the conflicts list. */
export interface FieldConflict extends FieldVersion {
  field: string;
}

/**
 * The stamp for records every device creates identically (seeded partner organisations, with
 * fixed ids): the same stamp on every device makes them one version instead of N concurrent ones.
 * Any real write is later than it and covers it.
 */
export const SEED_STAMP = formatHlc({ wallMs: 0, counter: 0 }, 'seed');

/** `000001732381000000-000000-<device>`, as `formatHlc` writes it. */
const STAMP = /^\d{15}-\d{6}-[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const DEVICE_OFFSET = 23;

export const isStamp = (value: unknown): value is string => typeof value === 'string' && STAMP.test(value);
export const stampDevice = (stamp: string): string => stamp.slice(DEVICE_OFFSET);
export const stampWallMs = (stamp: string): number => Number(stamp.slice(0, 15));

type Vector = Map<string, string>;

function vectorOf(version: FieldVersion): Vector {
  const vector: Vector = new Map();
  for (const stamp of [...version.base, version.stamp]) {
    const device = stampDevice(stamp);
    const seen = vector.get(device);
    if (seen === undefined || stamp > seen) vector.set(device, stamp);
  }
  return vector;
}

/** Every entry of `a` is covered by `b`. */
function vectorLeq(a: Vector, b: Vector): boolean {
  for (const [device, stamp] of a) {
    const other = b.get(device);
    if (other === undefined || other < stamp) return false;
  }
  return true;
}

/** y overwrote x knowingly: x's vector is strictly below y's. */
export function happenedBefore(x: FieldVersion, y: FieldVersion): boolean {
  const vx = vectorOf(x);
  const vy = vectorOf(y);
  return vectorLeq(vx, vy) && !vectorLeq(vy, vx);
}

export const areConcurrent = (x: FieldVersion, y: FieldVersion): boolean =>
  x.stamp !== y.stamp && !happenedBefore(x, y) && !happenedBefore(y, x);

/**
 * The base a write gets: the join of the vectors of every version its device holds for the field
 * (the winning value and any concurrent ones kept beside it), without the writer's own device
 * (its new stamp covers that). Sorted, one stamp per device.
 */
export function baseFor(held: readonly FieldVersion[], writerDevice: string): string[] {
  const joined: Vector = new Map();
  for (const version of held) {
    for (const [device, stamp] of vectorOf(version)) {
      const seen = joined.get(device);
      if (seen === undefined || stamp > seen) joined.set(device, stamp);
    }
  }
  joined.delete(writerDevice);
  return [...joined.values()].sort();
}

/** A base as a write produces it: sorted, one stamp per device, none from the version's device. */
export function isCanonicalBase(base: readonly string[], stamp: string): boolean {
  const own = stampDevice(stamp);
  const devices = new Set<string>();
  for (let i = 0; i < base.length; i++) {
    const entry = base[i]!;
    if (!isStamp(entry)) return false;
    const device = stampDevice(entry);
    if (device === own || devices.has(device)) return false;
    if (i > 0 && !(base[i - 1]! < entry)) return false;
    devices.add(device);
  }
  return true;
}

const versionKey = (v: FieldVersion) => canonicalJson({ value: v.value, base: v.base });

/**
 * The merge of one field: all versions known on both sides, keep those no other version
 * happened after (the concurrent frontier), the newest stamp of those wins, the others are the
 * field's conflicts. A pure join (commutative, associative, idempotent) when stamps are honest.
 *
 * Two versions with the same stamp are the same write; if their contents differ (a device that
 * signs two values under one stamp) the greater canonical JSON is kept, so replicas still agree
 * on the choice.
 */
export function mergeVersions(versions: readonly FieldVersion[]): {
  winner: FieldVersion | undefined;
  conflicts: FieldVersion[];
} {
  // A field only one side holds (every field of a record new here): nothing to order it against.
  if (versions.length === 1) return { winner: versions[0], conflicts: [] };
  const byStamp = new Map<string, FieldVersion>();
  for (const version of versions) {
    const existing = byStamp.get(version.stamp);
    if (existing === undefined) byStamp.set(version.stamp, version);
    else if (existing !== version && versionKey(version) > versionKey(existing))
      byStamp.set(version.stamp, version);
  }
  const all = [...byStamp.values()];
  const vectors = all.map(vectorOf);
  const frontier = all.filter(
    (_, i) =>
      !vectors.some((other, j) => j !== i && vectorLeq(vectors[i]!, other) && !vectorLeq(other, vectors[i]!)),
  );
  frontier.sort((a, b) => (a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : 0));
  const winner = frontier.pop();
  return { winner, conflicts: frontier };
}

/** The winning version a record holds for a field, if the field is stamped. */
export function recordVersion(record: StoredRecord, field: string): FieldVersion | undefined {
  const stamp = record.fieldHlc[field];
  if (stamp === undefined) return undefined;
  return {
    stamp,
    value: Object.hasOwn(record, field) ? record[field] : undefined,
    base: record.fieldBase?.[field] ?? [],
  };
}

/**
 * Stamps a local write: what `recordStore` writes instead of `{ ...fieldHlc, [f]: stamp }`.
 * Each changed field gets the new stamp and a base covering every version the device holds for
 * it (the record's value and the conflicts kept beside it). The conflicts of changed fields are
 * thereby resolved; `remainingConflicts` are those of the untouched fields, to keep.
 */
export function stampChanges(
  current: Pick<StoredRecord, 'fieldHlc' | 'fieldBase'> | undefined,
  changed: readonly string[],
  stamp: string,
  conflicts: readonly FieldConflict[] = [],
): {
  fieldHlc: Record<string, string>;
  fieldBase: Record<string, string[]>;
  remainingConflicts: FieldConflict[];
} {
  if (!isStamp(stamp)) throw new TypeError(`Not a stamp: ${stamp}`);
  const writer = stampDevice(stamp);
  const fieldHlc: Record<string, string> = { ...current?.fieldHlc };
  const fieldBase: Record<string, string[]> = Object.fromEntries(
    Object.entries(current?.fieldBase ?? {}).map(([f, base]) => [f, [...base]]),
  );
  for (const field of changed) {
    if (SYNC_META_KEYS.has(field)) throw new TypeError(`${field} is sync metadata, not a field`);
    const held: FieldVersion[] = conflicts.filter((c) => c.field === field);
    const currentStamp = current?.fieldHlc[field];
    if (currentStamp !== undefined)
      held.push({ stamp: currentStamp, value: undefined, base: current?.fieldBase?.[field] ?? [] });
    const base = baseFor(held, writer);
    fieldHlc[field] = stamp;
    if (base.length > 0) fieldBase[field] = base;
    else delete fieldBase[field];
  }
  const touched = new Set(changed);
  return { fieldHlc, fieldBase, remainingConflicts: conflicts.filter((c) => !touched.has(c.field)) };
}
