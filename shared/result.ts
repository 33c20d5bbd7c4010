/** Error codes that cross the host boundary. Stable strings: the renderer translates them. */
export const hostErrorCodes = [
  'invalid-argument',
  'forbidden-sender',
  'cancelled',
  'not-found',
  'outside-folder',
  'unknown-folder',
  'io-error',
  'unsupported',
  /** A file above the size the caller accepts (`files:open-with-dialog`). */
  'too-large',
] as const;
export type HostErrorCode = (typeof hostErrorCodes)[number];

export interface HostError {
  code: HostErrorCode;
  message: string;
}

export type HostResult<T> = { ok: true; value: T } | { ok: false; error: HostError };

export const ok = <T>(value: T): HostResult<T> => ({ ok: true, value });
export const fail = <T = never>(code: HostErrorCode, message: string): HostResult<T> => ({
  ok: false,
  error: { code, message },
});
