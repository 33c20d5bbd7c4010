import { deflateSync, Inflate } from 'fflate';
import { z } from 'zod';
import { recordMetaSchema } from '../records/recordMeta';
import { ByteReader, concatBytes, sha256Hex, u32, utf8 } from './bytes';
import type { BundleHeader } from './bundleFormat';
import { deviceIdSchema } from './deviceFile';
import { SyncError } from './errors';
import {
  isCanonicalBase,
  isStamp,
  stampWallMs,
  SYNC_META_KEYS,
  type FieldConflict,
  type StoredRecord,
} from './fieldVersions';
import { syncLimits, type SyncLimits } from './limits';
import type { BundleContent, ConflictEntry } from './merge';
import { FORBIDDEN_KEYS, safeJsonParseBytes } from './safeJson';

/**
 * The encrypted payload of a bundle, before encryption (layout in docs/sync-format.md):
 *
 *   0     4  magic "PMPL"
 *   4     1  compression: 0 none, 1 DEFLATE (raw, RFC 1951)
 *   5     4  J  stored JSON length
 *   9     4  U  JSON length once decompressed
 *   13    J  the JSON (payloadSchema)
 *   13+J  …  attachment bytes, back to back, in the order of `blobs`; nothing after them
 *
 * Records travel as JSON. A top-level field holding bytes (an attachment's `data`, its
 * `thumbnail`) travels as `{ "$blob": "<sha256>" }` and its bytes once in the blob section,
 * however many records or conflicts name them.
 */
export const PAYLOAD_MAGIC = utf8('PMPL');
const COMPRESSION_NONE = 0;
const COMPRESSION_DEFLATE = 1;
/** Compressed input fed to the inflater per step: bounds the output of one step to about 16 MiB. */
const INFLATE_STEP = 16 * 1024;

export interface BlobRef {
  $blob: string;
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const tableSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);
const stampSchema = z.string().refine(isStamp, { message: 'not a stamp' });
const fieldNameSchema = z
  .string()
  .min(1)
  .max(128)
  .refine((f) => !SYNC_META_KEYS.has(f) && !FORBIDDEN_KEYS.has(f), { message: 'not a field name' });

const payloadSchema = z.strictObject({
  bundleId: z.uuid(),
  sender: deviceIdSchema,
  records: z.array(z.strictObject({ table: tableSchema, record: z.record(z.string(), z.unknown()) })),
  conflicts: z.array(
    z.strictObject({
      table: tableSchema,
      id: z.string(),
      field: fieldNameSchema,
      stamp: stampSchema,
      value: z.unknown().optional(),
      base: z.array(stampSchema).max(1024),
    }),
  ),
  blobs: z.array(z.strictObject({ sha256: hex64, size: z.int().min(0) })),
});

/** The sync metadata every carried record must have, beyond what the shared schemas check. */
const wireMetaSchema = recordMetaSchema.extend({
  hlc: stampSchema,
  fieldHlc: z.record(fieldNameSchema, stampSchema),
  fieldBase: z.record(fieldNameSchema, z.array(stampSchema).max(1024)).optional(),
});

/** What a device exports: records as stored (bytes allowed in top-level fields) and the conflicts it keeps. */
export interface OutgoingChanges {
  records: readonly { table: string; record: Readonly<Record<string, unknown>> }[];
  conflicts?: readonly ConflictEntry[];
}

export interface EncodedPayload {
  plaintext: Uint8Array<ArrayBuffer>;
  counts: BundleHeader['counts'];
}

/** `(table, record) => schema.safeParse(record)` fits: only `success` and `error` are read. */
export type RecordValidator = (
  table: string,
  record: Record<string, unknown>,
) => { success: boolean; error?: unknown };

