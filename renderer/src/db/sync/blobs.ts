import type { AppDatabase } from '../AppDatabase';

/**
 * At HQ, imported attachments keep `{ $blob: sha256 }` in their byte fields (`data`,
 * `thumbnail`) and the bytes live once in `blobs`, however many records name them. Records a
 * device wrote itself hold their bytes inline; both read the same way through these helpers.
 */
export interface BlobRef {
  $blob: string;
}

export const isBlobRef = (value: unknown): value is BlobRef =>
  typeof value === 'object' &&
  value !== null &&
  !(value instanceof Uint8Array) &&
  Object.keys(value).length === 1 &&
  typeof (value as { $blob?: unknown }).$blob === 'string';

/** The bytes of a byte field, inline or by reference; undefined when the blob is missing. */
export async function bytesOf(db: AppDatabase, value: unknown): Promise<Uint8Array | undefined> {
  if (value instanceof Uint8Array) return value;
  if (isBlobRef(value)) return (await db.blobs.get(value.$blob))?.data;
  return undefined;
}

/** The record with the bytes of every top-level blob reference in place. */
export async function hydrateFromBlobs<T extends Record<string, unknown>>(
  db: AppDatabase,
  record: T,
): Promise<T> {
  const entries = await Promise.all(
    Object.entries(record).map(async ([k, v]) => [k, isBlobRef(v) ? await bytesOf(db, v) : v] as const),
  );
  return Object.fromEntries(entries) as T;
}
