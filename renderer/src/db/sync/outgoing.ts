import { createBundle } from '../../../../shared/sync/bundle';
import { bundleFileName, type BundleHeader } from '../../../../shared/sync/bundleFormat';
import { syncLimits, type SyncLimits } from '../../../../shared/sync/limits';
import type { AppDatabase } from '../AppDatabase';
import { META_KEYS } from '../writeContext';
import { refusingAs, SyncFileError } from './syncFileError';
import type { OutgoingSyncState, SentBundleRow } from './syncRows';
import { ENTITY_TABLE, SYNCED_TABLES, type SyncedTable } from './syncTables';

/**
 * The device side of "Send to HQ": which records to send, the bundle file, and what was sent.
 *
 * Changes are counted by the audit log's `seq`: every write of a synced record adds one audit
 * entry in the same transaction, numbered in commit order. A bundle covers the changes after the
 * last one HQ acknowledged (`acknowledgedThrough`) up to the latest, and carries the current
 * version of every record they touched. Why not "records with an hlc above a watermark": a
 * record's stamp is taken before its transaction starts, so a write can commit after a later
 * stamp and would fall below a watermark taken in between; commit order cannot.
 *
 * Until HQ acknowledges them, the same changes go again in every bundle (the merge is
 * idempotent, so overlap costs nothing and a lost USB stick loses nothing).
 */

export interface ChangeSet {
  records: { table: SyncedTable; record: Record<string, unknown> }[];
  /** The audit seq range covered; null when there is nothing to send. */
  seq: { from: number; to: number } | null;
}

export type ExportProgress =
  | { phase: 'collecting'; done: number; total: number }
  | { phase: 'sealing'; records: number }
  | { phase: 'done'; records: number; bytes: number };

const OUTGOING_KEY = 'outgoing';

export const initialOutgoingState = (): OutgoingSyncState => ({
  key: OUTGOING_KEY,
  acknowledgedThrough: 0,
  lastAckId: null,
  lastAckCreatedAt: null,
  lastAckAppliedAt: null,
  purgedCount: 0,
});

export async function readOutgoingState(db: AppDatabase): Promise<OutgoingSyncState> {
  return (await db.syncState.get(OUTGOING_KEY)) ?? initialOutgoingState();
}

const latestSeq = async (db: AppDatabase): Promise<number> =>
  (await db.audit.orderBy(':id').last())?.seq ?? 0;

const byId = (a: { id?: unknown }, b: { id?: unknown }) => String(a.id).localeCompare(String(b.id));

/**
 * The records changed after audit entry `afterSeq` (their current version, tombstones included),
 * or every synced record with `full`. Read in one transaction, so the range and the records agree.
 */
export async function changesSince(
  db: AppDatabase,
  since: { afterSeq: number } | { full: true },
  onProgress?: (progress: ExportProgress) => void,
): Promise<ChangeSet> {
  const tables = SYNCED_TABLES.map((t) => db.table(t));
  return db.transaction('r', [db.audit, ...tables], async () => {
    const to = await latestSeq(db);
    const from = 'full' in since ? 1 : since.afterSeq + 1;
    if (to < from) return { records: [], seq: null };
    let wanted: Map<SyncedTable, Set<string>> | null = null;
    if (!('full' in since)) {
      wanted = new Map();
      const entries = await db.audit.where(':id').above(since.afterSeq).toArray();
      for (const entry of entries) {
        const table = ENTITY_TABLE.get(entry.entity);
        if (!table) continue;
        const ids = wanted.get(table) ?? new Set<string>();
        ids.add(entry.recordId);
        wanted.set(table, ids);
      }
    }
    const records: ChangeSet['records'] = [];
    let done = 0;
    for (const table of SYNCED_TABLES) {
      let rows: Record<string, unknown>[];
      if (wanted === null) {
        rows = await db.table(table).toArray();
      } else {
        const ids = [...(wanted.get(table) ?? [])];
        // A record purged after an acknowledgement has nothing left to send.
        rows = ids.length === 0 ? [] : (await db.table(table).bulkGet(ids)).filter((r) => r !== undefined);
      }
      for (const record of rows.sort(byId)) records.push({ table, record });
      onProgress?.({ phase: 'collecting', done: ++done, total: SYNCED_TABLES.length });
    }
    return { records, seq: { from, to } };
  });
}

