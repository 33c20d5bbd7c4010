/**
 * Test-only: three devices with random edit histories, their bundles, HQ replicas that receive
 * them in any order, and an oracle that knows the true causal history of every write (explicit
 * sets of the stamps each write had seen, not version vectors) to judge the replicas by.
 */
import fc from 'fast-check';
import { canonicalJson } from '../canonicalJson';
import { isSyncError } from '../errors';
import { stampChanges, type FieldConflict, type StoredRecord } from '../fieldVersions';
import { HybridLogicalClock } from '../hlc';
import {
  applyBundle,
  emptyReplica,
  type ApplyReport,
  type BundleContent,
  type ConflictEntry,
  type ReplicaState,
} from '../merge';
import type { OutgoingChanges } from '../payload';
import { iso, uuid } from './syncTestKit';

export const DEVICES = ['dev-a', 'dev-b', 'dev-c'] as const;
const RECORDS = [
  { table: 'households', id: uuid(1) },
  { table: 'households', id: uuid(2) },
  { table: 'visits', id: uuid(1) }, // the same id in another table is another record
] as const;
const VALUE_FIELDS = ['a', 'b', 'c'] as const;
export const FIELDS = [...VALUE_FIELDS, 'deletedAt'] as const;
const START = 1_736_000_000_000;

export type Op =
  | {
      kind: 'edit';
      dev: number;
      rec: number;
      field: (typeof VALUE_FIELDS)[number];
      value: number;
      tick: number;
    }
  | { kind: 'delete' | 'restore'; dev: number; rec: number; tick: number }
  | { kind: 'export' | 'reexport'; dev: number }
  | { kind: 'receive'; dev: number; pick: number };

const dev = fc.nat(2);
const rec = fc.nat(RECORDS.length - 1);
const tick = fc.nat(2);
export const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      dev,
      rec,
      field: fc.constantFrom(...VALUE_FIELDS),
      value: fc.nat(3),
      tick,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constantFrom('delete' as const, 'restore' as const), dev, rec, tick }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('export' as const), dev }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reexport' as const), dev }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('receive' as const), dev, pick: fc.nat() }) },
);

/** Where each HQ replica gets the bundles: a shuffle (sort keys) plus some bundles delivered again. */
export const deliveryArb = fc.record({
  keys: fc.array(fc.nat(1000), { minLength: 48, maxLength: 48 }),
  duplicates: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
});
type ArbValue<A> = A extends fc.Arbitrary<infer T> ? T : never;
export type Delivery = ArbValue<typeof deliveryArb>;

export const scenarioArb = fc.record({
  skews: fc.array(fc.nat(3), { minLength: 3, maxLength: 3 }),
  ops: fc.array(opArb, { minLength: 10, maxLength: 40 }),
  deliveries: fc.array(deliveryArb, { minLength: 3, maxLength: 3 }),
});
export type Scenario = ArbValue<typeof scenarioArb>;

// ---------------------------------------------------------------------------------------------
// The oracle's model: every version with the explicit set of stamps its writer had seen.

export interface ModelVersion {
  stamp: string;
  value: unknown;
  hist: ReadonlySet<string>;
}
type ModelHeld = Map<string, ModelVersion[]>; // `${rec}|${field}` → versions held

const slot = (r: number, field: string) => `${r}|${field}`;

/** Keeps the versions no other version has seen; the same stamp is the same version. */
function frontier(versions: readonly ModelVersion[]): ModelVersion[] {
  const unique = new Map(versions.map((v) => [v.stamp, v]));
  const all = [...unique.values()];
  return all
    .filter((x) => !all.some((y) => y.hist.has(x.stamp)))
    .sort((p, q) => (p.stamp < q.stamp ? -1 : 1));
}

const winnerOf = (versions: readonly ModelVersion[]) => versions[versions.length - 1];

// ---------------------------------------------------------------------------------------------

/** How bundles are made and applied: plain (payload encode/decode) or fully encrypted. */
export interface Transport {
  /** Makes the bundle; returns its decoded content (for devices) and a way to apply it at HQ. */
  send(
    device: string,
    bundleId: string,
    seq: { from: number; to: number },
    changes: OutgoingChanges,
  ): Promise<{
    content: BundleContent;
    applyAtHq: (state: ReplicaState) => Promise<{ state: ReplicaState; report: ApplyReport }>;
  }>;
}

