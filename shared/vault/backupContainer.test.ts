import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT_VERSION, createBackup, openBackup, readBackupHeader } from './backupContainer';
import { concatBytes, toHex, utf8 } from './encoding';
import { isVaultError, type VaultErrorCode } from './errors';
import { createVault, unlockWithPassphrase, unlockWithRecoveryKey, type CreatedVault } from './vaultRecord';

const kdf = { iterations: 1_000, unsafeLowIterationsForTests: true };
const passphrase = 'correct horse battery staple';
const current = { appSchemaVersion: 7 };
const failsWith = (code: VaultErrorCode) => (error: unknown) => isVaultError(error, code);

let vault: CreatedVault;
let other: CreatedVault;
let payload: Uint8Array;
let file: Uint8Array;

beforeAll(async () => {
  vault = await createVault({ displayName: 'Arta', passphrase, kdf });
  other = await createVault({ displayName: 'Bekim', passphrase: 'violet river lantern orchard', kdf });
  payload = concatBytes(
    utf8('{"households":[{"name":"Đorđe Petrović"}]}'),
    crypto.getRandomValues(new Uint8Array(512)),
  );
  file = await createBackup({
    payload,
    keys: vault.keys,
    vault: vault.record,
    appSchemaVersion: 7,
    appVersion: '0.1.0',
    now: new Date('2025-03-12T09:00:00Z'),
  });
});

/** Rewrites the trailing SHA-256 after an edit, as a deliberate forger would. */
async function withFreshChecksum(bytes: Uint8Array): Promise<Uint8Array> {
  const body = bytes.slice(0, -32);
  return concatBytes(body, new Uint8Array(await crypto.subtle.digest('SHA-256', body)));
}

function patchHeader(bytes: Uint8Array, edit: (header: Record<string, unknown>) => void): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(10);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(22, 22 + length))) as Record<
    string,
    unknown
  >;
  edit(header);
  const patched = utf8(JSON.stringify(header));
  const prefix = bytes.slice(0, 22);
  new DataView(prefix.buffer).setUint32(10, patched.length);
  return concatBytes(prefix, patched, bytes.subarray(22 + length));
}

describe('backup container', () => {
  it('round-trips the payload and tells what it holds without a key', async () => {
    const header = await readBackupHeader(file, current);
    expect(header).toMatchObject({
      app: 'protection-monitor',
      appSchemaVersion: 7,
      appVersion: '0.1.0',
      createdAt: '2025-03-12T09:00:00.000Z',
      vaultId: vault.record.id,
      keySlots: { keyId: vault.record.keyId, passphrase: vault.record.passphrase },
      cipher: { algorithm: 'AES-256-GCM' },
    });
    const opened = await openBackup(file, vault.keys, current);
    expect(toHex(opened.payload)).toBe(toHex(payload));
    expect(toHex(file)).not.toContain(toHex(utf8('Petrovi')));
    expect(new TextDecoder().decode(file)).not.toContain('Arta');
  });

  it('restores on a new laptop with the passphrase or the recovery key from the header', async () => {
    const { keySlots } = await readBackupHeader(file, current);
    const byPassphrase = await unlockWithPassphrase(keySlots, passphrase);
    expect(toHex((await openBackup(file, byPassphrase.keys, current)).payload)).toBe(toHex(payload));
    const byRecovery = await unlockWithRecoveryKey(keySlots, vault.recoveryKey);
    expect(toHex((await openBackup(file, byRecovery.keys, current)).payload)).toBe(toHex(payload));
  });

  it('refuses another vault’s keys', async () => {
    await expect(openBackup(file, other.keys, current)).rejects.toSatisfy(failsWith('backup-wrong-key'));
    await expect(
      createBackup({ payload, keys: other.keys, vault: vault.record, appSchemaVersion: 7 }),
    ).rejects.toSatisfy(failsWith('key-mismatch'));
  });

  it('refuses a file cut off anywhere as truncated', async () => {
    for (let cut = 0; cut < file.length; cut++) {
      await expect(readBackupHeader(file.subarray(0, cut), current)).rejects.toSatisfy(
        failsWith('backup-truncated'),
      );
    }
  });

  it('refuses any flipped bit with a typed error', async () => {
    const codes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.nat(file.length - 1), fc.integer({ min: 0, max: 7 }), async (index, bit) => {
        const bad = file.slice();
        bad[index]! ^= 1 << bit;
        const error = await openBackup(bad, vault.keys, current).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(isVaultError(error) && error.code.startsWith('backup-')).toBe(true);
        if (isVaultError(error)) codes.add(error.code);
      }),
      { numRuns: 300 },
    );
    expect(codes.has('backup-corrupted')).toBe(true);
  });

  it('names each kind of damage', async () => {
    const flip = (at: number) => {
      const bad = file.slice();
      bad[at]! ^= 0x40;
      return bad;
    };
    await expect(readBackupHeader(flip(1), current)).rejects.toSatisfy(failsWith('backup-not-a-backup'));
    await expect(readBackupHeader(utf8('%PDF-1.7 not a backup'), current)).rejects.toSatisfy(
      failsWith('backup-not-a-backup'),
    );
    await expect(readBackupHeader(flip(200), current)).rejects.toSatisfy(failsWith('backup-corrupted'));
    await expect(readBackupHeader(flip(file.length - 1), current)).rejects.toSatisfy(
      failsWith('backup-corrupted'),
    );
    await expect(readBackupHeader(concatBytes(file, new Uint8Array([0])), current)).rejects.toSatisfy(
      failsWith('backup-corrupted'),
    );
  });

  it('refuses files from a newer app: a newer container format or a newer data schema', async () => {
    const newerFormat = file.slice();
    new DataView(newerFormat.buffer).setUint16(8, BACKUP_FORMAT_VERSION + 1);
    await expect(readBackupHeader(await withFreshChecksum(newerFormat), current)).rejects.toSatisfy(
      failsWith('backup-newer-format'),
    );
    await expect(readBackupHeader(file, { appSchemaVersion: 6 })).rejects.toSatisfy(
      failsWith('backup-newer-app-version'),
    );
    expect((await openBackup(file, vault.keys, { appSchemaVersion: 8 })).header.appSchemaVersion).toBe(7);
  });

  it('refuses a deliberate edit even with a recomputed checksum', async () => {
    // The header is authenticated by GCM: lowering the schema version to slip past the check fails.
    const lowered = await withFreshChecksum(patchHeader(file, (h) => (h.appSchemaVersion = 1)));
    expect((await readBackupHeader(lowered, current)).appSchemaVersion).toBe(1);
    await expect(openBackup(lowered, vault.keys, current)).rejects.toSatisfy(failsWith('backup-corrupted'));

    const body = file.slice();
    body[body.length - 40]! ^= 1;
    await expect(openBackup(await withFreshChecksum(body), vault.keys, current)).rejects.toSatisfy(
      failsWith('backup-corrupted'),
    );

    const garbage = await withFreshChecksum(patchHeader(file, (h) => (h.cipher = 'none')));
    await expect(readBackupHeader(garbage, current)).rejects.toSatisfy(failsWith('backup-invalid-header'));
  });
});
