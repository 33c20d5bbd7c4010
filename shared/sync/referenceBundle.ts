import { z } from 'zod';
import { recordMetaSchema } from '../records/recordMeta';
import { organisationSchema } from '../referrals/referralSchema';
import { shelterFieldsSchema } from '../shelters/shelterSchema';
import { ByteReader, concatBytes, u32, utf8 } from './bytes';
import { SyncError } from './errors';
import { isCanonicalBase, isStamp, type StoredRecord } from './fieldVersions';
import { ECDSA_P256_SIGNATURE_BYTES, sign, verify } from './keys';
import { FORBIDDEN_KEYS, safeJsonParseBytes } from './safeJson';

/**
 * HQ's reference data for every device (docs/sync-format.md §14): the shelter registry, the
 * referral partners and the questionnaire versions HQ runs. Signed with the organisation's
 * signing key; **not encrypted** (every device of the organisation reads the same file, and
 * devices hold no decryption key), so it carries no personal data: only the fields listed in
 * `REFERENCE_FIELDS`, which the reader enforces as well. Layout (big-endian):
 *
 *   0       4   magic "PMRF"
 *   4       1   format version (1)
 *   5       1   flags (0)
 *   6       4   B  length of what follows up to the signature
 *   10      4   H  header length
 *   14      H   header: UTF-8 JSON (referenceHeaderSchema)
 *   14+H    B-4-H  payload: UTF-8 JSON (the records and the questionnaire list)
 *   10+B    64  ECDSA P-256 SHA-256 signature (r‖s) by the organisation over bytes [0, 10+B)
 *
 * The total length is 10 + B + 64, as for an acknowledgement, so a sync folder can tell a whole
 * file from one still arriving with the same rule.
 */
export const REFERENCE_MAGIC = utf8('PMRF');
export const REFERENCE_FORMAT_VERSION = 1;
export const REFERENCE_FILE_EXTENSION = '.pmref';

export const REFERENCE_TABLES = ['shelters', 'organisations'] as const;
export type ReferenceTable = (typeof REFERENCE_TABLES)[number];

/**
 * The fields that travel, per table (`deletedAt` too: a shelter HQ archived is archived on the
 * devices). Everything else stays at HQ:
 * - shelters: `contactPerson`, `contactPhone` (a person and their number) and `notes` (free
 *   text, which may name anyone);
 * - organisations: `contact` (free text, often a focal person's name and mobile).
 * `residents` travels: a head count of a collective centre, not data about a person.
 */
export const REFERENCE_FIELDS: Readonly<Record<ReferenceTable, readonly string[]>> = {
  shelters: [
    'name',
    'municipality',
    'settlement',
    'address',
    'managingAuthority',
    'capacity',
    'residents',
    'status',
    'deletedAt',
  ],
  organisations: ['name', 'services', 'active', 'deletedAt'],
};

const FIELD_SCHEMAS = {
  shelters: shelterFieldsSchema,
  organisations: organisationSchema,
} as const;

/**
 * The fields a reference record leaves out, with the value a device gives them when HQ's record
 * is new to it (the schema's default: an empty text). They stay unstamped, so the device's own
 * later writes and HQ's stamped values both win over them.
 */
export const LEFT_OUT_DEFAULTS: Readonly<Record<ReferenceTable, Readonly<Record<string, unknown>>>> = {
  shelters: leftOutDefaults('shelters'),
  organisations: leftOutDefaults('organisations'),
};

function leftOutDefaults(table: ReferenceTable): Record<string, unknown> {
  const keep = new Set(REFERENCE_FIELDS[table]);
  const out: Record<string, unknown> = {};
  const shape: Readonly<Record<string, z.ZodType>> = FIELD_SCHEMAS[table].shape;
  for (const [key, schema] of Object.entries(shape)) {
    if (keep.has(key)) continue;
    const verdict = schema.safeParse(undefined);
    if (!verdict.success) throw new Error(`${table}.${key} is left out of reference data but has no default`);
    out[key] = verdict.data;
  }
  return out;
}

const META_KEYS = Object.keys(recordMetaSchema.shape);

const stampSchema = z.string().refine(isStamp, { message: 'not a stamp' });
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

function recordSchemaOf(table: ReferenceTable) {
  const fields = REFERENCE_FIELDS[table].filter((f) => f !== 'deletedAt');
  const shape: Readonly<Record<string, z.ZodType>> = FIELD_SCHEMAS[table].shape;
  const picked = Object.fromEntries(fields.map((f) => [f, shape[f]!]));
  return z.strictObject({
    ...recordMetaSchema.shape,
    hlc: stampSchema,
    fieldHlc: z.record(z.string(), stampSchema),
    fieldBase: z.record(z.string(), z.array(stampSchema).max(1024)).optional(),
    ...picked,
  });
}

