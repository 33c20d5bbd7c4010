import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex, utf8 } from './encoding';
import { encodeValue } from './valueCodec';
import { isVaultError } from './errors';
import { decryptFields, encryptFields, paddedLength, type FieldEnvelope } from './fieldCipher';

const newKey = () => crypto.getRandomValues(new Uint8Array(32));
const failsWith = (code: string) => (error: unknown) => isVaultError(error) && error.code === code;

const person = {
  id: '7b0d7c4e-3c1e-4a8e-9d61-0b7f3e2a9c10',
  updatedAt: '2025-03-12T09:00:00.000Z',
  householdId: 'a1f1d2c3-0000-4000-8000-000000000001',
  nameTags: ['tagA', 'tagB'],
  fullName: 'Đorđe Petrović',
  dateOfBirth: '1984-05-17',
  phone: '+383 44 123 456',
  notes: 'Lost documents during displacement; needs legal aid.',
  photo: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3]),
  answers: { q1: ['a', 'b'], q2: { score: 3, skipped: false, comment: null } },
};
const sensitive = ['fullName', 'dateOfBirth', 'phone', 'notes', 'photo', 'answers'] as const;

function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  return toHex(haystack).includes(toHex(needle));
}

describe('encryptFields / decryptFields', () => {
  it('round-trips a record, bytes included, and leaves plain fields in place', async () => {
    const key = await newKey();
    const stored = await encryptFields(person, sensitive, key);
    expect(Object.keys(stored).sort()).toEqual(['enc', 'householdId', 'id', 'nameTags', 'updatedAt']);
    const back = await decryptFields(stored, key);
    expect(back).toEqual(person);
    expect(back.photo).toBeInstanceOf(Uint8Array);
  });

  it('writes no sensitive value in the clear, even through structured clone', async () => {
    const stored = structuredClone(await encryptFields(person, sensitive, await newKey()));
    const everything = utf8(
      JSON.stringify(stored, (_k, v: unknown) => (v instanceof Uint8Array ? toHex(v) : v)),
    );
    for (const secret of ['Petrovi', 'Đorđe', '1984-05-17', '123 456', 'legal aid']) {
      expect(JSON.stringify(stored)).not.toContain(secret);
      expect(containsBytes(stored.enc.ct, utf8(secret))).toBe(false);
    }
    expect(containsBytes(everything, person.photo)).toBe(false);
  });

  it('uses a fresh IV on every write', async () => {
    const key = await newKey();
    const a = await encryptFields(person, sensitive, key);
    const b = await encryptFields(person, sensitive, key);
    expect(toHex(a.enc.iv)).not.toBe(toHex(b.enc.iv));
    expect(toHex(a.enc.ct)).not.toBe(toHex(b.enc.ct));
  });

  it('refuses any flipped bit in the IV or the ciphertext', async () => {
    const key = await newKey();
    const stored = await encryptFields(person, sensitive, key);
    const total = stored.enc.iv.length + stored.enc.ct.length;
    await fc.assert(
      fc.asyncProperty(fc.nat(total - 1), fc.integer({ min: 0, max: 7 }), async (index, bit) => {
        const enc: FieldEnvelope = { ...stored.enc, iv: stored.enc.iv.slice(), ct: stored.enc.ct.slice() };
        const target = index < enc.iv.length ? enc.iv : enc.ct;
        const at = index < enc.iv.length ? index : index - enc.iv.length;
        target[at]! ^= 1 << bit;
        await expect(async () => decryptFields({ ...stored, enc }, key)).rejects.toSatisfy(
          failsWith('decryption-failed'),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('refuses an envelope moved to another record, a wrong key, or a wrong associated data', async () => {
    const key = await newKey();
    const stored = await encryptFields(person, sensitive, key);
    const moved = { ...stored, id: '7b0d7c4e-3c1e-4a8e-9d61-0b7f3e2a9c11' };
    await expect(async () => decryptFields(moved, key)).rejects.toSatisfy(failsWith('decryption-failed'));
    await expect(async () => decryptFields(stored, await newKey())).rejects.toSatisfy(
      failsWith('decryption-failed'),
    );
    const scoped = await encryptFields(person, sensitive, key, { aad: `person:${person.id}` });
    expect(await decryptFields(scoped, key, { aad: `person:${person.id}` })).toEqual(person);
    await expect(async () => decryptFields(scoped, key, { aad: `household:${person.id}` })).rejects.toSatisfy(
      failsWith('decryption-failed'),
    );
    await expect(async () => decryptFields(scoped, key)).rejects.toSatisfy(failsWith('decryption-failed'));
  });

  it('refuses a malformed envelope before decrypting', async () => {
    const key = await newKey();
    const stored = await encryptFields(person, sensitive, key);
    const bad: unknown[] = [
      undefined,
      { ...stored.enc, v: 3 },
      // A v2 nonce under the v1 (AES-GCM) label, and a short nonce.
      { ...stored.enc, v: 1 },
      { ...stored.enc, iv: stored.enc.iv.slice(0, 23) },
      { ...stored.enc, ct: stored.enc.ct.slice(0, 15) },
      { ...stored.enc, ct: Array.from(stored.enc.ct) },
    ];
    for (const enc of bad) {
      // @ts-expect-error: a record read from disk may hold anything
      await expect(async () => decryptFields({ ...stored, enc }, key)).rejects.toSatisfy(
        failsWith('invalid-envelope'),
      );
    }
  });

  it('refuses to encrypt twice, to encrypt the id, and values JSON would change', async () => {
    const key = await newKey();
    const stored = await encryptFields(person, sensitive, key);
    await expect(async () => encryptFields(stored, ['householdId'], key)).rejects.toSatisfy(
      failsWith('already-encrypted'),
    );
    // @ts-expect-error: the type already forbids it
    await expect(async () => encryptFields(person, ['id'], key)).rejects.toSatisfy(
      failsWith('unsupported-value'),
    );
    for (const value of [new Date(), Number.NaN, new Map(), [1, undefined]]) {
      await expect(async () => encryptFields({ id: 'x', value }, ['value'], key)).rejects.toSatisfy(
        failsWith('unsupported-value'),
      );
    }
  });

  it('hides the exact length of short values', async () => {
    const key = await newKey();
    const a = await encryptFields({ id: 'x', name: 'Ana' }, ['name'], key);
    const b = await encryptFields({ id: 'x', name: 'Anastasija Đorđević' }, ['name'], key);
    expect(a.enc.ct.length).toBe(b.enc.ct.length);
  });

  it('pads within 12.5 % above 64 bytes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000_000 }), (n) => {
        const padded = paddedLength(n);
        expect(padded).toBeGreaterThanOrEqual(n);
        expect(padded).toBeLessThanOrEqual(Math.max(64, n * 1.125));
      }),
    );
  });
});

/** JSON-like values plus byte arrays, without -0 (JSON reads it back as 0) or undefined. */
const value = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.string(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
    fc.uint8Array({ maxLength: 64 }),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('node'), { maxKeys: 4 }),
  ),
})).node;

