import { readBundle } from '../../../../shared/sync/bundle';
import { decodeContainer, type BundleHeader } from '../../../../shared/sync/bundleFormat';
import { SyncError } from '../../../../shared/sync/errors';
import type { HybridLogicalClock } from '../../../../shared/sync/hlc';
import type { SyncLimits } from '../../../../shared/sync/limits';
import type { BundleContent, ConflictEntry } from '../../../../shared/sync/merge';
import type { AppDatabase } from '../AppDatabase';
import type { StorageGuard } from '../storageGuard';
import { knownDeviceOf } from './devices';
import { refusingAs, SyncFileError } from './syncFileError';
import type { HeldBundleRow } from './syncRows';
import { importedBundleId, mergeIntoDatabase } from './mergeBundle';
import { syncedFields, validateSyncedRecord, type SyncedTable } from './syncTables';

/**
 * HQ's import of a device's bundle into the database. Everything that needs WebCrypto (verify,
 * unwrap, decrypt, attachment hashes) and every check runs first; the merge then runs in one
 * read-write transaction, so a bundle is merged whole or not at all, and a refused file leaves
 * the database exactly as it was (the tests hash the whole database before and after).
 *
 * Order of the checks: container and header, recipient, sender (unknown → held back, revoked →
 * refused), signature, replay, decryption, payload, every record against the shared schemas.
 */

export interface ImportContext {
  /** HQ's RSA-OAEP private key. */
  organisationKey: CryptoKey;
  /** SHA-256 of HQ's encryption key SPKI (`Organisation.encryptionKeyFingerprint`). */
  organisationKeyFingerprint: string;
  /** Who imports, for the audit entries. */
  actor: string;
  now?: () => Date;
  /** HQ's clock: moved past the latest imported stamp, so HQ's next write is later than all of them. */
  clock?: HybridLogicalClock;
  limits?: Partial<SyncLimits>;
  /** Refuse bundles stamped further than this in the future ('clock-skew'). Off unless set. */
  maxFutureSkewMs?: number;
  storageGuard?: StorageGuard;
  onProgress?: (progress: ImportProgress) => void;
}

export type ImportProgress =
  | { phase: 'verifying' }
  | { phase: 'merging'; records: number }
  | { phase: 'done' };

export interface TableCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport extends TableCounts {
  bundleId: string;
  deviceId: string;
  seq: { from: number; to: number };
  byTable: Partial<Record<SyncedTable, TableCounts>>;
  /** Concurrent versions this import kept that were not kept before (for HQ's review). */
  newConflicts: ConflictEntry[];
  /** Households whose derived fields changed because their members did. */
  householdsRefreshed: number;
  maxStamp: string | undefined;
  /** Records the field merge left breaking a rule of their schema: reported, not refused (docs §7). */
  invalidAfterMerge: { table: string; id: string; message: string }[];
}

export type ImportOutcome =
  | { status: 'imported'; fileName: string; header: BundleHeader; report: ImportReport }
  /** This bundle from this device was merged before: nothing changed. */
  | { status: 'already-imported'; fileName: string; header: BundleHeader }
  /** From a device HQ has not enrolled: kept in `heldBundles` for a decision, nothing merged. */
  | { status: 'held'; fileName: string; header: BundleHeader; heldId: string };

/**
 * Verifies, decrypts, validates and merges one bundle file. Throws `SyncFileError` (with the
 * file name and a code) for every refused file; the database is then unchanged.
 */
