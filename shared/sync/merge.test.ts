import { describe, expect, it } from 'vitest';
import { isSyncError } from './errors';
import { SEED_STAMP, stampChanges, type StoredRecord } from './fieldVersions';
import {
  applyBundle,
  coveredRanges,
  emptyReplica,
  isDisagreement,
  listConflicts,
  mergeRecord,
  type BundleContent,
} from './merge';
import { iso, record, stamp, uuid } from './testing/syncTestKit';

/** A local edit as recordStore will make it. */
function edit(current: StoredRecord, changes: Record<string, unknown>, s: string): StoredRecord {
  const { fieldHlc, fieldBase } = stampChanges(current, Object.keys(changes), s);
  return {
    ...current,
    ...changes,
    hlc: s,
    updatedAt: iso(Number(s.slice(0, 15))),
    fieldHlc,
    fieldBase,
    deviceId: s.slice(23),
  };
}

const created = record({ name: 'Berisha', size: 4, village: 'Gračanica' }, stamp(1000, 'dev-a'));

describe('mergeRecord', () => {
  it('takes a new record as it is', () => {
    const { next, conflicts, changed } = mergeRecord(undefined, created);
    expect(next).toEqual({ ...created, fieldBase: {} });
    expect(conflicts).toEqual([]);
    expect(changed).toBe(true);
  });

  it('merges edits of different fields from two devices without conflict', () => {
    const onA = edit(created, { name: 'Berisha-Krasniqi' }, stamp(2000, 'dev-a'));
    const onB = edit(created, { size: 5 }, stamp(2100, 'dev-b'));
    const ab = mergeRecord(mergeRecord(undefined, onA).next, onB);
    const ba = mergeRecord(mergeRecord(undefined, onB).next, onA);
    expect(ab.next).toEqual(ba.next);
    expect(ab.next).toMatchObject({
      name: 'Berisha-Krasniqi',
      size: 5,
      village: 'Gračanica',
      hlc: stamp(2100, 'dev-b'),
      deviceId: 'dev-b',
    });
    expect(ab.conflicts).toEqual([]);
  });

  it('an overwrite of a value the writer had seen is not a conflict', () => {
    const onA = edit(created, { size: 5 }, stamp(2000, 'dev-a'));
    const onB = edit(onA, { size: 6 }, stamp(3000, 'dev-b')); // B received A's edit first
    expect(onB.fieldBase).toEqual({ size: [stamp(2000, 'dev-a')] });
    const hq = mergeRecord(mergeRecord(undefined, onB).next, onA);
    expect(hq.next.size).toBe(6);
    expect(hq.conflicts).toEqual([]);
    expect(hq.changed).toBe(false);
  });

  it('concurrent edits of one field: the newer stamp wins and the other value is kept as a conflict', () => {
    const onA = edit(created, { size: 5 }, stamp(2000, 'dev-a'));
    const onB = edit(created, { size: 7 }, stamp(1900, 'dev-b'));
    for (const [first, second] of [
      [onA, onB],
      [onB, onA],
    ] as const) {
      const { next, conflicts } = mergeRecord(mergeRecord(undefined, first).next, second);
      expect(next.size).toBe(5);
      expect(next.fieldHlc.size).toBe(stamp(2000, 'dev-a'));
      expect(conflicts).toEqual([
        { field: 'size', stamp: stamp(1900, 'dev-b'), value: 7, base: [created.hlc] },
      ]);
    }
  });

  it('equal wall time and counter: the whole stamp, device included, breaks the tie', () => {
    const onA = edit(created, { size: 5 }, stamp(2000, 'dev-a'));
    const onB = edit(created, { size: 7 }, stamp(2000, 'dev-b'));
    expect(mergeRecord(onA, onB).next.size).toBe(7);
    expect(mergeRecord(onB, onA).next.size).toBe(7);
  });

  it('is unchanged when conflict rows carry extra columns, as database rows do', () => {
    const onA = edit(created, { size: 5 }, stamp(2000, 'dev-a'));
    const onB = edit(created, { size: 7 }, stamp(1900, 'dev-b'));
    const hq = mergeRecord(mergeRecord(undefined, onA).next, onB);
    const rows = hq.conflicts.map((c) => ({ ...c, table: 'households', id: created.id, key: 'x' }));
    expect(mergeRecord(hq.next, onB, { local: rows }).changed).toBe(false);
  });

  it('a later write that saw the conflict resolves it', () => {
    const onA = edit(created, { size: 5 }, stamp(2000, 'dev-a'));
    const onB = edit(created, { size: 7 }, stamp(1900, 'dev-b'));
    const hq = mergeRecord(mergeRecord(undefined, onA).next, onB);
    const resolvedStamps = stampChanges(hq.next, ['size'], stamp(3000, 'hq'), hq.conflicts);
    expect(resolvedStamps.fieldBase.size).toEqual([stamp(2000, 'dev-a'), stamp(1900, 'dev-b')].sort());
    const resolved = {
      ...hq.next,
      size: 6,
      hlc: stamp(3000, 'hq'),
      fieldHlc: resolvedStamps.fieldHlc,
      fieldBase: resolvedStamps.fieldBase,
    };
    const again = mergeRecord(hq.next, resolved, { local: hq.conflicts });
    expect(again.next.size).toBe(6);
    expect(again.conflicts).toEqual([]);
    // The losing device's version arriving late changes nothing either.
    expect(mergeRecord(again.next, onB).conflicts).toEqual([]);
  });

  it('deletion is a tombstone field: edits of other fields survive it, restoration brings them back', () => {
    const deleted = edit(created, { deletedAt: iso(2000) }, stamp(2000, 'dev-a'));
    const renamed = edit(created, { name: 'Gashi' }, stamp(2100, 'dev-b'));
    const merged = mergeRecord(mergeRecord(undefined, renamed).next, deleted).next;
    expect(merged.deletedAt).toBe(iso(2000));
    expect(merged.name).toBe('Gashi');
    const restored = edit(deleted, { deletedAt: null }, stamp(3000, 'dev-a'));
    expect(mergeRecord(merged, restored).next).toMatchObject({ deletedAt: null, name: 'Gashi' });
  });

  it('concurrent delete and restore is a conflict on deletedAt; two deletions are not a disagreement', () => {
    const deletedA = edit(created, { deletedAt: iso(2000) }, stamp(2000, 'dev-a'));
    const deletedB = edit(created, { deletedAt: iso(2050) }, stamp(2050, 'dev-b'));
    const both = mergeRecord(deletedA, deletedB);
    expect(both.conflicts).toHaveLength(1);
    expect(isDisagreement(both.conflicts[0]!, both.next.deletedAt)).toBe(false);
    const restoredA = edit(deletedA, { deletedAt: null }, stamp(2100, 'dev-a'));
    const mixed = mergeRecord(deletedB, restoredA);
    expect(mixed.next.deletedAt).toBeNull();
    expect(isDisagreement(mixed.conflicts[0]!, mixed.next.deletedAt)).toBe(true);
  });

  it('unstamped fields come from the side with the latest hlc, then derive recomputes them', () => {
    const withTokens = { ...created, tokens: 'berisha' };
    const renamed = { ...edit(created, { name: 'Gashi' }, stamp(2000, 'dev-b')), tokens: 'gashi-stale' };
    const derive = (r: StoredRecord) => ({ tokens: String(r.name).toLowerCase() });
    expect(mergeRecord(withTokens, renamed).next.tokens).toBe('gashi-stale');
    expect(mergeRecord(withTokens, renamed, {}, { derive }).next.tokens).toBe('gashi');
  });

  it('keeps the earliest createdAt and the latest hlc', () => {
    const later = { ...edit(created, { size: 9 }, stamp(5000, 'dev-b')), createdAt: iso(999) };
    const merged = mergeRecord(created, later).next;
    expect(merged.createdAt).toBe(iso(999));
    expect(merged.hlc).toBe(stamp(5000, 'dev-b'));
  });

  it('seeds created on every device with the seed stamp are one version, not a conflict per device', () => {
    const seed = record({ name: 'Legal aid NGO' }, SEED_STAMP, { id: uuid(7), deviceId: 'dev-a' });
    const sameSeedOnB = { ...seed, deviceId: 'dev-b' };
    expect(mergeRecord(seed, sameSeedOnB).conflicts).toEqual([]);
    const renamed = edit(sameSeedOnB, { name: 'Legal aid NGO (Prizren)' }, stamp(2000, 'dev-b'));
    expect(renamed.fieldBase).toEqual({ name: [SEED_STAMP] });
    expect(mergeRecord(seed, renamed)).toMatchObject({
      conflicts: [],
      next: { name: 'Legal aid NGO (Prizren)' },
    });
  });

  it('refuses to merge two different records', () => {
    expect(() => mergeRecord(created, { ...created, id: uuid(2) })).toThrow();
  });
});

