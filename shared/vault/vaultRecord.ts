import { z } from 'zod';
import {
  WRAPPED_KEY_BYTES,
  deriveVaultKeys,
  generateDataKey,
  unwrapDataKeyForRewrap,
  unwrapMasterKey,
  wrapDataKey,
  type VaultKeys,
} from './dataKey';
import { base64UrlBytes, fromBase64Url, randomBytes, toBase64Url, utf8 } from './encoding';
import { VaultError, isVaultError } from './errors';
import {
  KDF_SALT_BYTES,
  createKdfParams,
  deriveKeyEncryptionKey,
  kdfNeedsUpgrade,
  kdfParamsSchema,
  type KdfOptions,
} from './keyDerivation';
import { assessPassphrase } from './passphraseStrength';
import { generateRecoveryKey, parseRecoveryKey } from './recoveryKey';

/**
 * One vault per person using the laptop: who they are (a display name for the sign-in list) and
 * their data key, wrapped twice: by a KEK derived from their passphrase and by a KEK derived from
 * their recovery key. Everything here is public on disk; nothing in it opens the data without
 * one of the two secrets. Functions never modify a record: they return a new one for the caller
 * to store, so a failed operation leaves the stored vault as it was.
 */
export const VAULT_FORMAT = 1;
const RECOVERY_KEK_LABEL = utf8('protection-monitor/v1/recovery-kek');

const wrappedKey = base64UrlBytes(WRAPPED_KEY_BYTES);

export const recoveryKdfParamsSchema = z.object({
  // The recovery key is 160 random bits, so a fast KDF is enough: nothing to stretch.
  algorithm: z.literal('HKDF-SHA256'),
  salt: base64UrlBytes(KDF_SALT_BYTES, 64),
});

/** The part of a vault that opens it; also copied into every backup's header. */
export const keySlotsSchema = z.object({
  /** Fingerprint of the data key (`VaultKeys.keyId`), checked after every unwrap. */
  keyId: base64UrlBytes(16),
  passphrase: z.object({ kdf: kdfParamsSchema, wrappedKey }),
  recovery: z.object({ kdf: recoveryKdfParamsSchema, wrappedKey }),
});
export type KeySlots = z.infer<typeof keySlotsSchema>;

