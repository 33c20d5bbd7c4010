import { z } from 'zod';
import type { VaultKeys } from './dataKey';
import {
  asBytes,
  base64UrlBytes,
  bytesEqual,
  concatBytes,
  fromBase64Url,
  fromUtf8,
  randomBytes,
  toBase64Url,
  utf8,
  type Bytes,
} from './encoding';
import { VaultError, type VaultErrorCode } from './errors';
import { keySlotsSchema, type VaultRecord } from './vaultRecord';

/**
 * The encrypted backup file. Layout (big-endian):
 *
 *   magic        8 bytes  89 'P' 'M' 'B' 'K' 0D 0A 1A  (PNG-style: catches text-mode mangling)
 *   format       u16      container format version (this code writes and reads 1)
 *   headerLength u32
 *   bodyLength   u64
 *   header       JSON, UTF-8: app schema version, creation time, vault id, the vault's key slots
 *                (KDF parameters and wrapped data key, so the file can be restored on a new laptop
 *                with the passphrase or the recovery key), cipher and IV
 *   body         AES-256-GCM ciphertext of the payload, tag included; AAD = magic … header
 *   checksum     SHA-256 of everything before it
 *
 * Two integrity checks with different jobs: the unkeyed SHA-256 tells an accidentally damaged
 * or cut-off file from a wrong key without any secret; the GCM tag (keyed) refuses any deliberate
 * change, including one with a recomputed checksum. Every refusal is a `VaultError` with a
 * `backup-*` code. Payloads are encrypted in one piece: fine for the database export with
 * attachments (hundreds of MiB); a chunked body would be format 2.
 */
export const BACKUP_FORMAT_VERSION = 1;
const MAGIC = new Uint8Array([0x89, 0x50, 0x4d, 0x42, 0x4b, 0x0d, 0x0a, 0x1a]);
const PREFIX_BYTES = MAGIC.byteLength + 2 + 4 + 8;
const CHECKSUM_BYTES = 32;
const IV_BYTES = 12;
const MAX_HEADER_BYTES = 64 * 1024;
/** A format number this far ahead is a damaged field, not a future version. */
const IMPLAUSIBLE_FORMAT = 1000;

export const backupHeaderSchema = z.object({
  app: z.literal('protection-monitor'),
  /** The Dexie schema version of the data inside: a newer one is refused by an older app. */
  appSchemaVersion: z.number().int().min(1),
  appVersion: z.string().max(50).optional(),
  createdAt: z.iso.datetime(),
  vaultId: z.uuid(),
  keySlots: keySlotsSchema,
  cipher: z.object({
    algorithm: z.literal('AES-256-GCM'),
    /** The HKDF label of the vault's backup key. */
    key: z.literal('backup'),
    iv: base64UrlBytes(IV_BYTES),
  }),
  contentType: z.string().min(1).max(100),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export interface CreateBackupInput {
  payload: Uint8Array;
  keys: Pick<VaultKeys, 'backupKey' | 'keyId'>;
  vault: Pick<VaultRecord, 'id' | 'keyId' | 'passphrase' | 'recovery'>;
  appSchemaVersion: number;
  appVersion?: string;
  /** What the payload is, for the reader; e.g. the export format's name and version. */
  contentType?: string;
  now?: Date;
}

export async function createBackup(input: CreateBackupInput): Promise<Bytes> {
  if (input.keys.keyId !== input.vault.keyId)
    throw new VaultError('key-mismatch', 'Keys are not this vault’s keys');
  const iv = randomBytes(IV_BYTES);
  const header = backupHeaderSchema.parse({
    app: 'protection-monitor',
    appSchemaVersion: input.appSchemaVersion,
    ...(input.appVersion === undefined ? {} : { appVersion: input.appVersion }),
    createdAt: (input.now ?? new Date()).toISOString(),
    vaultId: input.vault.id,
    keySlots: {
      keyId: input.vault.keyId,
      passphrase: input.vault.passphrase,
      recovery: input.vault.recovery,
    },
    cipher: { algorithm: 'AES-256-GCM', key: 'backup', iv: toBase64Url(iv) },
    contentType: input.contentType ?? 'application/vnd.protection-monitor.data',
  } satisfies BackupHeader);
  const headerBytes = utf8(JSON.stringify(header));
  // GCM adds a 16-byte tag: the body length is known before encrypting.
  const prefix = new Uint8Array(PREFIX_BYTES);
  const view = new DataView(prefix.buffer);
  prefix.set(MAGIC);
  view.setUint16(8, BACKUP_FORMAT_VERSION);
  view.setUint32(10, headerBytes.byteLength);
  view.setBigUint64(14, BigInt(input.payload.byteLength + 16));
  const aad = concatBytes(prefix, headerBytes);
  const body = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: aad },
      input.keys.backupKey,
      asBytes(input.payload),
    ),
  );
  const checksum = new Uint8Array(await crypto.subtle.digest('SHA-256', concatBytes(aad, body)));
  return concatBytes(aad, body, checksum);
}