export interface ExportContext {
  /** This device's signing pair (the public half's fingerprint is what HQ enrolled). */
  device: { signingKey: CryptoKey; publicKey: CryptoKey };
  /** From the organisation file: the RSA-OAEP public key bundles are encrypted to. */
  organisation: { encryptionKey: CryptoKey };
  /** Everything, not only what HQ has not acknowledged (for a new HQ database, or on request). */
  full?: boolean;
  now?: () => Date;
  onProgress?: (progress: ExportProgress) => void;
  /** HQ's limits, to refuse here a bundle HQ would refuse (default: the shared defaults). */
  limits?: Partial<SyncLimits>;
}

export interface ExportedBundle {
  bytes: Uint8Array<ArrayBuffer>;
  header: BundleHeader;
  fileName: string;
  full: boolean;
}

/**
 * Makes the bundle file of "Send to HQ" and records it as sent (the caller writes the bytes to
 * the sync folder or a USB stick). Null when HQ already has every change.
 */
export async function exportBundle(db: AppDatabase, context: ExportContext): Promise<ExportedBundle | null> {
  const now = context.now ?? (() => new Date());
  const full = context.full ?? false;
  const deviceId = (await db.meta.get(META_KEYS.deviceId))?.value;
  if (typeof deviceId !== 'string') throw new Error('This database has no device id yet');
  const state = await readOutgoingState(db);
  const changes = await changesSince(
    db,
    full ? { full: true } : { afterSeq: state.acknowledgedThrough },
    context.onProgress,
  );
  if (changes.seq === null || changes.records.length === 0) return null;
  const seq = changes.seq;
  const bundleId = crypto.randomUUID();
  const fileName = bundleFileName({ bundleId, sender: { deviceId, keyFingerprint: '' }, seq });
  context.onProgress?.({ phase: 'sealing', records: changes.records.length });
  const createdAt = now().toISOString();
  const { bytes, header } = await refusingAs(fileName, () =>
    createBundle({
      device: { deviceId, signingKey: context.device.signingKey, publicKey: context.device.publicKey },
      organisation: context.organisation,
      seq,
      changes,
      createdAt,
      bundleId,
    }),
  );
  const limits = syncLimits(context.limits);
  if (
    bytes.length > limits.maxBundleBytes ||
    header.counts.records > limits.maxRecords ||
    header.counts.blobs > limits.maxBlobs
  ) {
    throw new SyncFileError(
      'export-too-large',
      fileName,
      `The bundle would hold ${header.counts.records} records and ${header.counts.blobs} attachments in ${bytes.length} bytes, over HQ's limits`,
    );
  }
  const sent: SentBundleRow = {
    bundleId,
    seqFrom: seq.from,
    seqTo: seq.to,
    full,
    fileName,
    createdAt,
    counts: header.counts,
    acknowledgedAt: null,
  };
  await db.sentBundles.add(sent);
  context.onProgress?.({ phase: 'done', records: header.counts.records, bytes: bytes.length });
  return { bytes, header, fileName, full };
}

export interface OutgoingStatus {
  acknowledgedThrough: number;
  latestSeq: number;
  /** Changes not yet acknowledged by HQ. */
  pendingChanges: number;
  /** Bundles sent that no acknowledgement has named yet, newest first. */
  unacknowledged: SentBundleRow[];
  lastAckAppliedAt: string | null;
}

/** For the sync screen: what is at HQ and what is not yet. */
export async function outgoingStatus(db: AppDatabase): Promise<OutgoingStatus> {
  return db.transaction('r', [db.audit, db.syncState, db.sentBundles], async () => {
    const state = await readOutgoingState(db);
    const latest = await latestSeq(db);
    const sent = await db.sentBundles.orderBy('seqTo').reverse().toArray();
    return {
      acknowledgedThrough: state.acknowledgedThrough,
      latestSeq: latest,
      pendingChanges: Math.max(0, latest - state.acknowledgedThrough),
      unacknowledged: sent.filter((b) => b.acknowledgedAt === null),
      lastAckAppliedAt: state.lastAckAppliedAt,
    };
  });
}

/** How much of HQ's limits one bundle of a split export may use: a margin for estimates. */
const CHUNK_SHARE = 0.5;

function recordSize(record: Record<string, unknown>): { json: number; blobs: number; blobCount: number } {
  let blobs = 0;
  let blobCount = 0;
  const json = JSON.stringify(record, (_key, value: unknown) => {
    if (value instanceof Uint8Array) {
      blobs += value.byteLength;
      blobCount += 1;
      return null;
    }
    return value;
  }).length;
  return { json, blobs, blobCount };
}