export interface DecodeOptions {
  validate: RecordValidator;
  limits?: Partial<SyncLimits>;
  /** Refuse ('clock-skew') stamps later than now + this many milliseconds. Off unless set. */
  maxFutureSkewMs?: number;
  now?: () => number;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const isBlobRef = (value: unknown): value is BlobRef =>
  isPlainObject(value) && Object.keys(value).length === 1 && Object.hasOwn(value, '$blob');

function assertJson(value: unknown, path: string, depth = 0): void {
  if (depth > 64) throw new SyncError('invalid-record', `${path} is nested too deeply to export`);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return;
    throw new SyncError('invalid-record', `${path} is not a finite number`);
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertJson(v, `${path}[${i}]`, depth + 1));
    return;
  }
  if (isPlainObject(value)) {
    if (isBlobRef(value)) throw new SyncError('invalid-record', `${path} looks like a blob reference`);
    for (const [k, v] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(k)) throw new SyncError('invalid-record', `${path} has the key ${k}`);
      if (v !== undefined) assertJson(v, `${path}.${k}`, depth + 1);
    }
    return;
  }
  throw new SyncError(
    'invalid-record',
    `${path} cannot be exported (${value instanceof Uint8Array ? 'bytes below the top level' : typeof value})`,
  );
}

/** Inflates at most `limit` bytes, in small steps, so a compression bomb costs neither memory nor time. */
function inflateLimited(bytes: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stream = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw new SyncError('corrupt', 'The payload inflates to more than it declares');
    chunks.push(chunk);
  });
  try {
    for (let i = 0; i < bytes.length; i += INFLATE_STEP) {
      const end = Math.min(bytes.length, i + INFLATE_STEP);
      stream.push(bytes.subarray(i, end), end === bytes.length);
    }
    if (bytes.length === 0) stream.push(bytes, true);
  } catch (error) {
    if (error instanceof SyncError) throw error;
    throw new SyncError('corrupt', 'The payload does not decompress');
  }
  return concatBytes(...chunks);
}

/** Turns records as stored into the payload bytes; refuses values JSON cannot carry faithfully. */
export async function encodePayload(
  bundleId: string,
  sender: string,
  changes: OutgoingChanges,
  options: { compress?: boolean } = {},
): Promise<EncodedPayload> {
  const blobs = new Map<string, Uint8Array>();
  const wire = async (value: unknown, path: string): Promise<unknown> => {
    if (value instanceof Uint8Array) {
      const sha256 = await sha256Hex(value);
      blobs.set(sha256, value);
      return { $blob: sha256 } satisfies BlobRef;
    }
    if (value !== undefined) assertJson(value, path);
    return value;
  };
  const records = [];
  for (const { table, record } of changes.records) {
    const entries: [string, unknown][] = [];
    for (const [key, value] of Object.entries(record))
      entries.push([key, await wire(value, `${table}.${key}`)]);
    const meta = wireMetaSchema.safeParse(Object.fromEntries(entries));
    if (!meta.success)
      throw new SyncError('invalid-record', `Cannot export ${table}: ${describe(meta.error)}`, { table });
    records.push({ table, record: Object.fromEntries(entries) });
  }
  const conflicts = [];
  for (const c of changes.conflicts ?? []) {
    conflicts.push({
      table: c.table,
      id: c.id,
      field: c.field,
      stamp: c.stamp,
      value: await wire(c.value, `${c.table}.${c.field}`),
      base: [...c.base],
    });
  }
  const blobList = [...blobs].map(([sha256, bytes]) => ({ sha256, size: bytes.length }));
  const json = utf8(JSON.stringify({ bundleId, sender, records, conflicts, blobs: blobList }));
  const compress = options.compress ?? true;
  const stored = compress ? deflateSync(json, { level: 6 }) : json;
  const blobBytes = [...blobs.values()];
  const plaintext = concatBytes(
    PAYLOAD_MAGIC,
    new Uint8Array([compress ? COMPRESSION_DEFLATE : COMPRESSION_NONE]),
    u32(stored.length),
    u32(json.length),
    stored,
    ...blobBytes,
  );
  return {
    plaintext,
    counts: {
      records: records.length,
      conflicts: conflicts.length,
      blobs: blobList.length,
      blobBytes: blobBytes.reduce((n, b) => n + b.length, 0),
    },
  };
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues)) {
    return error.issues
      .map(
        (i: { path?: unknown[]; message?: string }) =>
          `${(i.path ?? []).join('.') || '(top level)'}: ${i.message ?? ''}`,
      )
      .join('; ');
  }
  return error instanceof Error ? error.message : 'failed validation';
}