export const vaultRecordSchema = keySlotsSchema.extend({
  format: z.literal(VAULT_FORMAT),
  /** Random; the lead names the vault's database after it, never after the display name. */
  id: z.uuid(),
  /** Shown in the sign-in list before unlocking, so in plain text: a first name or initials. */
  displayName: z.string().trim().min(1).max(100),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type VaultRecord = z.infer<typeof vaultRecordSchema>;

export function parseVaultRecord(value: unknown): VaultRecord {
  const parsed = vaultRecordSchema.safeParse(value);
  if (!parsed.success) throw new VaultError('invalid-vault-record', 'Stored vault record is invalid');
  return parsed.data;
}

function parseSlots(value: KeySlots): KeySlots {
  const parsed = keySlotsSchema.safeParse(value);
  if (!parsed.success) throw new VaultError('invalid-vault-record', 'Stored key slots are invalid');
  return parsed.data;
}

async function recoveryKek(recoveryKey: Uint8Array<ArrayBuffer>, salt: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', recoveryKey, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: fromBase64Url(salt), info: RECOVERY_KEK_LABEL },
    material,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

function assertStrong(passphrase: string, userInputs: readonly string[]): void {
  if (!assessPassphrase(passphrase, userInputs).meetsMinimum) {
    throw new VaultError('passphrase-too-weak', 'The passphrase does not meet the minimum');
  }
}

/** Unwraps with `kek`, naming `failure` as the error when the KEK is wrong. */
async function openSlot(
  slots: KeySlots,
  wrapped: string,
  kek: CryptoKey,
  failure: 'wrong-passphrase' | 'wrong-recovery-key',
): Promise<VaultKeys> {
  let master: CryptoKey;
  try {
    master = await unwrapMasterKey(fromBase64Url(wrapped), kek);
  } catch (cause) {
    if (!isVaultError(cause, 'decryption-failed')) throw cause;
    throw new VaultError(
      failure,
      failure === 'wrong-passphrase' ? 'Wrong passphrase' : 'Wrong recovery key',
      {},
      { cause },
    );
  }
  const keys = await deriveVaultKeys(master);
  // A slot copied in from another vault unwraps with its own secret but yields another key.
  if (keys.keyId !== slots.keyId)
    throw new VaultError('key-mismatch', 'The unwrapped key is not this vault’s key');
  return keys;
}

export interface UnlockedVault {
  keys: VaultKeys;
  /** The passphrase slot uses weaker KDF parameters than today's: call `upgradeKdf`. */
  needsKdfUpgrade: boolean;
}

export interface CreateVaultInput {
  displayName: string;
  passphrase: string;
  /** Organisation, monitor and device names from the setup form, for the strength check. */
  userInputs?: readonly string[];
  kdf?: KdfOptions;
  id?: string;
  now?: Date;
}

export interface CreatedVault {
  record: VaultRecord;
  /** Show and print once (`recoveryKeyLines`); never store it. */
  recoveryKey: string;
  keys: VaultKeys;
}

export async function createVault(input: CreateVaultInput): Promise<CreatedVault> {
  assertStrong(input.passphrase, [input.displayName, ...(input.userInputs ?? [])]);
  const passphraseKdf = createKdfParams(input.kdf);
  const recoverySalt = toBase64Url(randomBytes(KDF_SALT_BYTES));
  const recovery = await generateRecoveryKey();
  const dataKey = await generateDataKey();
  const passphraseKek = await deriveKeyEncryptionKey(input.passphrase, passphraseKdf);
  const recoveryKeyKek = await recoveryKek(recovery.bytes, recoverySalt);
  recovery.bytes.fill(0);
  const [byPassphrase, byRecovery] = await Promise.all([
    wrapDataKey(dataKey, passphraseKek),
    wrapDataKey(dataKey, recoveryKeyKek),
  ]);
  // Work from the unwrapped, non-extractable copy, exactly as after a later unlock.
  const keys = await deriveVaultKeys(await unwrapMasterKey(byPassphrase, passphraseKek));
  const at = (input.now ?? new Date()).toISOString();
  const record = parseVaultRecord({
    format: VAULT_FORMAT,
    id: input.id ?? crypto.randomUUID(),
    displayName: input.displayName,
    createdAt: at,
    updatedAt: at,
    keyId: keys.keyId,
    passphrase: { kdf: passphraseKdf, wrappedKey: toBase64Url(byPassphrase) },
    recovery: { kdf: { algorithm: 'HKDF-SHA256', salt: recoverySalt }, wrappedKey: toBase64Url(byRecovery) },
  } satisfies VaultRecord);
  return { record, recoveryKey: recovery.text, keys };
}

/** Throws `wrong-passphrase`; works on a vault record or a backup header's key slots. */
export async function unlockWithPassphrase(slots: KeySlots, passphrase: string): Promise<UnlockedVault> {
  const checked = parseSlots(slots);
  const kek = await deriveKeyEncryptionKey(passphrase, checked.passphrase.kdf);
  const keys = await openSlot(checked, checked.passphrase.wrappedKey, kek, 'wrong-passphrase');
  return { keys, needsKdfUpgrade: kdfNeedsUpgrade(checked.passphrase.kdf) };
}

/** Throws `invalid-recovery-key` (typo, see `parseRecoveryKey`) or `wrong-recovery-key`. */
export async function unlockWithRecoveryKey(slots: KeySlots, recoveryKey: string): Promise<UnlockedVault> {
  const checked = parseSlots(slots);
  const kek = await recoveryKek(await parseRecoveryKey(recoveryKey), checked.recovery.kdf.salt);
  const keys = await openSlot(checked, checked.recovery.wrappedKey, kek, 'wrong-recovery-key');
  return { keys, needsKdfUpgrade: kdfNeedsUpgrade(checked.passphrase.kdf) };
}

export interface RewrapOptions {
  userInputs?: readonly string[];
  kdf?: KdfOptions;
  now?: Date;
}

/** Opens the slot, checks the key id, and returns an extractable copy only for re-wrapping. */
async function dataKeyForRewrap(
  record: VaultRecord,
  slot: 'passphrase' | 'recovery',
  secret: string,
): Promise<CryptoKey> {
  const kek =
    slot === 'passphrase'
      ? await deriveKeyEncryptionKey(secret, record.passphrase.kdf)
      : await recoveryKek(await parseRecoveryKey(secret), record.recovery.kdf.salt);
  const failure = slot === 'passphrase' ? 'wrong-passphrase' : 'wrong-recovery-key';
  await openSlot(record, record[slot].wrappedKey, kek, failure);
  return unwrapDataKeyForRewrap(fromBase64Url(record[slot].wrappedKey), kek);
}

async function withNewPassphrase(
  record: VaultRecord,
  dataKey: CryptoKey,
  next: string,
  options: RewrapOptions,
): Promise<VaultRecord> {
  const kdf = createKdfParams(options.kdf);
  const wrapped = await wrapDataKey(dataKey, await deriveKeyEncryptionKey(next, kdf));
  return parseVaultRecord({
    ...record,
    updatedAt: (options.now ?? new Date()).toISOString(),
    passphrase: { kdf, wrappedKey: toBase64Url(wrapped) },
  } satisfies VaultRecord);
}

/** New salt and today's KDF parameters under the new passphrase; the recovery key still works. */
export async function changePassphrase(
  record: VaultRecord,
  current: string,
  next: string,
  options: RewrapOptions = {},
): Promise<VaultRecord> {
  const checked = parseVaultRecord(record);
  assertStrong(next, [checked.displayName, ...(options.userInputs ?? [])]);
  return withNewPassphrase(checked, await dataKeyForRewrap(checked, 'passphrase', current), next, options);
}

/** Same passphrase, today's KDF parameters: call after an unlock reported `needsKdfUpgrade`. */
export async function upgradeKdf(
  record: VaultRecord,
  passphrase: string,
  options: RewrapOptions = {},
): Promise<VaultRecord> {
  const checked = parseVaultRecord(record);
  return withNewPassphrase(
    checked,
    await dataKeyForRewrap(checked, 'passphrase', passphrase),
    passphrase,
    options,
  );
}

/**
 * The forgotten-passphrase path. The recovery key has now been typed on this machine, so the UI
 * should offer `regenerateRecoveryKey` straight after.
 */
export async function resetPassphraseWithRecoveryKey(
  record: VaultRecord,
  recoveryKey: string,
  next: string,
  options: RewrapOptions = {},
): Promise<VaultRecord> {
  const checked = parseVaultRecord(record);
  assertStrong(next, [checked.displayName, ...(options.userInputs ?? [])]);
  return withNewPassphrase(checked, await dataKeyForRewrap(checked, 'recovery', recoveryKey), next, options);
}

/** A new recovery key replaces the old one, which stops working (in this vault, not in old backups). */
export async function regenerateRecoveryKey(
  record: VaultRecord,
  passphrase: string,
  options: { now?: Date } = {},
): Promise<{ record: VaultRecord; recoveryKey: string }> {
  const checked = parseVaultRecord(record);
  const dataKey = await dataKeyForRewrap(checked, 'passphrase', passphrase);
  const recovery = await generateRecoveryKey();
  const salt = toBase64Url(randomBytes(KDF_SALT_BYTES));
  const wrapped = await wrapDataKey(dataKey, await recoveryKek(recovery.bytes, salt));
  recovery.bytes.fill(0);
  const next = parseVaultRecord({
    ...checked,
    updatedAt: (options.now ?? new Date()).toISOString(),
    recovery: { kdf: { algorithm: 'HKDF-SHA256', salt }, wrappedKey: toBase64Url(wrapped) },
  } satisfies VaultRecord);
  return { record: next, recoveryKey: recovery.text };
}