/**
 * "Send to HQ" for any amount of changes: when everything does not fit in one bundle under HQ's
 * limits (a full export of years of work, many photos), the changes are cut into several
 * bundles at audit-seq boundaries. Each bundle covers a contiguous seq range and carries the
 * current version of every record whose latest change falls in it, so an acknowledgement of one
 * bundle never claims records only a later bundle holds. Records never audited (seeds) go in the
 * first bundle. All are read in one transaction and written in seq order.
 */
export async function exportBundles(db: AppDatabase, context: ExportContext): Promise<ExportedBundle[]> {
  const now = context.now ?? (() => new Date());
  const full = context.full ?? false;
  const limits = syncLimits(context.limits);
  const budget = {
    json: limits.maxJsonBytes * CHUNK_SHARE,
    blobs: limits.maxBundleBytes * CHUNK_SHARE,
    records: Math.floor(limits.maxRecords * CHUNK_SHARE),
    blobCount: Math.floor(limits.maxBlobs * CHUNK_SHARE),
  };
  const deviceId = (await db.meta.get(META_KEYS.deviceId))?.value;
  if (typeof deviceId !== 'string') throw new Error('This database has no device id yet');
  const state = await readOutgoingState(db);
  const changes = await changesSince(
    db,
    full ? { full: true } : { afterSeq: state.acknowledgedThrough },
    context.onProgress,
  );
  if (changes.seq === null || changes.records.length === 0) return [];
  const { from, to } = changes.seq;

  // The latest change of every record in the range: where it belongs.
  const lastSeq = new Map<string, number>();
  await db.audit
    .where(':id')
    .between(from, to, true, true)
    .each((entry) => {
      const table = ENTITY_TABLE.get(entry.entity);
      if (table) lastSeq.set(`${table}\u0000${entry.recordId}`, entry.seq ?? from);
    });
  const ordered = changes.records
    .map((r) => ({
      ...r,
      seq: lastSeq.get(`${r.table}\u0000${String(r.record.id)}`) ?? from,
      size: recordSize(r.record),
    }))
    .sort((a, b) => a.seq - b.seq);

  const chunks: { records: ChangeSet['records']; seq: { from: number; to: number } }[] = [];
  let current: typeof ordered = [];
  let used = { json: 0, blobs: 0, records: 0, blobCount: 0 };
  let chunkFrom = from;
  const close = (through: number) => {
    chunks.push({
      records: current.map(({ table, record }) => ({ table, record })),
      seq: { from: chunkFrom, to: through },
    });
    chunkFrom = through + 1;
    current = [];
    used = { json: 0, blobs: 0, records: 0, blobCount: 0 };
  };
  for (const item of ordered) {
    const over =
      used.json + item.size.json > budget.json ||
      used.blobs + item.size.blobs > budget.blobs ||
      used.records + 1 > budget.records ||
      used.blobCount + item.size.blobCount > budget.blobCount;
    const last = current[current.length - 1];
    // A cut only between two seqs: one change is never split over two bundles.
    if (over && last && last.seq < item.seq) close(item.seq - 1);
    current.push(item);
    used = {
      json: used.json + item.size.json,
      blobs: used.blobs + item.size.blobs,
      records: used.records + 1,
      blobCount: used.blobCount + item.size.blobCount,
    };
  }
  close(to);

  const bundles: ExportedBundle[] = [];
  for (const chunk of chunks) {
    const bundleId = crypto.randomUUID();
    const fileName = bundleFileName({ bundleId, sender: { deviceId, keyFingerprint: '' }, seq: chunk.seq });
    context.onProgress?.({ phase: 'sealing', records: chunk.records.length });
    const createdAt = now().toISOString();
    const { bytes, header } = await refusingAs(fileName, () =>
      createBundle({
        device: { deviceId, signingKey: context.device.signingKey, publicKey: context.device.publicKey },
        organisation: context.organisation,
        seq: chunk.seq,
        changes: { records: chunk.records },
        createdAt,
        bundleId,
      }),
    );
    if (bytes.length > limits.maxBundleBytes) {
      throw new SyncFileError(
        'export-too-large',
        fileName,
        `One change alone makes a bundle of ${bytes.length} bytes`,
      );
    }
    await db.sentBundles.add({
      bundleId,
      seqFrom: chunk.seq.from,
      seqTo: chunk.seq.to,
      full,
      fileName,
      createdAt,
      counts: header.counts,
      acknowledgedAt: null,
    });
    bundles.push({ bytes, header, fileName, full });
  }
  context.onProgress?.({
    phase: 'done',
    records: bundles.reduce((n, b) => n + b.header.counts.records, 0),
    bytes: bundles.reduce((n, b) => n + b.bytes.length, 0),
  });
  return bundles;
}
