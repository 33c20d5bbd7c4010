import { describe, expect, it } from 'vitest';
import { generateDataKey, wrapDataKey } from './dataKey';
import { fromBase64Url, toHex } from './encoding';
import { isVaultError } from './errors';
import {
  PBKDF2_DEFAULT_ITERATIONS,
  PBKDF2_MAX_ITERATIONS,
  createKdfParams,
  deriveKeyEncryptionKey,
  kdfNeedsUpgrade,
  parseKdfParams,
  type KdfParams,
} from './keyDerivation';

const fast = { iterations: 1_000, unsafeLowIterationsForTests: true };

/** AES-KW is deterministic, so two KEKs are equal exactly when they wrap a key identically. */
async function fingerprint(kek: CryptoKey, dataKey: CryptoKey): Promise<string> {
  return toHex(await wrapDataKey(dataKey, kek));
}

describe('KDF parameters', () => {
  it('default to PBKDF2-SHA256 with 600,000 iterations and a fresh 16-byte salt', () => {
    const a = createKdfParams();
    const b = createKdfParams();
    expect(a).toMatchObject({ algorithm: 'PBKDF2-SHA256', iterations: 600_000 });
    expect(PBKDF2_DEFAULT_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(fromBase64Url(a.salt)).toHaveLength(16);
    expect(a.salt).not.toBe(b.salt);
    expect(kdfNeedsUpgrade(a)).toBe(false);
  });

  it('refuse a weak iteration count unless a test asks for it explicitly', () => {
    expect(() => createKdfParams({ iterations: 100_000 })).toThrow(
      expect.objectContaining({ code: 'weak-kdf-params' }),
    );
    expect(createKdfParams(fast).iterations).toBe(1_000);
    expect(kdfNeedsUpgrade(createKdfParams(fast))).toBe(true);
    for (const iterations of [0, -1, 1.5, PBKDF2_MAX_ITERATIONS + 1]) {
      expect(() => createKdfParams({ iterations, unsafeLowIterationsForTests: true })).toThrow(
        expect.objectContaining({ code: 'invalid-kdf-params' }),
      );
    }
  });

  it('are validated when read back', () => {
    const good = createKdfParams(fast);
    expect(parseKdfParams(JSON.parse(JSON.stringify(good)))).toEqual(good);
    const bad: unknown[] = [
      null,
      {},
      { ...good, algorithm: 'MD5' },
      { ...good, iterations: '600000' },
      { ...good, iterations: PBKDF2_MAX_ITERATIONS * 10 },
      { ...good, salt: 'AAAA' },
      { ...good, salt: 'not base64url!' },
      { algorithm: good.algorithm, iterations: good.iterations },
    ];
    for (const value of bad) {
      expect(() => parseKdfParams(value)).toThrow(expect.objectContaining({ code: 'invalid-kdf-params' }));
    }
  });
});

describe('deriveKeyEncryptionKey', () => {
  it('gives a non-extractable AES-KW key that only wraps and unwraps', async () => {
    const kek = await deriveKeyEncryptionKey('correct horse battery staple', createKdfParams(fast));
    expect(kek.extractable).toBe(false);
    expect(kek.algorithm.name).toBe('AES-KW');
    expect([...kek.usages].sort()).toEqual(['unwrapKey', 'wrapKey']);
  });

  it('is deterministic for a passphrase and parameters, and differs with either', async () => {
    const dataKey = await generateDataKey();
    const params = createKdfParams(fast);
    const same = await fingerprint(
      await deriveKeyEncryptionKey('correct horse battery staple', params),
      dataKey,
    );
    expect(
      await fingerprint(await deriveKeyEncryptionKey('correct horse battery staple', params), dataKey),
    ).toBe(same);
    expect(
      await fingerprint(await deriveKeyEncryptionKey('correct horse battery stapl3', params), dataKey),
    ).not.toBe(same);
    const otherSalt: KdfParams = { ...params, salt: createKdfParams(fast).salt };
    expect(
      await fingerprint(await deriveKeyEncryptionKey('correct horse battery staple', otherSalt), dataKey),
    ).not.toBe(same);
    const moreIterations: KdfParams = { ...params, iterations: 1_001 };
    expect(
      await fingerprint(
        await deriveKeyEncryptionKey('correct horse battery staple', moreIterations),
        dataKey,
      ),
    ).not.toBe(same);
  });

  it('treats composed and decomposed letters (ë, č) as the same passphrase', async () => {
    const dataKey = await generateDataKey();
    const params = createKdfParams(fast);
    const composed = 'Ujë i ftohtë, čaj i nxehtë'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(await fingerprint(await deriveKeyEncryptionKey(decomposed, params), dataKey)).toBe(
      await fingerprint(await deriveKeyEncryptionKey(composed, params), dataKey),
    );
  });

  it('runs at the production default', async () => {
    const kek = await deriveKeyEncryptionKey('correct horse battery staple', createKdfParams());
    expect(kek.algorithm.name).toBe('AES-KW');
  });

  it('refuses forged parameters before doing any work', async () => {
    const forged = {
      algorithm: 'PBKDF2-SHA256',
      iterations: 2 ** 31,
      salt: createKdfParams(fast).salt,
    } as const;
    await expect(deriveKeyEncryptionKey('x', forged)).rejects.toSatisfy((e) =>
      isVaultError(e, 'invalid-kdf-params'),
    );
  });
});