describe('round trip for arbitrary records', () => {
  it('gets back exactly what was encrypted', async () => {
    const key = await newKey();
    await fc.assert(
      fc.asyncProperty(
        fc.uuid(),
        fc.dictionary(
          fc.string().filter((k) => k !== 'id' && k !== 'enc'),
          value,
          { maxKeys: 6 },
        ),
        fc.nat(),
        async (id, fields, pick) => {
          const record: Record<string, unknown> & { id: string } = { ...fields, id };
          const keys = Object.keys(fields).filter((_k, i) => (pick >> i) & 1);
          const stored = await encryptFields(record, keys, key);
          expect(await decryptFields(stored, key)).toEqual(record);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('envelope versions', () => {
  it('seals version 2: XChaCha20-Poly1305 with a 24-byte nonce', () => {
    const stored = encryptFields(person, sensitive, newKey());
    expect(stored.enc.v).toBe(2);
    expect(stored.enc.iv.byteLength).toBe(24);
  });

  it('opens version 1 envelopes of earlier builds: standard AES-256-GCM, here sealed by WebCrypto', async () => {
    const key = newKey();
    const { id, updatedAt, householdId, nameTags, ...secret } = person;
    const encoded = encodeValue(secret);
    const plaintext = new Uint8Array(paddedLength(encoded.byteLength));
    plaintext.set(encoded);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const webKey = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt']);
    const ct = new Uint8Array(
      await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: utf8(`protection-monitor/fields/v1\u0000${id}`) },
        webKey,
        plaintext,
      ),
    );
    const stored = { id, updatedAt, householdId, nameTags, enc: { v: 1 as const, iv, ct } };
    expect(decryptFields(stored, key)).toEqual(person);
    // The same bytes under the v2 label are refused, not misread.
    const relabelled = { ...stored, enc: { ...stored.enc, v: 2 as const } };
    expect(() => decryptFields(relabelled, key)).toThrow();
  });
});
