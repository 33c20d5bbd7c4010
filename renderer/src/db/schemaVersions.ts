import type { Transaction } from 'dexie';
import { normalizeForSearch, searchTokens } from '../../../shared/text/normalize';

/**
 * Every schema version of the one database, kept as constants so a migration test can create
 * the previous version exactly as it shipped. Rules: never edit a shipped version; add a new
 * one, with an upgrade function that works only on its own transaction.
 */
export const DATABASE_NAME = 'protection-monitor';

export const schemaV1 = {
  meta: 'key',
  shelters: 'id, municipality, status, updatedAt, hlc',
  audit: '++seq, &id, recordId, at',
} as const;

/** v2: diacritics- and script-insensitive name search through a multi-entry token index. */
export const schemaV2 = {
  ...schemaV1,
  shelters: 'id, municipality, status, updatedAt, hlc, nameKey, *searchTokens',
} as const;

export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('shelters')
    .toCollection()
    .modify((shelter: { name?: string; nameKey?: string; searchTokens?: string[] }) => {
      const name = shelter.name ?? '';
      shelter.nameKey = normalizeForSearch(name);
      shelter.searchTokens = searchTokens(name);
    });
}

/**
 * v3: the monitoring records. Sparse `openDue` indexes hold a due date only while a referral
 * or follow-up is still open, so "overdue" is one index range, not a table scan; compound
 * indexes serve lists that are filtered and sorted by date.
 */
export const schemaV3 = {
  ...schemaV2,
  households: 'id, status, community, updatedAt, [status+updatedAt], shelterId, *searchTokens',
  persons: 'id, householdId, *searchTokens',
  shelterVisits: 'id, shelterId, visitDate, [shelterId+visitDate]',
  householdVisits: 'id, householdId, visitDate, [householdId+visitDate], questionnaireId',
  referrals: 'id, householdId, status, dueDate, openDue, organisationId, [status+dueDate]',
  followUps: 'id, subjectId, dueDate, openDue',
  organisations: 'id, name',
  attachments: 'id, [ownerType+ownerId], sha256',
  drafts: 'key, updatedAt',
} as const;

/**
 * v4: the file sync to HQ. At HQ: enrolled devices, bundles held back from unknown devices,
 * the bundles merged (replay protection, acknowledgements), the conflicts kept by the merge and
 * attachment bytes stored once by hash. On a device: the bundles sent and the acknowledged
 * watermark. New tables only, so no upgrade function (renderer/src/db/sync/syncRows.ts).
 */
export const schemaV4 = {
  ...schemaV3,
  devices: 'deviceId, &fingerprint, status',
  heldBundles: 'id, deviceId, keyFingerprint',
  importedBundles: 'id, deviceId',
  conflicts: 'id, [table+recordId]',
  blobs: 'sha256',
  sentBundles: 'bundleId, seqTo',
  syncState: 'key',
} as const;

export interface SchemaVersion {
  version: number;
  stores: Readonly<Record<string, string>>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const schemaVersions: readonly SchemaVersion[] = [
  { version: 1, stores: schemaV1 },
  { version: 2, stores: schemaV2, upgrade: upgradeToV2 },
  { version: 3, stores: schemaV3 },
  { version: 4, stores: schemaV4 },
];

export const CURRENT_SCHEMA_VERSION = schemaVersions[schemaVersions.length - 1]!.version;
