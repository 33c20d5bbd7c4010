import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteReader, fromBase64, toBase64, toHex } from './bytes';
import { SyncError } from './errors';

describe('bytes', () => {
  it('base64 matches Node and round-trips', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = toBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(fromBase64(text)).toEqual(new Uint8Array(bytes));
      }),
    );
  });

  it('refuses non-canonical base64', () => {
    for (const bad of ['A', 'AB=', 'A===', 'QQ=Q', 'QR==', ' QQ==', 'QQ==\n']) {
      expect(() => fromBase64(bad)).toThrow(SyncError);
    }
  });

  it('hex', () => {
    expect(toHex(new Uint8Array([0, 15, 255]))).toBe('000fff');
  });

  it('the reader refuses to read past the end', () => {
    const reader = new ByteReader(new Uint8Array([0, 0, 0, 5, 1, 2]), 'thing');
    expect(reader.u32('length')).toBe(5);
    expect(() => reader.take(5, 'body')).toThrow(/truncated: The thing ends inside its body/);
  });
});
