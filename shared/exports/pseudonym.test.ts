import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPseudonymiser, PSEUDONYM_HEX_LENGTH, randomPseudonymKey } from './pseudonym';

const key = (fill: number) => new Uint8Array(32).fill(fill);

describe('pseudonyms for ids', () => {
  it('are the same for the same id under one key, and hex of fixed length', () => {
    const p = createPseudonymiser(key(1));
    const id = '11111111-2222-4333-8444-000000000010';
    expect(p(id)).toBe(p(id));
    expect(p(id)).toMatch(new RegExp(`^[0-9a-f]{${PSEUDONYM_HEX_LENGTH}}$`));
    expect(p(id)).not.toContain(id.slice(0, 8));
  });

  it('depend on the key: another export gives the same record another pseudonym', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        expect(createPseudonymiser(key(1))(id)).not.toBe(createPseudonymiser(key(2))(id));
      }),
    );
    expect(randomPseudonymKey()).not.toEqual(randomPseudonymKey());
  });

  it('do not collide for distinct ids', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { minLength: 2, maxLength: 200 }), (ids) => {
        const p = createPseudonymiser(randomPseudonymKey());
        expect(new Set(ids.map(p)).size).toBe(ids.length);
      }),
    );
  });

  it('are the keyed HMAC, not a plain hash of the id', () => {
    // HMAC-SHA-256(key = 32 × 0x01, "a"), truncated: computed independently with Node's crypto.
    expect(createPseudonymiser(key(1))('a')).toBe('8fed454e4af2e38d7a0c');
  });

  it('refuse a short key', () => {
    expect(() => createPseudonymiser(new Uint8Array(8))).toThrow();
  });

  it('keep working after the caller wipes its key', () => {
    const k = key(3);
    const p = createPseudonymiser(k);
    const before = p('x');
    k.fill(0);
    expect(createPseudonymiser(key(3))('y')).toBe(p('y'));
    expect(p('x')).toBe(before);
  });
});