const RECORD_SCHEMAS: Readonly<Record<ReferenceTable, z.ZodType>> = {
  shelters: recordSchemaOf('shelters'),
  organisations: recordSchemaOf('organisations'),
};

/** A questionnaire version HQ runs: what a device compares with the versions it has built in. */
export interface QuestionnaireRef {
  id: string;
  version: number;
}

const questionnaireRefSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/),
  version: z.int().min(1).max(1_000_000),
});

export const referenceHeaderSchema = z.strictObject({
  formatVersion: z.literal(REFERENCE_FORMAT_VERSION),
  /** The organisation fingerprint (over both keys), as in the organisation file. */
  organisation: hex64,
  /**
   * HQ's clock when it made the file (a hybrid-logical-clock stamp, later than every stamp HQ
   * had seen): devices apply only a version later than the last one they applied.
   */
  version: stampSchema,
  createdAt: z.iso.datetime(),
  counts: z.strictObject({
    shelters: z.int().min(0),
    organisations: z.int().min(0),
    questionnaires: z.int().min(0),
  }),
});
export type ReferenceHeader = z.infer<typeof referenceHeaderSchema>;

const payloadSchema = z.strictObject({
  version: stampSchema,
  shelters: z.array(z.record(z.string(), z.unknown())),
  organisations: z.array(z.record(z.string(), z.unknown())),
  questionnaires: z.array(questionnaireRefSchema),
});

export interface ReferenceLimits {
  /** The whole file. The sync folder reads files other than bundles up to 4 MiB. */
  maxFileBytes: number;
  maxHeaderBytes: number;
  maxDepth: number;
  maxStringLength: number;
  /** Shelters and organisations together. */
  maxRecords: number;
  maxQuestionnaires: number;
}

export const DEFAULT_REFERENCE_LIMITS: Readonly<ReferenceLimits> = Object.freeze({
  maxFileBytes: 4 * 1024 * 1024,
  maxHeaderBytes: 4 * 1024,
  maxDepth: 8,
  maxStringLength: 16 * 1024,
  maxRecords: 20_000,
  maxQuestionnaires: 1_000,
});

const limitsOf = (overrides: Partial<ReferenceLimits> = {}): ReferenceLimits => ({
  ...DEFAULT_REFERENCE_LIMITS,
  ...overrides,
});

/** A stored record reduced to what reference data carries: its fields, their stamps and bases. */
export function toReferenceRecord(table: ReferenceTable, record: StoredRecord): StoredRecord {
  const fields = new Set(REFERENCE_FIELDS[table]);
  const kept = Object.entries(record).filter(([key]) => fields.has(key) || META_KEYS.includes(key));
  const onFields = <V>(map: Record<string, V> | undefined) =>
    Object.fromEntries(Object.entries(map ?? {}).filter(([field]) => fields.has(field)));
  const fieldBase = onFields(record.fieldBase);
  const out = Object.fromEntries(kept) as StoredRecord;
  out.fieldHlc = onFields(record.fieldHlc);
  if (Object.keys(fieldBase).length > 0) out.fieldBase = fieldBase;
  else delete out.fieldBase;
  return out;
}

const describe = (error: z.ZodError) =>
  error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');

/** The checks of one reference record: its table's fields only, valid values, stamps and bases on those fields. */
function checkRecord(table: ReferenceTable, record: Record<string, unknown>): StoredRecord {
  const where = { table, id: typeof record.id === 'string' ? record.id : '?' };
  const verdict = RECORD_SCHEMAS[table].safeParse(record);
  if (!verdict.success) {
    throw new SyncError('invalid-record', `${table} ${where.id}: ${describe(verdict.error)}`, where);
  }
  const fields = REFERENCE_FIELDS[table];
  const missing = fields.filter((f) => !Object.hasOwn(record, f));
  if (missing.length > 0) {
    throw new SyncError('invalid-record', `${table} ${where.id} has no ${missing.join(', ')}`, where);
  }
  const stored = record as StoredRecord;
  for (const field of Object.keys(stored.fieldHlc)) {
    if (!fields.includes(field) || FORBIDDEN_KEYS.has(field)) {
      throw new SyncError('invalid-record', `A stamp on ${field}, which reference data does not carry`, {
        ...where,
        field,
      });
    }
  }
  for (const [field, base] of Object.entries(stored.fieldBase ?? {})) {
    const stamp = stored.fieldHlc[field];
    if (stamp === undefined || !isCanonicalBase(base, stamp)) {
      throw new SyncError('invalid-record', `The base of ${field} is not a base for its stamp`, {
        ...where,
        field,
      });
    }
  }
  return stored;
}

