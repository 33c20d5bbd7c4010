import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  WRAPPED_KEY_BYTES,
  deriveVaultKeys,
  generateDataKey,
  unwrapDataKeyForRewrap,
  unwrapMasterKey,
  wrapDataKey,
} from './dataKey';
import { randomBytes, toBytes, toHex, utf8 } from './encoding';
import { isVaultError } from './errors';

const newKek = () =>
  crypto.subtle.generateKey({ name: 'AES-KW', length: 256 }, false, ['wrapKey', 'unwrapKey']);

describe('data key', () => {
  it('wraps to 40 bytes and unwraps to a non-extractable HKDF master key', async () => {
    const kek = await newKek();
    const wrapped = await wrapDataKey(await generateDataKey(), kek);
    expect(wrapped).toHaveLength(WRAPPED_KEY_BYTES);
    const master = await unwrapMasterKey(wrapped, kek);
    expect(master.extractable).toBe(false);
    expect(master.algorithm.name).toBe('HKDF');
    await expect(crypto.subtle.exportKey('raw', master)).rejects.toThrow();
  });

  it('derives non-extractable working keys, 32-byte field and index keys, and a stable key id', async () => {
    const kek = await newKek();
    const wrapped = await wrapDataKey(await generateDataKey(), kek);
    const a = await deriveVaultKeys(await unwrapMasterKey(wrapped, kek));
    const b = await deriveVaultKeys(await unwrapMasterKey(wrapped, kek));
    expect(a.keyId).toBe(b.keyId);
    expect(a.keyId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    for (const key of [a.backupKey, a.auditKey]) expect(key.extractable).toBe(false);
    expect(a.fieldKey).toHaveLength(32);
    expect(a.blindIndexKey).toHaveLength(32);
    expect(toHex(a.fieldKey)).toBe(toHex(b.fieldKey));
    expect(toHex(a.fieldKey)).not.toBe(toHex(a.blindIndexKey));
    const other = await deriveVaultKeys(
      await unwrapMasterKey(await wrapDataKey(await generateDataKey(), kek), kek),
    );
    expect(other.keyId).not.toBe(a.keyId);
  });

  it('keeps working keys apart: the field key cannot open what the backup key sealed', async () => {
    const kek = await newKek();
    const keys = await deriveVaultKeys(
      await unwrapMasterKey(await wrapDataKey(await generateDataKey(), kek), kek),
    );
    const iv = randomBytes(12);
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, keys.backupKey, utf8('x'));
    const fieldKey = await crypto.subtle.importKey('raw', toBytes(keys.fieldKey), 'AES-GCM', false, [
      'decrypt',
    ]);
    await expect(crypto.subtle.decrypt({ name: 'AES-GCM', iv }, fieldKey, sealed)).rejects.toThrow();
  });

  it('refuses a wrong KEK with a typed error', async () => {
    const wrapped = await wrapDataKey(await generateDataKey(), await newKek());
    await expect(unwrapMasterKey(wrapped, await newKek())).rejects.toSatisfy((e) =>
      isVaultError(e, 'decryption-failed'),
    );
  });

  it('refuses a wrapped key with any flipped bit', async () => {
    const kek = await newKek();
    const wrapped = await wrapDataKey(await generateDataKey(), kek);
    await fc.assert(
      fc.asyncProperty(fc.nat(WRAPPED_KEY_BYTES - 1), fc.integer({ min: 0, max: 7 }), async (index, bit) => {
        const bad = wrapped.slice();
        bad[index]! ^= 1 << bit;
        await expect(unwrapMasterKey(bad, kek)).rejects.toSatisfy((e) =>
          isVaultError(e, 'decryption-failed'),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('re-wraps under a new KEK to the same key', async () => {
    const [oldKek, nextKek] = [await newKek(), await newKek()];
    const wrapped = await wrapDataKey(await generateDataKey(), oldKek);
    const before = await deriveVaultKeys(await unwrapMasterKey(wrapped, oldKek));
    const rewrapped = await wrapDataKey(await unwrapDataKeyForRewrap(wrapped, oldKek), nextKek);
    const after = await deriveVaultKeys(await unwrapMasterKey(rewrapped, nextKek));
    expect(after.keyId).toBe(before.keyId);
  });
});
