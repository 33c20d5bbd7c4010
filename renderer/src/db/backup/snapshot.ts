import type { Dexie } from 'dexie';
import { z } from 'zod';
import { decodeValue, encodeValue } from '../../../../shared/vault/valueCodec';
import { BackupError } from './backupErrors';

/**
 * A backup's payload: every table of a vault's database as repositories see it (decrypted by the
 * sealing middleware), rows in primary-key order, encoded with `encodeValue` so attachment bytes
 * stay raw. The backup container then encrypts it once with the vault's backup key
 * (docs/security-design.md, "Backups").
 */
export const SNAPSHOT_CONTENT_TYPE = 'application/vnd.protection-monitor.snapshot+v1';
const SNAPSHOT_FORMAT = 'protection-monitor-snapshot';

export type SnapshotRow = Record<string, unknown>;

export interface SnapshotTable {
  name: string;
  rows: SnapshotRow[];
}

export interface Snapshot {
  /** The Dexie schema version the rows were read at. */
  schemaVersion: number;
  tables: SnapshotTable[];
}

const snapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(1),
  schemaVersion: z.int().min(1),
  tables: z
    .array(z.object({ name: z.string().min(1).max(100), rows: z.array(z.record(z.string(), z.unknown())) }))
    .refine((tables) => new Set(tables.map((t) => t.name)).size === tables.length, 'a table is listed twice'),
});

/**
 * Reads every table in one read-only transaction, so the snapshot is consistent even while the
 * monitor keeps working (writes wait for it). Tables in name order, rows in key order.
 */
export async function readSnapshot(db: Dexie): Promise<Snapshot> {
  if (!db.isOpen()) await db.open();
  const tables = [...db.tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rows = await db.transaction('r', tables, () => Promise.all(tables.map((t) => t.toArray())));
  return {
    // A version Dexie patched (native version not a multiple of 10) is still that version.
    schemaVersion: Math.floor(db.verno),
    tables: tables.map((table, i) => ({ name: table.name, rows: rows[i] as SnapshotRow[] })),
  };
}

export function encodeSnapshot(snapshot: Snapshot): Uint8Array {
  return encodeValue({ format: SNAPSHOT_FORMAT, version: 1, ...snapshot });
}

/** Throws `invalid-snapshot` for anything that is not a snapshot this app wrote. */
export function decodeSnapshot(payload: Uint8Array): Snapshot {
  let value: unknown;
  try {
    value = decodeValue(payload);
  } catch (cause) {
    throw new BackupError('invalid-snapshot', 'Backup payload cannot be decoded', {}, { cause });
  }
  const parsed = snapshotSchema.safeParse(value);
  if (!parsed.success) {
    throw new BackupError(
      'invalid-snapshot',
      `Backup payload is not a snapshot: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  }
  return { schemaVersion: parsed.data.schemaVersion, tables: parsed.data.tables };
}