export interface CreateReferenceBundleInput {
  organisationSigningKey: CryptoKey;
  organisationFingerprint: string;
  /** A stamp of HQ's clock, later than the version of any reference file HQ made before. */
  version: string;
  createdAt: string;
  /** As stored, tombstones included; reduced here with `toReferenceRecord`. */
  shelters: readonly StoredRecord[];
  organisations: readonly StoredRecord[];
  questionnaires: readonly QuestionnaireRef[];
  limits?: Partial<ReferenceLimits>;
}

export interface ReferenceContent {
  header: ReferenceHeader;
  shelters: StoredRecord[];
  organisations: StoredRecord[];
  questionnaires: QuestionnaireRef[];
}

const byId = (a: StoredRecord, b: StoredRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Makes the signed file. Every record is reduced to its reference fields and checked with the
 * reader's own checks, so HQ cannot write a file its devices would refuse, nor one with
 * personal data.
 */
export async function createReferenceBundle(
  input: CreateReferenceBundleInput,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; header: ReferenceHeader }> {
  const limits = limitsOf(input.limits);
  const reduce = (table: ReferenceTable, records: readonly StoredRecord[]) =>
    records.map((r) => checkRecord(table, toReferenceRecord(table, r))).sort(byId);
  const shelters = reduce('shelters', input.shelters);
  const organisations = reduce('organisations', input.organisations);
  const questionnaires = [
    ...new Map(
      input.questionnaires.map((q) => [`${q.id}@${q.version}`, { id: q.id, version: q.version }]),
    ).values(),
  ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.version - b.version));
  const header: ReferenceHeader = referenceHeaderSchema.parse({
    formatVersion: REFERENCE_FORMAT_VERSION,
    organisation: input.organisationFingerprint,
    version: input.version,
    createdAt: input.createdAt,
    counts: {
      shelters: shelters.length,
      organisations: organisations.length,
      questionnaires: questionnaires.length,
    },
  });
  const payload = payloadSchema.parse({ version: input.version, shelters, organisations, questionnaires });
  const headerJson = utf8(JSON.stringify(header));
  const payloadJson = utf8(JSON.stringify(payload));
  const unsigned = concatBytes(
    REFERENCE_MAGIC,
    new Uint8Array([REFERENCE_FORMAT_VERSION, 0]),
    u32(4 + headerJson.length + payloadJson.length),
    u32(headerJson.length),
    headerJson,
    payloadJson,
  );
  const bytes = concatBytes(unsigned, await sign(input.organisationSigningKey, unsigned));
  if (bytes.length > limits.maxFileBytes) {
    throw new SyncError(
      'too-large',
      `The reference data would be ${bytes.length} bytes, over the limit of ${limits.maxFileBytes}`,
    );
  }
  return { bytes, header };
}

export interface ReadReferenceContext {
  /** From the organisation file the device was set up with. */
  organisationSigningKey: CryptoKey;
  organisationFingerprint: string;
  limits?: Partial<ReferenceLimits>;
}

/**
 * Reads and checks a reference file. Order: size, magic, version, flags, lengths (`truncated`
 * for a file cut short), header (safe parse, then its schema), organisation (`wrong-recipient`),
 * signature (`bad-signature`), then the signed payload: safe parse, structure, counts and
 * version against the header, every record.
 */