export interface SimBundle {
  from: number;
  bundleId: string;
  seq: { from: number; to: number };
  content: BundleContent;
  applyAtHq: (state: ReplicaState) => Promise<{ state: ReplicaState; report: ApplyReport }>;
  /** The model versions the bundle carries (values and kept conflicts of its records). */
  model: Map<string, ModelVersion[]>;
}

class SimDevice {
  wall: number;
  readonly clock: HybridLogicalClock;
  state = emptyReplica();
  model: ModelHeld = new Map();
  seq = 0;
  lastExported = 0;
  dirty = new Set<number>();
  touched = new Set<number>();

  constructor(
    readonly index: number,
    skew: number,
  ) {
    this.wall = START + skew;
    this.clock = new HybridLogicalClock(DEVICES[index]!, () => this.wall);
  }

  get id() {
    return DEVICES[this.index]!;
  }

  record(r: number): StoredRecord | undefined {
    const { table, id } = RECORDS[r]!;
    return this.state.records.get(table)?.get(id);
  }

  conflicts(r: number): readonly FieldConflict[] {
    const { table, id } = RECORDS[r]!;
    return this.state.conflicts.get(table)?.get(id) ?? [];
  }

  /** The value the model says this device shows for a field. */
  modelValue(r: number, field: string): unknown {
    const w = winnerOf(frontier(this.model.get(slot(r, field)) ?? []));
    return w ? w.value : field === 'deletedAt' ? null : undefined;
  }

  /** A local write as recordStore makes it, and the same write in the model. */
  write(r: number, changes: Record<string, unknown>) {
    const { table, id } = RECORDS[r]!;
    const stamp = this.clock.now();
    const at = iso(this.wall);
    const current = this.record(r);
    const fields = Object.keys(changes);
    let next: StoredRecord;
    let kept: readonly FieldConflict[];
    if (!current) {
      const stamps = stampChanges(undefined, fields, stamp);
      next = {
        ...changes,
        id,
        createdAt: at,
        updatedAt: at,
        hlc: stamp,
        fieldHlc: stamps.fieldHlc,
        fieldBase: stamps.fieldBase,
        deviceId: this.id,
        deletedAt: null,
      };
      kept = [];
    } else {
      const stamps = stampChanges(current, fields, stamp, this.conflicts(r));
      next = {
        ...current,
        ...changes,
        updatedAt: at,
        hlc: stamp,
        fieldHlc: stamps.fieldHlc,
        fieldBase: stamps.fieldBase,
        deviceId: this.id,
      };
      kept = stamps.remainingConflicts;
    }
    const records = new Map(this.state.records);
    records.set(table, new Map(records.get(table) ?? []).set(id, next));
    const conflicts = new Map(this.state.conflicts);
    const byId = new Map(conflicts.get(table) ?? []);
    if (kept.length > 0) byId.set(id, kept);
    else byId.delete(id);
    if (byId.size > 0) conflicts.set(table, byId);
    else conflicts.delete(table);
    this.state = { ...this.state, records, conflicts };

    for (const field of fields) {
      const held = this.model.get(slot(r, field)) ?? [];
      const hist = new Set<string>();
      for (const h of held) {
        hist.add(h.stamp);
        for (const s of h.hist) hist.add(s);
      }
      this.model.set(slot(r, field), [{ stamp, value: changes[field], hist }]);
    }
    this.seq++;
    this.dirty.add(r);
    this.touched.add(r);
  }

  receive(bundle: SimBundle, stats: Stats) {
    let result;
    try {
      result = applyBundle(this.state, bundle.content);
    } catch (error) {
      if (isSyncError(error, 'replayed')) return;
      throw error;
    }
    this.state = result.state;
    if (result.report.maxStamp) this.clock.receive(result.report.maxStamp);
    for (const [key, versions] of bundle.model) {
      this.model.set(key, frontier([...(this.model.get(key) ?? []), ...versions]));
    }
    stats.receives++;
  }
}

export interface Stats {
  runs: number;
  receives: number;
  bundles: number;
  runsWithConflicts: number;
  conflicts: number;
  knownOverwrites: number;
  duplicatesRefused: number;
}
export const newStats = (): Stats => ({
  runs: 0,
  receives: 0,
  bundles: 0,
  runsWithConflicts: 0,
  conflicts: 0,
  knownOverwrites: 0,
  duplicatesRefused: 0,
});

export interface Outcome {
  replicas: ReplicaState[];
  bundles: SimBundle[];
  devices: SimDevice[];
}

