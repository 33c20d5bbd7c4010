import type { BundleHeader } from './bundleFormat';
import { BUNDLE_FORMAT_VERSION } from './bundleFormat';
import { openBundle, sealBundle, type OpenContext } from './bundleCrypto';
import { keyFingerprint } from './keys';
import {
  applyBundle,
  hasApplied,
  type ApplyOptions,
  type ApplyReport,
  type BundleContent,
  type ReplicaState,
} from './merge';
import { decodePayload, encodePayload, type DecodeOptions, type OutgoingChanges } from './payload';

/**
 * The whole path: a device turns its changes into a bundle file; HQ reads it (verify, decrypt,
 * validate) and merges it into its replica.
 */

export interface CreateBundleInput {
  device: { deviceId: string; signingKey: CryptoKey; publicKey: CryptoKey };
  organisation: { encryptionKey: CryptoKey };
  /** The sender's change-sequence numbers covered (contiguous with the previous bundle's). */
  seq: { from: number; to: number };
  changes: OutgoingChanges;
  createdAt: string;
  bundleId?: string;
  compress?: boolean;
}

export async function createBundle(
  input: CreateBundleInput,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; header: BundleHeader }> {
  const bundleId = input.bundleId ?? globalThis.crypto.randomUUID();
  const encoded = await encodePayload(bundleId, input.device.deviceId, input.changes, {
    compress: input.compress,
  });
  const header: BundleHeader = {
    formatVersion: BUNDLE_FORMAT_VERSION,
    bundleId,
    sender: { deviceId: input.device.deviceId, keyFingerprint: await keyFingerprint(input.device.publicKey) },
    recipient: await keyFingerprint(input.organisation.encryptionKey),
    createdAt: input.createdAt,
    seq: { ...input.seq },
    counts: encoded.counts,
  };
  const bytes = await sealBundle({
    header,
    plaintext: encoded.plaintext,
    recipientKey: input.organisation.encryptionKey,
    signingKey: input.device.signingKey,
  });
  return { bytes, header };
}

export type ReadContext = OpenContext & DecodeOptions;

/** Verifies, decrypts and validates a bundle file; throws SyncError with the reason otherwise. */
export async function readBundle(
  bytes: Uint8Array,
  context: ReadContext,
): Promise<BundleContent & { header: BundleHeader }> {
  const { header, plaintext } = await openBundle(bytes, context);
  const content = await decodePayload(plaintext, header, context);
  return { ...content, header };
}

/** Reads a bundle file and merges it into a replica; the replica is unchanged on any error. */
export async function importBundle(
  state: ReplicaState,
  bytes: Uint8Array,
  context: Omit<ReadContext, 'isApplied'> & ApplyOptions,
): Promise<{ state: ReplicaState; report: ApplyReport; header: BundleHeader }> {
  const content = await readBundle(bytes, {
    ...context,
    isApplied: (device, bundle) => hasApplied(state, device, bundle),
  });
  const { state: next, report } = applyBundle(state, content, context);
  return { state: next, report, header: content.header };
}
