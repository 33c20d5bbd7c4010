import { isSyncError, syncErrorReasons } from '../../../../shared/sync/errors';

/**
 * Why a sync file (a bundle at HQ, an acknowledgement on a device) was refused, with the file's
 * name: the UI shows `sync.error.<code>` and the name. The database is unchanged whenever one of
 * these is thrown. The codes are the shared readers' reasons (shared/sync/errors.ts) plus those
 * only the database knows.
 */
export const syncFileErrorCodes = [
  ...syncErrorReasons,
  /** The sender was enrolled and has since been revoked by HQ. */
  'revoked-device',
  /** "Send to HQ" would write a file HQ refuses (over the bundle limits): fewer changes per bundle are needed. */
  'export-too-large',
] as const;
export type SyncFileErrorCode = (typeof syncFileErrorCodes)[number];

export class SyncFileError extends Error {
  override readonly name = 'SyncFileError';

  constructor(
    readonly code: SyncFileErrorCode,
    readonly fileName: string,
    /** English, for logs and support. */
    readonly reason: string,
    /** Where: table, record id, field, byte offset, device id. */
    readonly detail: Readonly<Record<string, string | number>> = {},
  ) {
    super(`${fileName}: ${code}: ${reason}`);
  }
}

export const isSyncFileError = (error: unknown, code?: SyncFileErrorCode): error is SyncFileError =>
  error instanceof SyncFileError && (code === undefined || error.code === code);

/** Runs a reader and names the file in whatever it refuses; other errors pass unchanged. */
export async function refusingAs<T>(fileName: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isSyncError(error)) {
      const reason = error.message.startsWith(`${error.reason}: `)
        ? error.message.slice(error.reason.length + 2)
        : error.message;
      throw new SyncFileError(error.reason, fileName, reason, error.detail);
    }
    throw error;
  }
}