function replaceBlobs(
  record: Record<string, unknown>,
  blobs: ReadonlyMap<string, Uint8Array>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => [k, isBlobRef(v) ? blobs.get(v.$blob) : v]),
  );
}

/** Replaces blob references in a record's top-level fields by their bytes (for validation, or storage on a device). */
export const hydrateRecord = <T extends Record<string, unknown>>(
  record: T,
  blobs: ReadonlyMap<string, Uint8Array>,
): T => replaceBlobs(record, blobs) as T;

/**
 * Reads a decrypted payload: structure, sizes, attachment hashes, every record's sync metadata,
 * then the caller's validator on every record and every conflict value (in its record).
 * Any failure refuses the whole bundle, so a bundle is applied entirely or not at all.
 */
export async function decodePayload(
  plaintext: Uint8Array,
  header: BundleHeader,
  options: DecodeOptions,
): Promise<BundleContent> {
  const limits = syncLimits(options.limits);
  const reader = new ByteReader(plaintext, 'payload');
  const magic = reader.take(PAYLOAD_MAGIC.length, 'magic');
  if (!magic.every((b, i) => b === PAYLOAD_MAGIC[i]))
    throw new SyncError('corrupt', 'The payload is not a Protection Monitor payload');
  const compression = reader.u8('compression');
  if (compression !== COMPRESSION_NONE && compression !== COMPRESSION_DEFLATE) {
    throw new SyncError('corrupt', `Unknown compression ${compression}`);
  }
  const storedLength = reader.u32('JSON length');
  const jsonLength = reader.u32('JSON length');
  if (jsonLength > limits.maxJsonBytes) {
    throw new SyncError(
      'too-large',
      `The payload JSON is ${jsonLength} bytes, over the limit of ${limits.maxJsonBytes}`,
    );
  }
  const stored = reader.take(storedLength, 'JSON');
  const json = compression === COMPRESSION_DEFLATE ? inflateLimited(stored, jsonLength) : stored;
  if (json.length !== jsonLength)
    throw new SyncError('corrupt', 'The payload JSON is not the length it declares');

  const { counts } = header;
  if (
    counts.records > limits.maxRecords ||
    counts.conflicts > limits.maxConflicts ||
    counts.blobs > limits.maxBlobs
  ) {
    throw new SyncError(
      'too-large',
      `The bundle carries ${counts.records} records, ${counts.conflicts} conflicts and ${counts.blobs} attachments, over the limits`,
    );
  }
  const raw = safeJsonParseBytes(json, {
    maxLength: limits.maxJsonBytes,
    maxDepth: limits.maxDepth,
    maxStringLength: limits.maxStringLength,
  });
  const parsed = payloadSchema.safeParse(raw);
  if (!parsed.success) throw new SyncError('corrupt', `The payload is malformed: ${describe(parsed.error)}`);
  const payload = parsed.data;
  if (payload.bundleId !== header.bundleId || payload.sender !== header.sender.deviceId) {
    throw new SyncError(
      'tampered',
      'The encrypted payload belongs to another bundle or sender than its header says',
    );
  }
  if (
    payload.records.length !== counts.records ||
    payload.conflicts.length !== counts.conflicts ||
    payload.blobs.length !== counts.blobs
  ) {
    throw new SyncError('corrupt', 'The payload does not hold the counts its header declares');
  }

  const blobs = new Map<string, Uint8Array>();
  let blobTotal = 0;
  for (const { sha256, size } of payload.blobs) {
    if (size > limits.maxBlobBytes) {
      throw new SyncError(
        'too-large',
        `An attachment of ${size} bytes is over the limit of ${limits.maxBlobBytes}`,
        { sha256 },
      );
    }
    if (blobs.has(sha256)) throw new SyncError('corrupt', 'An attachment is listed twice', { sha256 });
    const bytes = reader.take(size, 'attachments');
    if ((await sha256Hex(bytes)) !== sha256)
      throw new SyncError('corrupt', 'An attachment does not match its hash', { sha256 });
    blobs.set(sha256, bytes);
    blobTotal += size;
  }
  if (reader.remaining > 0)
    throw new SyncError('corrupt', `${reader.remaining} unexpected bytes after the attachments`);
  if (blobTotal !== counts.blobBytes)
    throw new SyncError('corrupt', 'The attachments are not the size the header declares');

  const checkRefs = (value: unknown, where: Record<string, string>) => {
    if (isPlainObject(value) && Object.hasOwn(value, '$blob')) {
      if (!isBlobRef(value) || typeof value.$blob !== 'string' || !blobs.has(value.$blob)) {
        throw new SyncError('invalid-record', 'A field names an attachment the bundle does not carry', where);
      }
    }
  };

  const now = options.now ?? Date.now;
  const latestAllowed = options.maxFutureSkewMs === undefined ? Infinity : now() + options.maxFutureSkewMs;
  const checkClock = (stamp: string, where: Record<string, string>) => {
    if (stampWallMs(stamp) > latestAllowed) {
      throw new SyncError(
        'clock-skew',
        `A change is stamped ${new Date(stampWallMs(stamp)).toISOString()}, in the future`,
        where,
      );
    }
  };

  const records: { table: string; record: StoredRecord }[] = [];
  const byKey = new Map<string, StoredRecord>();
  for (const { table, record } of payload.records) {
    const where = { table, id: typeof record.id === 'string' ? record.id : '?' };
    const meta = wireMetaSchema.safeParse(record);
    if (!meta.success)
      throw new SyncError(
        'invalid-record',
        `A record's sync metadata is invalid: ${describe(meta.error)}`,
        where,
      );
    for (const [field, base] of Object.entries(meta.data.fieldBase ?? {})) {
      const stamp = meta.data.fieldHlc[field];
      if (stamp === undefined || !isCanonicalBase(base, stamp)) {
        throw new SyncError('invalid-record', `The base of ${field} is not a base for its stamp`, {
          ...where,
          field,
        });
      }
    }
    const key = `${table}\u0000${meta.data.id}`;
    if (byKey.has(key)) throw new SyncError('corrupt', 'A record appears twice', where);
    for (const stamp of [meta.data.hlc, ...Object.values(meta.data.fieldHlc)]) checkClock(stamp, where);
    let carriesBlobs = false;
    for (const value of Object.values(record)) {
      checkRefs(value, where);
      carriesBlobs ||= isBlobRef(value);
    }
    // Most records carry no attachment: validated as they are, without a copy.
    const verdict = options.validate(table, carriesBlobs ? replaceBlobs(record, blobs) : record);
    if (!verdict.success)
      throw new SyncError('invalid-record', `${table} ${where.id}: ${describe(verdict.error)}`, where);
    const stored = record as StoredRecord;
    byKey.set(key, stored);
    records.push({ table, record: stored });
  }

  const conflicts: (FieldConflict & { table: string; id: string })[] = [];
  const seen = new Set<string>();
  for (const c of payload.conflicts) {
    const where = { table: c.table, id: c.id, field: c.field };
    const owner = byKey.get(`${c.table}\u0000${c.id}`);
    if (!owner) throw new SyncError('corrupt', 'A conflict names a record the bundle does not carry', where);
    const key = `${c.table}\u0000${c.id}\u0000${c.field}\u0000${c.stamp}`;
    if (seen.has(key)) throw new SyncError('corrupt', 'A conflict appears twice', where);
    seen.add(key);
    if (!isCanonicalBase(c.base, c.stamp))
      throw new SyncError('invalid-record', "A conflict's base is not a base for its stamp", where);
    checkClock(c.stamp, where);
    checkRefs(c.value, where);
    const verdict = options.validate(c.table, replaceBlobs({ ...owner, [c.field]: c.value }, blobs));
    if (!verdict.success) {
      throw new SyncError(
        'invalid-record',
        `A conflicting value of ${c.table}.${c.field}: ${describe(verdict.error)}`,
        where,
      );
    }
    conflicts.push({
      table: c.table,
      id: c.id,
      field: c.field,
      stamp: c.stamp,
      value: c.value,
      base: c.base,
    });
  }

  return {
    bundleId: header.bundleId,
    deviceId: header.sender.deviceId,
    seq: { from: header.seq.from, to: header.seq.to },
    records,
    conflicts,
    blobs,
  };
}
