import { MAX_ATTACHMENT_BYTES } from '../attachments/attachmentSchema';

/**
 * What an importer accepts. Generous for real use (a month of a monitor's visits with photos),
 * small enough that a hostile or broken file is refused before it costs much memory or time.
 * Every reader takes a `Partial<SyncLimits>` to tighten or widen them.
 */
export interface SyncLimits {
  /** Whole bundle file. */
  maxBundleBytes: number;
  /** The plain header JSON. */
  maxHeaderBytes: number;
  /** The payload JSON once decompressed (characters ≈ bytes). */
  maxJsonBytes: number;
  /** Nesting of objects and arrays in any JSON read. */
  maxDepth: number;
  /** Characters in one JSON string. */
  maxStringLength: number;
  maxRecords: number;
  maxConflicts: number;
  maxBlobs: number;
  /** One attachment (or thumbnail). */
  maxBlobBytes: number;
  /** Acknowledgement file. */
  maxAcknowledgementBytes: number;
}

export const DEFAULT_SYNC_LIMITS: Readonly<SyncLimits> = Object.freeze({
  maxBundleBytes: 256 * 1024 * 1024,
  maxHeaderBytes: 16 * 1024,
  maxJsonBytes: 64 * 1024 * 1024,
  maxDepth: 32,
  maxStringLength: 256 * 1024,
  maxRecords: 100_000,
  maxConflicts: 100_000,
  maxBlobs: 10_000,
  maxBlobBytes: MAX_ATTACHMENT_BYTES,
  maxAcknowledgementBytes: 4 * 1024 * 1024,
});

export const syncLimits = (overrides: Partial<SyncLimits> = {}): SyncLimits => ({
  ...DEFAULT_SYNC_LIMITS,
  ...overrides,
});
