import {
  acknowledgementContent,
  createAcknowledgement,
  readAcknowledgement,
} from '../../../../shared/sync/acknowledgement';
import type { StoredRecord } from '../../../../shared/sync/fieldVersions';
import type { SyncLimits } from '../../../../shared/sync/limits';
import { acknowledgementFileName } from '../../../../shared/sync/syncFolderNames';
import { emptyReplica, type ReplicaState, type SeqRange } from '../../../../shared/sync/merge';
import type { AppDatabase } from '../AppDatabase';
import { META_KEYS } from '../writeContext';
import { readOutgoingState } from './outgoing';
import { refusingAs } from './syncFileError';
import { refreshHouseholdDerived } from './syncDerive';
import { ENTITY_TABLE, SYNCED_TABLES, type SyncedTable } from './syncTables';

/**
 * Acknowledgements (docs/sync-format.md §8, §13): HQ writes one per device after a merge has
 * committed, signed with the organisation's key; the device verifies it, moves its watermark
 * (the next "Send to HQ" starts after it) and, if the organisation chose so, drops records it no
 * longer needs.
 */

// ---------------------------------------------------------------------------------------------
// HQ

export interface AcknowledgementSigner {
  organisationSigningKey: CryptoKey;
  /** The organisation fingerprint (over both keys), as in the organisation file. */
  organisationFingerprint: string;
  now?: () => Date;
}

export interface CreatedAcknowledgement {
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
  deviceId: string;
  ranges: SeqRange[];
  acknowledgedThrough: number;
}

/** Everything HQ holds from a device, signed; from the bundles committed in `importedBundles`. */
export async function createAcknowledgementFor(
  db: AppDatabase,
  deviceId: string,
  signer: AcknowledgementSigner,
): Promise<CreatedAcknowledgement> {
  const rows = await db.importedBundles.where('deviceId').equals(deviceId).toArray();
  const state: ReplicaState = {
    ...emptyReplica(),
    applied: new Map([[deviceId, new Map(rows.map((r) => [r.bundleId, { from: r.seqFrom, to: r.seqTo }]))]]),
  };
  const content = acknowledgementContent(state, deviceId);
  const bytes = await createAcknowledgement({
    organisationSigningKey: signer.organisationSigningKey,
    organisationFingerprint: signer.organisationFingerprint,
    deviceId,
    createdAt: (signer.now ?? (() => new Date()))().toISOString(),
    ranges: content.ranges,
    bundleIds: content.bundleIds,
  });
  return {
    bytes,
    fileName: acknowledgementFileName(deviceId),
    deviceId,
    ranges: content.ranges,
    acknowledgedThrough: content.acknowledgedThrough,
  };
}

// ---------------------------------------------------------------------------------------------
// Device

/** Which acknowledged records a device may drop (the organisation's choice). */
export interface PurgePolicy {
  select(table: SyncedTable, record: StoredRecord): boolean;
}

/** Drops deleted records once HQ has them: the smallest policy that frees space. */
export const purgeTombstones: PurgePolicy = { select: (_table, record) => record.deletedAt !== null };

export interface ApplyAcknowledgementContext {
  /** From the organisation file the device was set up with. */
  organisation: { signingKey: CryptoKey; fingerprint: string };
  /** Only if the organisation chose to purge acknowledged records. */
  purge?: PurgePolicy;
  now?: () => Date;
  limits?: Partial<SyncLimits>;
}

export interface AcknowledgementOutcome {
  /** `no-change`: an older or equal acknowledgement (they are cumulative, so it says nothing new). */
  status: 'applied' | 'no-change';
  fileName: string;
  ackId: string;
  previousThrough: number;
  acknowledgedThrough: number;
  /** Sent bundles this acknowledgement confirmed for the first time. */
  bundlesConfirmed: number;
  purged: number;
}

/**
 * Verifies an acknowledgement (signature by the organisation, addressed to this device) and
 * applies it. Throws `SyncFileError` with the file name when it is refused; nothing changes then.
 */