export async function runScenario(scenario: Scenario, transport: Transport, stats: Stats): Promise<Outcome> {
  const devices = DEVICES.map((_, i) => new SimDevice(i, scenario.skews[i] ?? 0));
  const bundles: SimBundle[] = [];

  const exportFrom = async (device: SimDevice, records: Set<number>, seq: { from: number; to: number }) => {
    const changes: OutgoingChanges = { records: [], conflicts: [] };
    const model = new Map<string, ModelVersion[]>();
    for (const r of [...records].sort()) {
      const { table, id } = RECORDS[r]!;
      (changes.records as { table: string; record: StoredRecord }[]).push({
        table,
        record: device.record(r)!,
      });
      for (const c of device.conflicts(r)) (changes.conflicts as ConflictEntry[]).push({ ...c, table, id });
      for (const field of FIELDS) {
        const held = device.model.get(slot(r, field));
        if (held && held.length > 0) model.set(slot(r, field), frontier(held));
      }
    }
    const bundleId = uuid(100_000 + bundles.length);
    const sent = await transport.send(device.id, bundleId, seq, changes);
    bundles.push({ from: device.index, bundleId, seq, model, ...sent });
    stats.bundles++;
  };

  for (const op of scenario.ops) {
    const device = devices[op.dev]!;
    if (op.kind === 'edit' || op.kind === 'delete' || op.kind === 'restore') {
      device.wall += op.tick;
      const current = device.record(op.rec);
      if (op.kind === 'edit') {
        if (!current) {
          device.write(op.rec, { a: 0, b: 0, c: 0, [op.field]: op.value });
          continue;
        }
        assertSame(current[op.field], device.modelValue(op.rec, op.field), `${device.id} shows ${op.field}`);
        if (current[op.field] !== op.value) device.write(op.rec, { [op.field]: op.value });
      } else if (current) {
        assertSame(current.deletedAt, device.modelValue(op.rec, 'deletedAt'), `${device.id} shows deletedAt`);
        if (op.kind === 'delete' && current.deletedAt === null)
          device.write(op.rec, { deletedAt: iso(device.wall) });
        if (op.kind === 'restore' && current.deletedAt !== null) device.write(op.rec, { deletedAt: null });
      }
    } else if (op.kind === 'export') {
      if (device.dirty.size === 0) continue;
      await exportFrom(device, device.dirty, { from: device.lastExported + 1, to: device.seq });
      device.lastExported = device.seq;
      device.dirty.clear();
    } else if (op.kind === 'reexport') {
      if (device.touched.size === 0) continue;
      await exportFrom(device, device.touched, { from: 1, to: device.seq });
      device.lastExported = device.seq;
      device.dirty.clear();
    } else if (op.kind === 'receive') {
      const others = bundles.filter((b) => b.from !== op.dev);
      if (others.length > 0) device.receive(others[op.pick % others.length]!, stats);
    }
  }
  for (const device of devices) {
    if (device.dirty.size === 0) continue;
    await exportFrom(device, device.dirty, { from: device.lastExported + 1, to: device.seq });
    device.lastExported = device.seq;
    device.dirty.clear();
  }

  const replicas: ReplicaState[] = [];
  for (const delivery of scenario.deliveries) {
    const order = bundles
      .map((b, i) => ({ b, key: (delivery.keys[i % delivery.keys.length] ?? 0) * 1000 + i }))
      .sort((p, q) => p.key - q.key)
      .map((p) => p.b);
    for (const [which, where] of delivery.duplicates) {
      if (bundles.length > 0) order.splice(where % (order.length + 1), 0, bundles[which % bundles.length]!);
    }
    let state = emptyReplica();
    for (const bundle of order) {
      try {
        state = (await bundle.applyAtHq(state)).state;
      } catch (error) {
        if (!isSyncError(error, 'replayed')) throw error;
        stats.duplicatesRefused++;
      }
    }
    replicas.push(state);
  }
  stats.runs++;
  return { replicas, bundles, devices };
}

function assertSame(actual: unknown, expected: unknown, what: string) {
  if (canonicalJson(actual) !== canonicalJson(expected)) {
    throw new Error(`${what}: implementation ${canonicalJson(actual)}, model ${canonicalJson(expected)}`);
  }
}

