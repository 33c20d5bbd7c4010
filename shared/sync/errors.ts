/**
 * Why a sync file was refused. Stable strings: the renderer translates them (`sync.error.<reason>`),
 * the message is English for logs and support.
 */
export const syncErrorReasons = [
  /** The file ends before the lengths it declares. */
  'truncated',
  /** Not a file of this kind, or its structure or contents do not hold together. */
  'corrupt',
  /** The signature does not match the sender's key (or the organisation's key, for an acknowledgement). */
  'bad-signature',
  /** Signed correctly, but what was signed does not match what was encrypted or declared: re-packaged. */
  'tampered',
  /** The sender is not an enrolled device, or it signed with a key other than the enrolled one. */
  'unknown-device',
  /** Encrypted for another organisation's key, or an acknowledgement addressed to another device. */
  'wrong-recipient',
  /** A format version this build does not read. */
  'unknown-version',
  /** Over a size limit (file, header, payload, record count, attachment). */
  'too-large',
  /** Structure built to harm the reader: deep nesting, huge strings, prototype keys, non-finite numbers. */
  'hostile-content',
  /** A record (or a conflict value) fails the record checks or the shared schema. */
  'invalid-record',
  /** This bundle was already imported. */
  'replayed',
  /** Stamps too far in the future (only when the importer sets a limit). */
  'clock-skew',
] as const;
export type SyncErrorReason = (typeof syncErrorReasons)[number];

export class SyncError extends Error {
  override readonly name = 'SyncError';

  constructor(
    readonly reason: SyncErrorReason,
    message: string,
    /** Where the problem is, when it helps: table, record id, field, byte offset. */
    readonly detail: Readonly<Record<string, string | number>> = {},
  ) {
    super(`${reason}: ${message}`);
  }
}

export const isSyncError = (error: unknown, reason?: SyncErrorReason): error is SyncError =>
  error instanceof SyncError && (reason === undefined || error.reason === reason);
