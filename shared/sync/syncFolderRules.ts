import { ACK_FORMAT_VERSION, ACK_MAGIC } from './acknowledgement';
import {
  BUNDLE_FORMAT_VERSION,
  BUNDLE_MAGIC,
  GCM_TAG_BYTES,
  IV_BYTES,
  WRAPPED_KEY_BYTES,
} from './bundleFormat';
import { ECDSA_P256_SIGNATURE_BYTES } from './keys';
import { DEFAULT_REFERENCE_LIMITS, REFERENCE_FORMAT_VERSION, REFERENCE_MAGIC } from './referenceBundle';
import { syncLimits, type SyncLimits } from './limits';

/**
 * When a file in the sync folder is ready to read (docs/sync-format.md §12), shared by the
 * Electron main process (Node file system) and the browser host (File System Access API): the
 * stability rule and the declared-length check. Names are in syncFolderNames.ts.
 */

/** Default settle time: a file must keep its size and mtime this long before it is read. */
export const DEFAULT_SETTLE_MS = 2_000;

/** What a directory listing says about a file; equal stamps mean "not touched". */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export interface SettleVerdict {
  settled: boolean;
  /** How long until it could be settled if it stays as it is (0 once settled). */
  waitMs: number;
}

/**
 * The stability rule: a file is settled once the same size and mtime have been seen in two
 * observations at least `settleMs` apart. A sync service that writes in place (OneDrive,
 * a copy to a USB stick) changes one or the other while it writes. `now` comes from a
 * monotonic clock the caller owns, so tests can move time without sleeping.
 */
export class SettleTracker {
  private readonly seen = new Map<string, { stamp: FileStamp; since: number }>();

  constructor(readonly settleMs: number = DEFAULT_SETTLE_MS) {}

  observe(name: string, stamp: FileStamp, now: number): SettleVerdict {
    const previous = this.seen.get(name);
    const unchanged =
      previous !== undefined &&
      previous.stamp.size === stamp.size &&
      previous.stamp.mtimeMs === stamp.mtimeMs &&
      previous.since <= now;
    if (!unchanged) {
      this.seen.set(name, { stamp: { ...stamp }, since: now });
      return { settled: false, waitMs: this.settleMs };
    }
    const waitMs = Math.max(0, previous.since + this.settleMs - now);
    return { settled: waitMs === 0, waitMs };
  }

  /** Drops what it knows of files no longer there, so a file that comes back starts over. */
  keepOnly(names: ReadonlySet<string>): void {
    for (const name of this.seen.keys()) if (!names.has(name)) this.seen.delete(name);
  }
}

/**
 * Whether the bytes a file holds are as many as its own header declares.
 * - `incomplete`: a prefix of a bundle or acknowledgement, still arriving. Never an error:
 *   it waits for the rest, however long that takes.
 * - `complete`: as long as declared, or longer (the importer then says `corrupt`).
 * - `unrecognised`: not one of our files, or lengths no valid file has; ready, so the importer
 *   reports it instead of it waiting for ever.
 */
export type DeclaredLength = 'complete' | 'incomplete' | 'unrecognised';

/** Reads up to `length` bytes at `offset` (fewer at the end of the file). */
export type ReadAt = (offset: number, length: number) => Promise<Uint8Array>;

const FIXED_PREFIX = 10; // magic 4, version 1, flags 1, u32 length
const u32At = (bytes: Uint8Array, offset: number): number =>
  ((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!) >>>
  0;
const startsWith = (bytes: Uint8Array, prefix: Uint8Array): boolean =>
  bytes.subarray(0, prefix.length).every((b, i) => b === prefix[i]);

/**
 * Checks a file's declared lengths against its size, reading a few bytes only (the layout is
 * in bundleFormat.ts, acknowledgement.ts and referenceBundle.ts). Together with the stability
 * rule this catches a writer that paused longer than the settle time in the middle of a file.
 */
export async function checkDeclaredLength(
  size: number,
  readAt: ReadAt,
  limitOverrides: Partial<SyncLimits> = {},
): Promise<DeclaredLength> {
  const limits = syncLimits(limitOverrides);
  const head = await readAt(0, Math.min(size, FIXED_PREFIX));
  const magic = [BUNDLE_MAGIC, ACK_MAGIC, REFERENCE_MAGIC].find((m) =>
    startsWith(m, head.subarray(0, m.length)),
  );
  if (magic === undefined) return 'unrecognised';
  if (head.length <= magic.length) return 'incomplete';
  if (head[4] !== expectedVersion(magic)) return 'unrecognised';
  if (head.length < FIXED_PREFIX) return 'incomplete';
  const declared = u32At(head, 6);
  if (magic === ACK_MAGIC || magic === REFERENCE_MAGIC) {
    // The same layout around the signed part (acknowledgement.ts, referenceBundle.ts).
    const total = FIXED_PREFIX + declared + ECDSA_P256_SIGNATURE_BYTES;
    const max = magic === ACK_MAGIC ? limits.maxAcknowledgementBytes : DEFAULT_REFERENCE_LIMITS.maxFileBytes;
    if (total > max) return 'unrecognised';
    return size < total ? 'incomplete' : 'complete';
  }
  const headerLength = declared;
  if (headerLength > limits.maxHeaderBytes) return 'unrecognised';
  const keyLengthAt = FIXED_PREFIX + headerLength;
  if (size < keyLengthAt + 2) return 'incomplete';
  const keyLengthBytes = await readAt(keyLengthAt, 2);
  if (keyLengthBytes.length < 2) return 'incomplete'; // shrank since it was listed
  const keyLength = (keyLengthBytes[0]! << 8) | keyLengthBytes[1]!;
  if (keyLength !== WRAPPED_KEY_BYTES) return 'unrecognised';
  const cipherLengthAt = keyLengthAt + 2 + keyLength + IV_BYTES;
  if (size < cipherLengthAt + 4) return 'incomplete';
  const cipherLengthBytes = await readAt(cipherLengthAt, 4);
  if (cipherLengthBytes.length < 4) return 'incomplete';
  const cipherLength = u32At(cipherLengthBytes, 0);
  const total = cipherLengthAt + 4 + cipherLength + ECDSA_P256_SIGNATURE_BYTES;
  if (cipherLength < GCM_TAG_BYTES || total > limits.maxBundleBytes) return 'unrecognised';
  return size < total ? 'incomplete' : 'complete';
}

function expectedVersion(magic: Uint8Array): number {
  if (magic === REFERENCE_MAGIC) return REFERENCE_FORMAT_VERSION;
  return magic === ACK_MAGIC ? ACK_FORMAT_VERSION : BUNDLE_FORMAT_VERSION;
}
