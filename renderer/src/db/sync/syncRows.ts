import type { BundleHeader } from '../../../../shared/sync/bundleFormat';

/**
 * Rows of the sync tables (schema v4). Only the primary key and the indexed fields stay plain
 * at rest (the sealing middleware seals the rest), so none of the indexed fields below holds
 * personal data: ids, fingerprints, stamps, sequence numbers and statuses.
 */

/** HQ: a device enrolled after its fingerprint was confirmed (`devices`). */
export interface DeviceRow {
  deviceId: string;
  name: string;
  /** SHA-256 of the SPKI of the device's signing key, hex; unique. */
  fingerprint: string;
  /** The SubjectPublicKeyInfo of the signing key (a CryptoKey is made from it on import). */
  spki: Uint8Array;
  status: 'active' | 'revoked';
  enrolledAt: string;
  revokedAt: string | null;
}

/** HQ: a bundle from a device HQ has not enrolled, kept whole until HQ decides (`heldBundles`). */
export interface HeldBundleRow {
  /** `<deviceId>:<bundleId>` */
  id: string;
  deviceId: string;
  bundleId: string;
  /** The fingerprint the bundle claims: what HQ compares with the device's before enrolling it. */
  keyFingerprint: string;
  fileName: string;
  header: BundleHeader;
  bytes: Uint8Array;
  heldAt: string;
}

/** HQ: one row per bundle merged, per sender (`importedBundles`): replay protection and the acknowledgements. */
export interface ImportedBundleRow {
  /** `<deviceId>:<bundleId>` */
  id: string;
  deviceId: string;
  bundleId: string;
  seqFrom: number;
  seqTo: number;
  fileName: string;
  /** The sender's clock when it made the bundle. */
  createdAt: string;
  importedAt: string;
}

/**
 * A concurrent version kept beside a record's winning value (`conflicts`), until a write that
 * has seen it supersedes it. Holds only what the merge holds, so two databases that merged the
 * same bundles in any order have the same rows.
 */
export interface ConflictRow {
  /** `<table>\0<recordId>\0<field>\0<stamp>` */
  id: string;
  table: string;
  recordId: string;
  field: string;
  stamp: string;
  /** Undefined (absent once stored) when the version's value was absent; byte fields hold `{ $blob: sha256 }`. */
  value: unknown;
  base: readonly string[];
}

/** HQ: attachment bytes, once per SHA-256 whatever the number of records naming them (`blobs`). */
export interface BlobRow {
  sha256: string;
  data: Uint8Array;
}

/** Device: a bundle written by "Send to HQ" (`sentBundles`), kept until an acknowledgement covers it. */
export interface SentBundleRow {
  bundleId: string;
  seqFrom: number;
  seqTo: number;
  full: boolean;
  fileName: string;
  createdAt: string;
  counts: BundleHeader['counts'];
  /** When an acknowledgement named this bundle; null while HQ has not confirmed it. */
  acknowledgedAt: string | null;
}

/** Device: where the outgoing sync stands (`syncState`, key `outgoing`). */
export interface OutgoingSyncState {
  key: 'outgoing';
  /** Every change with audit seq ≤ this is at HQ: the next "Send to HQ" starts after it. */
  acknowledgedThrough: number;
  lastAckId: string | null;
  lastAckCreatedAt: string | null;
  lastAckAppliedAt: string | null;
  /** Records dropped after acknowledgements under the organisation's purge policy. */
  purgedCount: number;
}

export type SyncStateRow = OutgoingSyncState;