const bundle = (
  id: number,
  records: StoredRecord[],
  seq = { from: id, to: id },
  blobs = new Map<string, Uint8Array>(),
): BundleContent => ({
  bundleId: uuid(9000 + id),
  deviceId: 'dev-a',
  seq,
  records: records.map((r) => ({ table: 'households', record: r })),
  conflicts: [],
  blobs,
});

describe('applyBundle', () => {
  it('merges into a new replica and leaves the old one as it was', () => {
    const empty = emptyReplica();
    const { state, report } = applyBundle(empty, bundle(1, [created]));
    expect(empty.records.size).toBe(0);
    expect(state.records.get('households')?.get(created.id)?.name).toBe('Berisha');
    expect(report).toMatchObject({ inserted: 1, updated: 0, unchanged: 0, maxStamp: created.hlc });
  });

  it('refuses the same bundle twice, with no change', () => {
    const { state } = applyBundle(emptyReplica(), bundle(1, [created]));
    let error: unknown;
    try {
      applyBundle(state, bundle(1, [created]));
    } catch (e) {
      error = e;
    }
    expect(isSyncError(error, 'replayed')).toBe(true);
  });

  it('counts a bundle that brings nothing new as unchanged', () => {
    const { state } = applyBundle(emptyReplica(), bundle(1, [created]));
    expect(applyBundle(state, bundle(2, [created])).report).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 1,
    });
  });

  it('lists new conflicts and stores each attachment once', () => {
    const onA = edit(created, { size: 5 }, stamp(2000, 'dev-a'));
    const onB = edit(created, { size: 7 }, stamp(1900, 'dev-b'));
    const bytes = new Uint8Array([1, 2, 3]);
    const first = applyBundle(emptyReplica(), bundle(1, [onA], undefined, new Map([['h', bytes]])));
    const second = applyBundle(
      first.state,
      bundle(2, [onB], undefined, new Map([['h', new Uint8Array([1, 2, 3])]])),
    );
    expect(second.report.newConflicts).toEqual([
      {
        table: 'households',
        id: created.id,
        field: 'size',
        stamp: stamp(1900, 'dev-b'),
        value: 7,
        base: [created.hlc],
      },
    ]);
    expect(listConflicts(second.state)).toEqual(second.report.newConflicts);
    expect(second.state.blobs.get('h')).toBe(bytes);
  });

  it('leaves no empty conflicts table once the last conflict is resolved: the replica equals one that never had it', () => {
    const onA = edit(created, { size: 5 }, stamp(2000, 'dev-a'));
    const onB = edit(created, { size: 7 }, stamp(1900, 'dev-b'));
    // A write that has seen both resolves the conflict.
    const resolved = edit(onA, { size: 6 }, stamp(2100, 'dev-a'));
    resolved.fieldBase = { ...resolved.fieldBase, size: [stamp(1900, 'dev-b')] };
    let withConflict = applyBundle(emptyReplica(), bundle(1, [onA])).state;
    withConflict = applyBundle(withConflict, bundle(2, [onB])).state;
    expect(listConflicts(withConflict)).toHaveLength(1);
    const after = applyBundle(withConflict, bundle(3, [resolved])).state;
    expect(listConflicts(after)).toEqual([]);
    expect(after.conflicts.has('households')).toBe(false);

    let other = applyBundle(emptyReplica(), bundle(3, [resolved])).state;
    other = applyBundle(other, bundle(2, [onB])).state;
    other = applyBundle(other, bundle(1, [onA])).state;
    expect([...other.conflicts]).toEqual([...after.conflicts]);
    expect(other.records).toEqual(after.records);
  });

  it('tracks the sequence ranges each device has delivered', () => {
    let state = emptyReplica();
    for (const [n, seq] of [
      [1, { from: 1, to: 3 }],
      [2, { from: 7, to: 9 }],
      [3, { from: 4, to: 6 }],
      [4, { from: 12, to: 12 }],
    ] as const) {
      state = applyBundle(state, bundle(n, [created], seq)).state;
    }
    expect(coveredRanges(state, 'dev-a')).toEqual([
      { from: 1, to: 9 },
      { from: 12, to: 12 },
    ]);
  });

  it('reports merged records the caller finds invalid without refusing them', () => {
    const { report } = applyBundle(emptyReplica(), bundle(1, [created]), {
      validateMerged: () => 'end before start',
    });
    expect(report.invalidAfterMerge).toEqual([
      { table: 'households', id: created.id, message: 'end before start' },
    ]);
  });
});
