/**
 * The one error type of the vault building blocks. `code` is a stable string the renderer
 * translates (`vault.error.<code>`); `message` is for logs and never shown as is. Messages
 * never contain a passphrase, a key or decrypted data.
 */
export const vaultErrorCodes = [
  'wrong-passphrase',
  'wrong-recovery-key',
  'invalid-recovery-key',
  'passphrase-too-weak',
  'invalid-kdf-params',
  'weak-kdf-params',
  'invalid-vault-record',
  'key-mismatch',
  'invalid-envelope',
  'decryption-failed',
  'unsupported-value',
  'already-encrypted',
  'invalid-key',
  'backup-not-a-backup',
  'backup-truncated',
  'backup-corrupted',
  'backup-invalid-header',
  'backup-newer-format',
  'backup-newer-app-version',
  'backup-wrong-key',
] as const;
export type VaultErrorCode = (typeof vaultErrorCodes)[number];

export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    message: string,
    /** Non-secret details for the UI, e.g. which group of a recovery key is mistyped. */
    readonly details: Readonly<Record<string, string | number>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'VaultError';
  }
}

export function isVaultError(error: unknown, code?: VaultErrorCode): error is VaultError {
  return error instanceof VaultError && (code === undefined || error.code === code);
}