export async function readReferenceBundle(
  bytes: Uint8Array,
  context: ReadReferenceContext,
): Promise<ReferenceContent> {
  const limits = limitsOf(context.limits);
  if (bytes.length > limits.maxFileBytes) {
    throw new SyncError(
      'too-large',
      `The reference file is ${bytes.length} bytes, over the limit of ${limits.maxFileBytes}`,
    );
  }
  if (!bytes.subarray(0, REFERENCE_MAGIC.length).every((b, i) => b === REFERENCE_MAGIC[i])) {
    throw new SyncError('corrupt', 'Not a Protection Monitor reference data file');
  }
  const reader = new ByteReader(bytes, 'reference file');
  reader.take(REFERENCE_MAGIC.length, 'magic');
  const version = reader.u8('format version');
  if (version !== REFERENCE_FORMAT_VERSION) {
    throw new SyncError(
      'unknown-version',
      `Reference data version ${version} is not supported (this build reads ${REFERENCE_FORMAT_VERSION})`,
    );
  }
  if (reader.u8('flags') !== 0) throw new SyncError('corrupt', 'Reserved flags are set');
  const blockLength = reader.u32('length');
  const block = reader.take(blockLength, 'contents');
  const signed = bytes.subarray(0, reader.position);
  const signature = reader.take(ECDSA_P256_SIGNATURE_BYTES, 'signature');
  if (reader.remaining > 0)
    throw new SyncError('corrupt', `${reader.remaining} unexpected bytes after the signature`);

  if (block.length < 4) throw new SyncError('corrupt', 'The reference file has no header');
  const headerLength = new DataView(block.buffer, block.byteOffset, 4).getUint32(0, false);
  if (headerLength > limits.maxHeaderBytes) {
    throw new SyncError(
      'too-large',
      `A header of ${headerLength} bytes is over the limit of ${limits.maxHeaderBytes}`,
    );
  }
  if (headerLength > block.length - 4) throw new SyncError('corrupt', 'The header is longer than the file');
  const rawHeader = safeJsonParseBytes(block.subarray(4, 4 + headerLength), {
    maxLength: limits.maxHeaderBytes,
    maxDepth: 3,
    maxStringLength: 256,
  });
  const parsedHeader = referenceHeaderSchema.safeParse(rawHeader);
  if (!parsedHeader.success) {
    throw new SyncError('corrupt', `The header is malformed: ${describe(parsedHeader.error)}`);
  }
  const header = parsedHeader.data;
  if (header.organisation !== context.organisationFingerprint) {
    throw new SyncError('wrong-recipient', 'The reference data comes from another organisation');
  }
  if (!(await verify(context.organisationSigningKey, signature, signed))) {
    throw new SyncError('bad-signature', 'The reference data is not signed by your organisation');
  }

  const { counts } = header;
  if (
    counts.shelters + counts.organisations > limits.maxRecords ||
    counts.questionnaires > limits.maxQuestionnaires
  ) {
    throw new SyncError(
      'too-large',
      `The reference data holds ${counts.shelters + counts.organisations} records and ${counts.questionnaires} questionnaires, over the limits`,
    );
  }
  const json = block.subarray(4 + headerLength);
  const raw = safeJsonParseBytes(json, {
    maxLength: limits.maxFileBytes,
    maxDepth: limits.maxDepth,
    maxStringLength: limits.maxStringLength,
  });
  const parsed = payloadSchema.safeParse(raw);
  if (!parsed.success) throw new SyncError('corrupt', `The payload is malformed: ${describe(parsed.error)}`);
  const payload = parsed.data;
  if (payload.version !== header.version) {
    throw new SyncError('corrupt', 'The payload names another version than its header');
  }
  if (
    payload.shelters.length !== counts.shelters ||
    payload.organisations.length !== counts.organisations ||
    payload.questionnaires.length !== counts.questionnaires
  ) {
    throw new SyncError('corrupt', 'The payload does not hold the counts its header declares');
  }
  const records = (table: ReferenceTable) => {
    const seen = new Set<string>();
    return payload[table].map((record) => {
      const stored = checkRecord(table, record);
      if (seen.has(stored.id))
        throw new SyncError('corrupt', 'A record appears twice', { table, id: stored.id });
      seen.add(stored.id);
      return stored;
    });
  };
  const questionnaires = new Set<string>();
  for (const q of payload.questionnaires) {
    const key = `${q.id}@${q.version}`;
    if (questionnaires.has(key)) throw new SyncError('corrupt', `Questionnaire ${key} is listed twice`);
    questionnaires.add(key);
  }
  return {
    header,
    shelters: records('shelters'),
    organisations: records('organisations'),
    questionnaires: payload.questionnaires,
  };
}

/** `pm-ref-<HQ clock, sortable>.pmref`: a later file sorts after an earlier one. */
export const referenceFileName = (version: string): string =>
  `pm-ref-${version.slice(0, 22)}${REFERENCE_FILE_EXTENSION}`;

/** The versions HQ lists that `installed` lacks (this build cannot run them). */
export const missingQuestionnaires = (
  listed: readonly QuestionnaireRef[],
  installed: readonly QuestionnaireRef[],
): QuestionnaireRef[] =>
  listed.filter((q) => !installed.some((i) => i.id === q.id && i.version === q.version));
