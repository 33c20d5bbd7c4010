/**
 * Why a backup could not be made, read or restored, beyond the container's own refusals
 * (`VaultError` with a `backup-*` code: truncated, corrupted, newer format, wrong key). Stable
 * codes the UI translates (`backups.error.<code>`); messages are for logs only.
 */
export const backupErrorCodes = [
  /** The backup belongs to another vault (another person's protected space). */
  'wrong-vault',
  /** The decrypted payload is not a snapshot this app can read. */
  'invalid-snapshot',
  /** Records in the backup do not pass the shared schemas; `details.count`, `details.first`. */
  'invalid-records',
  /** What was written into the fresh database does not read back as the backup holds it. */
  'verification-failed',
  /** The stored database was written by a newer app; `details.stored`, `details.supported`. */
  'database-too-new',
  /** The backup before a schema migration could not be written, so the migration did not run. */
  'pre-migration-backup-failed',
  /** The host refused to write or read a backup file; `details.hostCode`. */
  'host-failed',
] as const;
export type BackupErrorCode = (typeof backupErrorCodes)[number];

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    readonly details: Readonly<Record<string, string | number>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BackupError';
  }
}

export function isBackupError(error: unknown, code?: BackupErrorCode): error is BackupError {
  return error instanceof BackupError && (code === undefined || error.code === code);
}
