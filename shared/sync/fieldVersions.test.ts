import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  areConcurrent,
  baseFor,
  happenedBefore,
  isCanonicalBase,
  mergeVersions,
  stampChanges,
  type FieldVersion,
} from './fieldVersions';
import { stamp } from './testing/syncTestKit';

const v = (s: string, value: unknown, base: string[] = []): FieldVersion => ({ stamp: s, value, base });

describe('causal order of field versions', () => {
  const a1 = v(stamp(1000, 'dev-a'), 'a1');
  const a2 = v(stamp(2000, 'dev-a'), 'a2');
  const b1 = v(stamp(1500, 'dev-b'), 'b1');
  const b2 = v(stamp(2500, 'dev-b'), 'b2', [a1.stamp]);

  it("a device's later write follows its earlier ones", () => {
    expect(happenedBefore(a1, a2)).toBe(true);
    expect(happenedBefore(a2, a1)).toBe(false);
  });

  it("a write whose base names another device's stamp follows it, and all before it", () => {
    expect(happenedBefore(a1, b2)).toBe(true);
    expect(happenedBefore(b1, b2)).toBe(true);
    expect(areConcurrent(a2, b2)).toBe(true);
    expect(areConcurrent(a1, b1)).toBe(true);
  });

  it('the newest of the concurrent frontier wins; what it overwrote knowingly disappears', () => {
    expect(mergeVersions([a1, b2])).toEqual({ winner: b2, conflicts: [] });
    expect(mergeVersions([a1, a2, b1, b2])).toEqual({ winner: b2, conflicts: [a2] });
    expect(mergeVersions([])).toEqual({ winner: undefined, conflicts: [] });
  });

  it('the same stamp twice is one version; differing contents are settled the same way on every replica', () => {
    const twin = v(a1.stamp, 'other');
    expect(mergeVersions([a1, twin])).toEqual(mergeVersions([twin, a1]));
    expect(mergeVersions([a1, a1]).winner).toBe(a1);
  });

  it('a base is sorted, one stamp per other device', () => {
    expect(baseFor([b2, a2], 'dev-c')).toEqual([a2.stamp, b2.stamp]);
    expect(baseFor([b2, a2], 'dev-a')).toEqual([b2.stamp]);
    expect(isCanonicalBase([a1.stamp, b1.stamp], stamp(3000, 'dev-c'))).toBe(true);
    expect(isCanonicalBase([b1.stamp, a1.stamp], stamp(3000, 'dev-c'))).toBe(false);
    expect(isCanonicalBase([a1.stamp, a2.stamp], stamp(3000, 'dev-c'))).toBe(false);
    expect(isCanonicalBase([a1.stamp], stamp(3000, 'dev-a'))).toBe(false);
    expect(isCanonicalBase(['nonsense'], stamp(3000, 'dev-a'))).toBe(false);
  });
});

describe('stampChanges (what recordStore writes)', () => {
  it('a create stamps every field with an empty base', () => {
    const s = stamp(1000, 'dev-a');
    expect(stampChanges(undefined, ['name', 'size'], s)).toEqual({
      fieldHlc: { name: s, size: s },
      fieldBase: {},
      remainingConflicts: [],
    });
  });

  it("overwriting another device's value records its stamp as the base; the device's own chain needs none", () => {
    const b = stamp(1000, 'dev-b');
    const a = stamp(2000, 'dev-a');
    const first = stampChanges({ fieldHlc: { name: b, size: b } }, ['name'], a);
    expect(first.fieldHlc).toEqual({ name: a, size: b });
    expect(first.fieldBase).toEqual({ name: [b] });
    const a2 = stamp(3000, 'dev-a');
    expect(stampChanges(first, ['name'], a2).fieldBase).toEqual({ name: [b] });
  });

  it('a write covers the conflicts its device keeps for that field, and keeps the others', () => {
    const b = stamp(1000, 'dev-b');
    const c = stamp(1100, 'dev-c');
    const conflicts = [
      { field: 'name', stamp: b, value: 'B', base: [] },
      { field: 'size', stamp: b, value: 2, base: [] },
    ];
    const result = stampChanges(
      { fieldHlc: { name: c, size: c } },
      ['name'],
      stamp(2000, 'dev-a'),
      conflicts,
    );
    expect(result.fieldBase).toEqual({ name: [b, c] });
    expect(result.remainingConflicts).toEqual([conflicts[1]]);
  });

  it('refuses bookkeeping keys and malformed stamps', () => {
    expect(() => stampChanges(undefined, ['hlc'], stamp(1, 'dev-a'))).toThrow();
    expect(() => stampChanges(undefined, ['x'], 'yesterday')).toThrow();
  });
});

/** Random histories of one field on three devices that write and exchange what they hold. */
const historyArb = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('write' as const), dev: fc.nat(2), value: fc.nat(3) }),
    fc.record({ kind: fc.constant('sync' as const), from: fc.nat(2), to: fc.nat(2) }),
  ),
  { maxLength: 25 },
);

function runHistory(history: { kind: string; dev?: number; value?: number; from?: number; to?: number }[]) {
  const devices = ['dev-a', 'dev-b', 'dev-c'];
  const held: FieldVersion[][] = [[], [], []];
  const all: FieldVersion[] = [];
  let wall = 1000;
  for (const step of history) {
    wall += 1;
    if (step.kind === 'write') {
      const dev = step.dev!;
      const s = stamp(wall, devices[dev]!);
      const version = v(s, step.value, baseFor(held[dev]!, devices[dev]!));
      held[dev] = [version];
      all.push(version);
    } else {
      const merged = mergeVersions([...held[step.from!]!, ...held[step.to!]!]);
      held[step.to!] = merged.winner ? [...merged.conflicts, merged.winner] : [];
    }
  }
  return all;
}

describe('mergeVersions is a join', () => {
  it('gives the same result whatever the order and grouping, and merging twice changes nothing', () => {
    fc.assert(
      fc.property(historyArb, fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), (history, keys) => {
        const all = runHistory(history);
        const once = mergeVersions(all);
        const shuffled = all
          .map((x, i) => [keys[i % keys.length]! + i / 1000, x] as const)
          .sort((p, q) => p[0] - q[0])
          .map((p) => p[1]);
        let acc: FieldVersion[] = [];
        for (const x of shuffled) {
          const step = mergeVersions([...acc, x, x]);
          acc = step.winner ? [...step.conflicts, step.winner] : [];
        }
        const folded = mergeVersions(acc);
        expect(folded).toEqual(once);
        expect(mergeVersions([...acc, ...acc])).toEqual(once);
      }),
      { numRuns: 500 },
    );
  });
});
