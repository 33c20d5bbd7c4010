import { describe, expect, it } from 'vitest';
import { concatBytes } from './encoding';
import { decodeValue, encodeValue } from './valueCodec';

describe('valueCodec', () => {
  it('stores bytes raw rather than as base64', () => {
    const photo = new Uint8Array(30_000).fill(7);
    const encoded = encodeValue({ photo });
    expect(encoded.length).toBeLessThan(30_100);
    expect(decodeValue(encoded)).toEqual({ photo });
  });

  it('keeps keys that look like its own markers, and __proto__, as ordinary keys', () => {
    const tricky = JSON.parse(
      '{"$bytes":0,"$$x":[{"$bytes":"no"}],"__proto__":{"polluted":true},"a":{"$":1}}',
    ) as unknown;
    const back = decodeValue(encodeValue(tricky));
    expect(back).toEqual(tricky);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('drops undefined properties as JSON does', () => {
    expect(decodeValue(encodeValue({ a: 1, b: undefined }))).toEqual({ a: 1 });
  });

  it('refuses truncated input, trailing data and dangling references', () => {
    const encoded = encodeValue({ name: 'Arta', photo: new Uint8Array([1, 2, 3]) });
    for (let cut = 0; cut < encoded.length; cut++) {
      expect(() => decodeValue(encoded.subarray(0, cut))).toThrow(
        expect.objectContaining({ code: 'invalid-envelope' }),
      );
    }
    expect(decodeValue(concatBytes(encoded, new Uint8Array(10)))).toEqual({
      name: 'Arta',
      photo: new Uint8Array([1, 2, 3]),
    });
    expect(() => decodeValue(concatBytes(encoded, new Uint8Array([0, 1])))).toThrow(
      expect.objectContaining({ code: 'invalid-envelope' }),
    );
    const dangling = encodeValue({ $bytes: 5 });
    // Turn the escaped key "$$bytes" into the marker, pointing at a blob that does not exist (same length).
    const text = new TextDecoder().decode(dangling).replace('{"$$bytes":5}', '{"$bytes":5} ');
    expect(() => decodeValue(new TextEncoder().encode(text))).toThrow(
      expect.objectContaining({ code: 'invalid-envelope', message: 'Dangling bytes reference' }),
    );
  });

  it('refuses values it cannot return unchanged', () => {
    const sparse: unknown[] = [];
    sparse[1] = 1;
    for (const bad of [new Date(0), Infinity, new Set([1]), () => 1, 10n, sparse, Symbol('x')]) {
      expect(() => encodeValue({ bad })).toThrow(expect.objectContaining({ code: 'unsupported-value' }));
    }
  });
});