interface Parsed {
  header: BackupHeader;
  aad: Bytes;
  body: Bytes;
}

const refuse = (code: VaultErrorCode, message: string, details: Record<string, string | number> = {}) =>
  new VaultError(code, message, details);

async function parse(file: Uint8Array, appSchemaVersion: number): Promise<Parsed> {
  const bytes = asBytes(file);
  if (bytes.byteLength < MAGIC.byteLength) {
    const isStartOfMagic = bytesEqual(bytes, MAGIC.subarray(0, bytes.byteLength));
    throw isStartOfMagic
      ? refuse('backup-truncated', 'Backup file is cut off')
      : refuse('backup-not-a-backup', 'Not a Protection Monitor backup');
  }
  if (!bytesEqual(bytes.subarray(0, MAGIC.byteLength), MAGIC)) {
    throw refuse('backup-not-a-backup', 'Not a Protection Monitor backup');
  }
  if (bytes.byteLength < PREFIX_BYTES) throw refuse('backup-truncated', 'Backup file is cut off');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = view.getUint16(8);
  if (format === 0 || format >= IMPLAUSIBLE_FORMAT)
    throw refuse('backup-corrupted', 'Backup format field is damaged');
  if (format > BACKUP_FORMAT_VERSION) {
    throw refuse('backup-newer-format', 'Backup written by a newer app', {
      format,
      supported: BACKUP_FORMAT_VERSION,
    });
  }
  const headerLength = view.getUint32(10);
  const bodyLength = view.getBigUint64(14);
  if (headerLength > MAX_HEADER_BYTES || bodyLength > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw refuse('backup-corrupted', 'Backup length fields are damaged');
  }
  const bodyEnd = PREFIX_BYTES + headerLength + Number(bodyLength);
  const expected = bodyEnd + CHECKSUM_BYTES;
  if (bytes.byteLength < expected) throw refuse('backup-truncated', 'Backup file is cut off');
  if (bytes.byteLength > expected) throw refuse('backup-corrupted', 'Backup file has extra bytes');
  const checksum = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes.subarray(0, bodyEnd)));
  if (!bytesEqual(checksum, bytes.subarray(bodyEnd)))
    throw refuse('backup-corrupted', 'Backup checksum does not match');

  let header: BackupHeader;
  try {
    header = backupHeaderSchema.parse(
      JSON.parse(fromUtf8(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength))),
    );
  } catch (cause) {
    throw new VaultError('backup-invalid-header', 'Backup header is not valid', {}, { cause });
  }
  if (header.appSchemaVersion > appSchemaVersion) {
    throw refuse('backup-newer-app-version', 'Backup holds data from a newer app version', {
      backupSchemaVersion: header.appSchemaVersion,
      appSchemaVersion,
    });
  }
  return {
    header,
    aad: bytes.subarray(0, PREFIX_BYTES + headerLength),
    body: bytes.subarray(PREFIX_BYTES + headerLength, bodyEnd),
  };
}

export interface BackupReadOptions {
  /** The app's current Dexie schema version (`CURRENT_SCHEMA_VERSION`). */
  appSchemaVersion: number;
}

/**
 * Checks the file's structure, checksum and versions without any key, and returns the header:
 * its `keySlots` open with `unlockWithPassphrase` / `unlockWithRecoveryKey` when the backup comes
 * from another vault or an older passphrase.
 */
export async function readBackupHeader(file: Uint8Array, options: BackupReadOptions): Promise<BackupHeader> {
  return (await parse(file, options.appSchemaVersion)).header;
}

/**
 * The decrypted payload. `backup-wrong-key` when the keys are another vault's (compare
 * `header.keySlots.keyId`), `backup-corrupted` when the file was altered and its checksum redone.
 */
export async function openBackup(
  file: Uint8Array,
  keys: Pick<VaultKeys, 'backupKey' | 'keyId'>,
  options: BackupReadOptions,
): Promise<{ header: BackupHeader; payload: Bytes }> {
  const { header, aad, body } = await parse(file, options.appSchemaVersion);
  if (header.keySlots.keyId !== keys.keyId) {
    throw refuse('backup-wrong-key', 'Backup was made with another data key');
  }
  try {
    const payload = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64Url(header.cipher.iv), additionalData: aad },
      keys.backupKey,
      body,
    );
    return { header, payload: new Uint8Array(payload) };
  } catch (cause) {
    throw new VaultError(
      'backup-corrupted',
      'Backup failed authentication',
      { reason: 'authentication' },
      { cause },
    );
  }
}
