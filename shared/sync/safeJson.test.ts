import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SyncError } from './errors';
import { safeJsonParse, safeJsonParseBytes } from './safeJson';

const limits = { maxLength: 10_000, maxDepth: 8, maxStringLength: 100 };

function reason(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof SyncError) return error.reason;
    throw error;
  }
  return 'accepted';
}

describe('safeJsonParse', () => {
  it('parses ordinary JSON', () => {
    expect(safeJsonParse('{"a":[1,"x",{"b":null}],"c":true}', limits)).toEqual({
      a: [1, 'x', { b: null }],
      c: true,
    });
  });

  it('refuses nesting deeper than the limit before building anything', () => {
    expect(safeJsonParse('[[[[[[[[1]]]]]]]]', limits)).toBeDefined();
    expect(reason(() => safeJsonParse('[[[[[[[[[1]]]]]]]]]', limits))).toBe('hostile-content');
    expect(
      reason(() =>
        safeJsonParse('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000), { ...limits, maxLength: 1e7 }),
      ),
    ).toBe('hostile-content');
  });

  it('does not count brackets inside strings as nesting', () => {
    expect(safeJsonParse(`["${'['.repeat(50)}"]`, limits)).toEqual(['['.repeat(50)]);
  });

  it('refuses a string over the limit, escapes counted as written', () => {
    expect(safeJsonParse(`"${'x'.repeat(100)}"`, limits)).toHaveLength(100);
    expect(reason(() => safeJsonParse(`"${'x'.repeat(101)}"`, limits))).toBe('hostile-content');
    expect(reason(() => safeJsonParse(`{"${'k'.repeat(101)}":1}`, limits))).toBe('hostile-content');
    expect(safeJsonParse(`"a\\"b"`, limits)).toBe('a"b');
  });

  it.each(['__proto__', 'constructor', 'prototype', '__pro\\u0074o__'])(
    'refuses the key %s at any depth',
    (key) => {
      expect(reason(() => safeJsonParse(`{"${key}":{"polluted":true}}`, limits))).toBe('hostile-content');
      expect(reason(() => safeJsonParse(`[{"ok":{"${key}":1}}]`, limits))).toBe('hostile-content');
    },
  );

  it('shows why: JSON.parse keeps __proto__ as a key that a later Object.assign turns into a prototype', () => {
    const parsed = JSON.parse('{"__proto__":{"isAdmin":true}}') as object;
    const target: { isAdmin?: boolean } = {};
    Object.assign(target, parsed);
    expect(target.isAdmin).toBe(true); // inherited: the prototype was replaced
    expect(reason(() => safeJsonParse('{"__proto__":{"isAdmin":true}}', limits))).toBe('hostile-content');
  });

  it('refuses numbers JSON cannot represent', () => {
    expect(reason(() => safeJsonParse('[1e400]', limits))).toBe('hostile-content');
    expect(reason(() => safeJsonParse('{"a":-1e999}', limits))).toBe('hostile-content');
  });

  it('refuses text over the size limit and invalid JSON with typed errors', () => {
    expect(reason(() => safeJsonParse(' '.repeat(10_001), limits))).toBe('too-large');
    expect(reason(() => safeJsonParse('{"a":', limits))).toBe('corrupt');
    expect(reason(() => safeJsonParse('', limits))).toBe('corrupt');
    expect(reason(() => safeJsonParse("{'a':1}", limits))).toBe('corrupt');
  });

  it('refuses invalid UTF-8 instead of replacing it', () => {
    expect(safeJsonParseBytes(new TextEncoder().encode('"é"'), limits)).toBe('é');
    expect(reason(() => safeJsonParseBytes(new Uint8Array([0x22, 0xc3, 0x22]), limits))).toBe('corrupt');
  });

  it('accepts and refuses what a JSON.parse reviver with the same checks would, with the same first error', () => {
    const reviverParse = (text: string): unknown =>
      JSON.parse(text, (key: string, value: unknown) => {
        if (['__proto__', 'constructor', 'prototype'].includes(key))
          throw new SyncError('hostile-content', `The key "${key}" is not allowed`);
        if (typeof value === 'number' && !Number.isFinite(value))
          throw new SyncError('hostile-content', 'A number is too large to represent');
        return value;
      });
    const outcome = (parse: () => unknown) => {
      try {
        return { value: parse() };
      } catch (error) {
        return { error: (error as Error).message };
      }
    };
    const key = fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.constantFrom('__proto__', 'constructor', 'prototype'),
    );
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 4 })),
        fc.array(tie('tree'), { maxLength: 3 }),
        fc.array(fc.tuple(key, tie('tree')), { maxLength: 3 }),
      ),
    }));
    // Objects as key–value lists written by hand, so forbidden keys and 1e400 reach the text.
    const write = (value: unknown): string => {
      if (
        Array.isArray(value) &&
        value.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string')
      )
        return `{${value.map(([k, v]) => `${JSON.stringify(k)}:${write(v)}`).join(',')}}`;
      if (Array.isArray(value)) return `[${value.map(write).join(',')}]`;
      if (value === 7) return '1e400';
      return JSON.stringify(value);
    };
    const wide = { maxLength: 1e6, maxDepth: 64, maxStringLength: 1000 };
    fc.assert(
      fc.property(tree, (value) => {
        const text = write(value);
        const expected = outcome(() => reviverParse(text));
        const actual = outcome(() => safeJsonParse(text, wide));
        expect(actual).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
