import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './encoding';
import { isVaultError, type VaultErrorCode } from './errors';
import { decryptFields, encryptFields } from './fieldCipher';
import { kdfNeedsUpgrade } from './keyDerivation';
import {
  changePassphrase,
  createVault,
  parseVaultRecord,
  regenerateRecoveryKey,
  resetPassphraseWithRecoveryKey,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  upgradeKdf,
  vaultRecordSchema,
  type VaultRecord,
} from './vaultRecord';

const kdf = { iterations: 1_000, unsafeLowIterationsForTests: true };
const passphrase = 'correct horse battery staple';
const nextPassphrase = 'violet river lantern orchard';
const now = new Date('2025-03-12T09:00:00Z');

const failsWith = (code: VaultErrorCode) => (error: unknown) => isVaultError(error, code);

async function newVault(displayName = 'Arta') {
  return createVault({ displayName, passphrase, kdf, now, userInputs: ['Caritas Kosova', 'LAPTOP-07'] });
}

describe('createVault', () => {
  it('stores only public material: KDF parameters, salts and wrapped keys', async () => {
    const { record, recoveryKey, keys } = await newVault();
    expect(vaultRecordSchema.parse(record)).toEqual(record);
    expect(record).toMatchObject({
      format: 1,
      displayName: 'Arta',
      createdAt: now.toISOString(),
      keyId: keys.keyId,
    });
    expect(record.passphrase.kdf).toMatchObject({ algorithm: 'PBKDF2-SHA256', iterations: 1_000 });
    expect(fromBase64Url(record.passphrase.wrappedKey)).toHaveLength(40);
    expect(fromBase64Url(record.recovery.wrappedKey)).toHaveLength(40);
    const stored = JSON.stringify(record);
    expect(stored).not.toContain(passphrase);
    expect(stored).not.toContain(recoveryKey);
    expect(stored).not.toContain(recoveryKey.replace(/-/g, ''));
  });

  it('uses the production KDF parameters by default', async () => {
    const { record } = await createVault({ displayName: 'Arta', passphrase });
    expect(record.passphrase.kdf.iterations).toBe(600_000);
    expect(kdfNeedsUpgrade(record.passphrase.kdf)).toBe(false);
  });

  it('refuses a passphrase below the minimum, or one made of the setup form’s own words', async () => {
    await expect(createVault({ displayName: 'Arta', passphrase: 'Password123!', kdf })).rejects.toSatisfy(
      failsWith('passphrase-too-weak'),
    );
    await expect(
      createVault({
        displayName: 'Arta Berisha',
        passphrase: 'arta berisha caritas kosova',
        userInputs: ['Caritas Kosova'],
        kdf,
      }),
    ).rejects.toSatisfy(failsWith('passphrase-too-weak'));
  });
});

describe('unlocking', () => {
  it('opens with the passphrase to the same data key as at setup', async () => {
    const { record, keys } = await newVault();
    const sealed = await encryptFields({ id: crypto.randomUUID(), name: 'Arta' }, ['name'], keys.fieldKey);
    const unlocked = await unlockWithPassphrase(record, passphrase);
    expect(unlocked.keys.keyId).toBe(record.keyId);
    expect(unlocked.needsKdfUpgrade).toBe(true); // the test's 1,000 iterations
    expect(await decryptFields(sealed, unlocked.keys.fieldKey)).toMatchObject({ name: 'Arta' });
  });

  it('refuses a wrong passphrase with a typed error', async () => {
    const { record } = await newVault();
    for (const wrong of [
      '',
      'correct horse battery stapl',
      'Correct horse battery staple',
      `${passphrase} `,
    ]) {
      await expect(unlockWithPassphrase(record, wrong)).rejects.toSatisfy(failsWith('wrong-passphrase'));
    }
  });

  it('opens with the recovery key, however it is typed', async () => {
    const { record, recoveryKey } = await newVault();
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    expect((await unlockWithRecoveryKey(record, typed)).keys.keyId).toBe(record.keyId);
  });

  it('tells a mistyped recovery key from another vault’s recovery key', async () => {
    const { record, recoveryKey } = await newVault();
    const other = await newVault('Bekim');
    await expect(unlockWithRecoveryKey(record, recoveryKey.slice(0, -1))).rejects.toSatisfy(
      failsWith('invalid-recovery-key'),
    );
    await expect(unlockWithRecoveryKey(record, other.recoveryKey)).rejects.toSatisfy(
      failsWith('wrong-recovery-key'),
    );
  });

  it('keeps users of one laptop apart', async () => {
    const arta = await newVault('Arta');
    const bekim = await createVault({ displayName: 'Bekim', passphrase: nextPassphrase, kdf });
    await expect(unlockWithPassphrase(bekim.record, passphrase)).rejects.toSatisfy(
      failsWith('wrong-passphrase'),
    );
    const sealed = await encryptFields(
      { id: crypto.randomUUID(), name: 'Arta' },
      ['name'],
      arta.keys.fieldKey,
    );
    await expect(async () => decryptFields(sealed, bekim.keys.fieldKey)).rejects.toSatisfy(
      failsWith('decryption-failed'),
    );
  });

  it('refuses a damaged wrapped key, a slot copied from another vault, and a malformed record', async () => {
    const { record } = await newVault();
    const wrapped = fromBase64Url(record.passphrase.wrappedKey);
    wrapped[7]! ^= 1;
    const damaged: VaultRecord = {
      ...record,
      passphrase: { ...record.passphrase, wrappedKey: toBase64Url(wrapped) },
    };
    await expect(unlockWithPassphrase(damaged, passphrase)).rejects.toSatisfy(failsWith('wrong-passphrase'));

    // Same passphrase in another vault: its slot unwraps, but to another data key.
    const other = await newVault('Bekim');
    const swapped: VaultRecord = { ...record, passphrase: other.record.passphrase };
    await expect(unlockWithPassphrase(swapped, passphrase)).rejects.toSatisfy(failsWith('key-mismatch'));

    const malformed = { ...record, keyId: 'short' };
    await expect(unlockWithPassphrase(malformed, passphrase)).rejects.toSatisfy(
      failsWith('invalid-vault-record'),
    );
    expect(() => parseVaultRecord({ ...record, id: 'not-a-uuid' })).toThrow(
      expect.objectContaining({ code: 'invalid-vault-record' }),
    );
  });
});