/** A replica as plain sorted data, to compare replicas with one another. */
export function snapshot(state: ReplicaState): string {
  const sortedEntries = <V>(map: ReadonlyMap<string, V>) => [...map].sort(([a], [b]) => (a < b ? -1 : 1));
  return canonicalJson({
    records: sortedEntries(state.records).map(([t, m]) => [t, sortedEntries(m)]),
    conflicts: sortedEntries(state.conflicts).map(([t, m]) => [t, sortedEntries(m)]),
    applied: sortedEntries(state.applied).map(([d, m]) => [d, sortedEntries(m)]),
  });
}

/**
 * Judges a replica against the oracle: for every field, the versions no other version has seen
 * (by the true histories) must be exactly the replica's value and conflicts; nothing a bundle
 * carried may be missing unless a kept version's writer had seen it.
 */
export function checkAgainstOracle(state: ReplicaState, bundles: readonly SimBundle[], stats?: Stats): void {
  const carried = new Map<string, ModelVersion[]>();
  for (const bundle of bundles) {
    for (const [key, versions] of bundle.model) carried.set(key, [...(carried.get(key) ?? []), ...versions]);
  }
  const expectedRecords = new Set<number>();
  for (const key of carried.keys()) expectedRecords.add(Number(key.split('|')[0]));
  const total = [...state.records.values()].reduce((n, m) => n + m.size, 0);
  if (total !== expectedRecords.size)
    throw new Error(`replica has ${total} records, bundles carried ${expectedRecords.size}`);

  let conflictCount = 0;
  for (const r of expectedRecords) {
    const { table, id } = RECORDS[r]!;
    const record = state.records.get(table)?.get(id);
    if (!record) throw new Error(`record ${r} missing`);
    const kept = state.conflicts.get(table)?.get(id) ?? [];
    for (const field of FIELDS) {
      const all = carried.get(slot(r, field)) ?? [];
      const expected = frontier(all);
      const winner = winnerOf(expected);
      const keptHere = kept.filter((c) => c.field === field);
      if (!winner) {
        if (record.fieldHlc[field] !== undefined || (field === 'deletedAt' && record.deletedAt !== null)) {
          throw new Error(`${table}.${field} should be unstamped`);
        }
        continue;
      }
      assertSame(record.fieldHlc[field], winner.stamp, `${table} ${r} ${field} stamp`);
      assertSame(record[field], winner.value, `${table} ${r} ${field} value`);
      const expectedConflicts = expected.slice(0, -1).map((v) => [v.stamp, v.value]);
      assertSame(
        keptHere.map((c) => [c.stamp, c.value]),
        expectedConflicts,
        `${table} ${r} ${field} conflicts`,
      );
      conflictCount += keptHere.length;

      const present = [winner, ...expected.slice(0, -1)];
      const seenBy = (x: ModelVersion, by: readonly ModelVersion[]) =>
        by.some((y) => y.stamp === x.stamp || y.hist.has(x.stamp));
      for (const x of all) {
        // No acknowledged edit lost: every carried version is kept, or a kept version's writer had seen it.
        if (!seenBy(x, present)) throw new Error(`lost ${table}.${field} = ${String(x.value)} (${x.stamp})`);
        // Every value overwritten by a write that had not seen it is in the conflicts list (or was seen by a kept conflict).
        if (x.stamp !== winner.stamp && !winner.hist.has(x.stamp) && !seenBy(x, expected.slice(0, -1))) {
          throw new Error(`concurrent ${table}.${field} = ${String(x.value)} (${x.stamp}) not in conflicts`);
        }
        if (stats && x.stamp !== winner.stamp && winner.hist.has(x.stamp)) stats.knownOverwrites++;
      }
    }
  }
  if (stats) {
    stats.conflicts += conflictCount;
    if (conflictCount > 0) stats.runsWithConflicts++;
  }
}

/** A device's own replica must equal its model too (the merge runs on devices when they receive). */
export function checkDevices(devices: readonly SimDevice[]): void {
  for (const device of devices) {
    for (let r = 0; r < RECORDS.length; r++) {
      const record = device.record(r);
      if (!record) continue;
      for (const field of FIELDS) {
        const expected = frontier(device.model.get(slot(r, field)) ?? []);
        const winner = winnerOf(expected);
        if (!winner) continue;
        assertSame(
          [record.fieldHlc[field], record[field]],
          [winner.stamp, winner.value],
          `${device.id} ${r} ${field}`,
        );
        assertSame(
          device
            .conflicts(r)
            .filter((c) => c.field === field)
            .map((c) => c.stamp),
          expected.slice(0, -1).map((v) => v.stamp),
          `${device.id} ${r} ${field} conflicts`,
        );
      }
    }
  }
}