export async function importBundle(
  db: AppDatabase,
  bytes: Uint8Array,
  fileName: string,
  context: ImportContext,
  options: { heldId?: string } = {},
): Promise<ImportOutcome> {
  context.onProgress?.({ phase: 'verifying' });
  const header = await refusingAs(fileName, async () => {
    const { header } = decodeContainer(bytes, context.limits);
    if (header.recipient !== context.organisationKeyFingerprint) {
      throw new SyncError('wrong-recipient', "The bundle is encrypted for another organisation's key");
    }
    return header;
  });
  const { deviceId, keyFingerprint } = header.sender;
  const [byId, byKey] = await Promise.all([
    db.devices.get(deviceId),
    db.devices.where('fingerprint').equals(keyFingerprint).first(),
  ]);
  if (byId?.status === 'revoked' || byKey?.status === 'revoked') {
    throw new SyncFileError('revoked-device', fileName, `Device ${deviceId} has been revoked`, { deviceId });
  }
  // Neither the device nor its key is known: a new device, held until HQ confirms its fingerprint.
  // (A known key under an unknown id, or the reverse, is refused below: a single changed byte
  // must never turn a bundle into one that waits for a decision.)
  if (!byId && !byKey) return hold(db, bytes, fileName, header, context);

  const known = byId ? await knownDeviceOf(byId) : undefined;
  const applied = new Set(await db.importedBundles.where('deviceId').equals(deviceId).primaryKeys());
  let content: BundleContent & { header: BundleHeader };
  try {
    content = await refusingAs(fileName, () =>
      readBundle(bytes, {
        organisationKey: context.organisationKey,
        organisationKeyFingerprint: context.organisationKeyFingerprint,
        knownDevices: (id) => (id === deviceId ? known : undefined),
        isApplied: (device, bundle) => applied.has(importedBundleId(device, bundle)),
        validate: validateSyncedRecord,
        limits: context.limits,
        maxFutureSkewMs: context.maxFutureSkewMs,
        now: context.now ? () => context.now!().getTime() : undefined,
      }),
    );
  } catch (error) {
    if (error instanceof SyncFileError && error.code === 'replayed') {
      if (options.heldId) await db.heldBundles.delete(options.heldId);
      return { status: 'already-imported', fileName, header };
    }
    throw error;
  }
  checkContent(content, fileName);
  context.storageGuard?.assertCanWriteNow();

  context.onProgress?.({ phase: 'merging', records: content.records.length });
  const report = await mergeIntoDatabase(db, content, fileName, context, options.heldId);
  if (report === null) return { status: 'already-imported', fileName, header };
  if (report.maxStamp) context.clock?.receive(report.maxStamp);
  context.onProgress?.({ phase: 'done' });
  return { status: 'imported', fileName, header, report };
}

async function hold(
  db: AppDatabase,
  bytes: Uint8Array,
  fileName: string,
  header: BundleHeader,
  context: ImportContext,
): Promise<ImportOutcome> {
  const heldId = importedBundleId(header.sender.deviceId, header.bundleId);
  context.storageGuard?.assertCanWriteNow();
  const row: HeldBundleRow = {
    id: heldId,
    deviceId: header.sender.deviceId,
    bundleId: header.bundleId,
    keyFingerprint: header.sender.keyFingerprint,
    fileName,
    header,
    bytes: new Uint8Array(bytes),
    heldAt: (context.now ?? (() => new Date()))().toISOString(),
  };
  await db.transaction('rw', db.heldBundles, async () => {
    if (!(await db.heldBundles.get(heldId))) await db.heldBundles.add(row);
  });
  return { status: 'held', fileName, header, heldId };
}

/** What the shared reader cannot know about this database: conflicts on fields, attachments that match their bytes. */
function checkContent(content: BundleContent, fileName: string): void {
  const refuse = (message: string, detail: Record<string, string>) => {
    throw new SyncFileError('invalid-record', fileName, message, detail);
  };
  for (const c of content.conflicts) {
    if (!syncedFields(c.table as SyncedTable).has(c.field)) {
      refuse(`A conflict names ${c.field}, which is not a field of ${c.table}`, {
        table: c.table,
        id: c.id,
        field: c.field,
      });
    }
  }
  for (const { table, record } of content.records) {
    if (table !== 'attachments') continue;
    const ref = record.data as { $blob?: unknown } | undefined;
    const bytes = typeof ref?.$blob === 'string' ? content.blobs.get(ref.$blob) : undefined;
    if (ref?.$blob !== record.sha256 || bytes?.length !== record.size) {
      refuse('An attachment does not match its stated hash or size', { table, id: record.id });
    }
  }
}

/** Imports the bundles held for a device HQ has just enrolled; refused ones stay held, with the reason. */
export async function releaseHeldBundles(
  db: AppDatabase,
  deviceId: string,
  context: ImportContext,
): Promise<{ id: string; fileName: string; outcome?: ImportOutcome; error?: SyncFileError }[]> {
  const held = (await db.heldBundles.where('deviceId').equals(deviceId).toArray()).sort(
    (a, b) => a.header.seq.to - b.header.seq.to || a.id.localeCompare(b.id),
  );
  const results = [];
  for (const row of held) {
    try {
      const outcome = await importBundle(db, row.bytes, row.fileName, context, { heldId: row.id });
      results.push({ id: row.id, fileName: row.fileName, outcome });
    } catch (error) {
      if (!(error instanceof SyncFileError)) throw error;
      results.push({ id: row.id, fileName: row.fileName, error });
    }
  }
  return results;
}