export async function applyAcknowledgement(
  db: AppDatabase,
  bytes: Uint8Array,
  fileName: string,
  context: ApplyAcknowledgementContext,
): Promise<AcknowledgementOutcome> {
  const deviceId = (await db.meta.get(META_KEYS.deviceId))?.value;
  if (typeof deviceId !== 'string') throw new Error('This database has no device id yet');
  const ack = await refusingAs(fileName, () =>
    readAcknowledgement(bytes, {
      organisationSigningKey: context.organisation.signingKey,
      organisationFingerprint: context.organisation.fingerprint,
      deviceId,
      limits: context.limits,
    }),
  );
  const now = (context.now ?? (() => new Date()))().toISOString();
  const tables = [
    db.syncState,
    db.sentBundles,
    db.audit,
    db.conflicts,
    ...SYNCED_TABLES.map((t) => db.table(t)),
  ];
  return db.transaction('rw', tables, async () => {
    const state = await readOutgoingState(db);
    const sent = await db.sentBundles.toArray();
    const named = new Set(ack.bundleIds);
    // Never past what this device sent and HQ names: a mistaken acknowledgement cannot skip changes.
    const sentTo = Math.max(0, ...sent.filter((b) => named.has(b.bundleId)).map((b) => b.seqTo));
    const through = Math.max(state.acknowledgedThrough, Math.min(ack.acknowledgedThrough, sentTo));
    const confirmed = sent.filter(
      (b) => b.acknowledgedAt === null && (named.has(b.bundleId) || b.seqTo <= through),
    );
    if (confirmed.length > 0)
      await db.sentBundles.bulkPut(confirmed.map((b) => ({ ...b, acknowledgedAt: now })));
    const advanced = through > state.acknowledgedThrough;
    const purged = advanced && context.purge ? await purgeAcknowledged(db, through, context.purge) : 0;
    if (advanced || confirmed.length > 0) {
      await db.syncState.put({
        ...state,
        acknowledgedThrough: through,
        lastAckId: ack.ackId,
        lastAckCreatedAt: ack.createdAt,
        lastAckAppliedAt: now,
        purgedCount: state.purgedCount + purged,
      });
    }
    return {
      status: advanced || confirmed.length > 0 ? 'applied' : 'no-change',
      fileName,
      ackId: ack.ackId,
      previousThrough: state.acknowledgedThrough,
      acknowledgedThrough: through,
      bundlesConfirmed: confirmed.length,
      purged,
    } satisfies AcknowledgementOutcome;
  });
}

/**
 * Drops the records the policy selects among those HQ has whole: written by a change HQ has
 * acknowledged and by none after it. Records never sent (no change on record) are kept.
 */
async function purgeAcknowledged(db: AppDatabase, through: number, policy: PurgePolicy): Promise<number> {
  const key = (table: string, id: string) => `${table}\u0000${id}`;
  const acknowledged = new Set<string>();
  const later = new Set<string>();
  await db.audit.each((entry) => {
    const table = ENTITY_TABLE.get(entry.entity);
    if (!table || entry.seq === undefined) return;
    (entry.seq <= through ? acknowledged : later).add(key(table, entry.recordId));
  });
  let purged = 0;
  const households = new Set<string>();
  for (const table of SYNCED_TABLES) {
    const rows = (await db.table(table).toArray()) as StoredRecord[];
    const drop = rows.filter(
      (r) => acknowledged.has(key(table, r.id)) && !later.has(key(table, r.id)) && policy.select(table, r),
    );
    if (drop.length === 0) continue;
    await db.table(table).bulkDelete(drop.map((r) => r.id));
    const conflictIds = await db.conflicts
      .where('[table+recordId]')
      .anyOf(drop.map((r) => [table, r.id]))
      .primaryKeys();
    await db.conflicts.bulkDelete(conflictIds);
    if (table === 'persons')
      for (const r of drop) if (typeof r.householdId === 'string') households.add(r.householdId);
    purged += drop.length;
  }
  for (const id of households) await refreshHouseholdDerived(db, id);
  return purged;
}