describe('changing secrets', () => {
  it('changes the passphrase: the old one stops working, the recovery key still works', async () => {
    const { record, recoveryKey } = await newVault();
    const later = new Date('2025-04-01T10:00:00Z');
    const changed = await changePassphrase(record, passphrase, nextPassphrase, { kdf, now: later });
    expect(changed.updatedAt).toBe(later.toISOString());
    expect(changed.passphrase.kdf.salt).not.toBe(record.passphrase.kdf.salt);
    await expect(unlockWithPassphrase(changed, passphrase)).rejects.toSatisfy(failsWith('wrong-passphrase'));
    expect((await unlockWithPassphrase(changed, nextPassphrase)).keys.keyId).toBe(record.keyId);
    expect((await unlockWithRecoveryKey(changed, recoveryKey)).keys.keyId).toBe(record.keyId);
  });

  it('changes nothing when the current passphrase is wrong or the new one is weak', async () => {
    const { record } = await newVault();
    const before = structuredClone(record);
    await expect(
      changePassphrase(record, 'wrong wrong wrong wrong', nextPassphrase, { kdf }),
    ).rejects.toSatisfy(failsWith('wrong-passphrase'));
    await expect(changePassphrase(record, passphrase, 'short', { kdf })).rejects.toSatisfy(
      failsWith('passphrase-too-weak'),
    );
    expect(record).toEqual(before);
    expect((await unlockWithPassphrase(record, passphrase)).keys.keyId).toBe(record.keyId);
  });

  it('resets a forgotten passphrase with the recovery key', async () => {
    const { record, recoveryKey } = await newVault();
    const reset = await resetPassphraseWithRecoveryKey(record, recoveryKey, nextPassphrase, { kdf });
    expect((await unlockWithPassphrase(reset, nextPassphrase)).keys.keyId).toBe(record.keyId);
    await expect(
      resetPassphraseWithRecoveryKey(record, (await newVault()).recoveryKey, nextPassphrase, { kdf }),
    ).rejects.toSatisfy(failsWith('wrong-recovery-key'));
  });

  it('replaces the recovery key: the old one stops working', async () => {
    const { record, recoveryKey } = await newVault();
    const { record: next, recoveryKey: fresh } = await regenerateRecoveryKey(record, passphrase);
    expect(fresh).not.toBe(recoveryKey);
    await expect(unlockWithRecoveryKey(next, recoveryKey)).rejects.toSatisfy(failsWith('wrong-recovery-key'));
    expect((await unlockWithRecoveryKey(next, fresh)).keys.keyId).toBe(record.keyId);
    expect((await unlockWithPassphrase(next, passphrase)).keys.keyId).toBe(record.keyId);
  });

  it('raises old KDF parameters to today’s defaults with the same passphrase', async () => {
    const { record } = await newVault();
    const upgraded = await upgradeKdf(record, passphrase);
    expect(upgraded.passphrase.kdf.iterations).toBe(600_000);
    const unlocked = await unlockWithPassphrase(upgraded, passphrase);
    expect(unlocked.needsKdfUpgrade).toBe(false);
    expect(unlocked.keys.keyId).toBe(record.keyId);
  });
});
