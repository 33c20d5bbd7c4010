import type { DBCore, DBCoreCursor, DBCoreIndex, DBCoreTable, DBCoreTableSchema, Middleware } from 'dexie';
import { decryptFields, encryptFields, type FieldEnvelope } from '../../../../shared/vault/fieldCipher';

/**
 * Encryption at rest for every table, underneath Dexie: a DBCore middleware placed next to
 * IndexedDB seals each record on its way in and opens it on its way out, so repositories, live
 * queries and migrations read and write plain records and never see an envelope.
 *
 * What stays in the clear is decided by the schema, not by a list to keep up to date: the primary
 * key and the indexed fields (IndexedDB must read them to index), nothing else. Every other
 * field, present or added later, is sealed into one XChaCha20-Poly1305 envelope (`enc`) bound to its
 * table and key. So indexes must never hold personal data: names go into the blind index
 * (keyed tags), never into an index as text; a schema test checks the indexed fields.
 *
 * Sealing is synchronous (fieldCipher.ts explains why): a write inside a transaction stays inside it.
 */
export const SEALING_MIDDLEWARE_LEVEL = -10;

interface Sealer {
  seal(value: Record<string, unknown>): Record<string, unknown>;
  open(value: unknown): unknown;
}

function keyPathsOf(index: DBCoreIndex): string[] {
  const { keyPath } = index;
  if (keyPath === null) return [];
  return (Array.isArray(keyPath) ? keyPath : [keyPath]).map((path) => path.split('.')[0]!);
}

/** The fields that stay plain in a table: primary key and indexed fields. */
export function plainFieldsOf(schema: DBCoreTableSchema): ReadonlySet<string> {
  return new Set([schema.primaryKey, ...schema.indexes].flatMap(keyPathsOf));
}

function sealerFor(schema: DBCoreTableSchema, fieldKey: Uint8Array): Sealer {
  const plain = plainFieldsOf(schema);
  const { primaryKey } = schema;
  // An auto-incremented key is unknown before the write: bind such records to their `id` instead.
  const idField = primaryKey.autoIncrement ? 'id' : typeof primaryKey.keyPath === 'string' ? primaryKey.keyPath : null;
  if (idField === null || !plain.has(idField)) {
    throw new Error(`Table ${schema.name} has no plain, unique field to bind its envelopes to`);
  }
  const aad = (value: Record<string, unknown>) => `${schema.name}\u0000${String(value[idField])}`;

  return {
    seal(value) {
      if ('enc' in value) throw new Error(`A ${schema.name} record already carries an envelope`);
      const secret = Object.keys(value).filter((name) => !plain.has(name) && value[name] !== undefined);
      if (secret.length === 0) return value;
      const record = value as Record<string, unknown> & { id: string };
      return encryptFields(record, secret, fieldKey, { aad: aad(value) });
    },
    open(value) {
      if (value === null || typeof value !== 'object' || !('enc' in value)) return value;
      const stored = value as Record<string, unknown> & { id: string; enc: FieldEnvelope };
      return decryptFields(stored, fieldKey, { aad: aad(stored) });
    },
  };
}

/**
 * A cursor whose `value` is the opened record, opened once per position. Every other member is
 * forwarded explicitly: the real cursor is a native IDBCursor underneath, whose getters refuse a
 * `this` that is not the cursor itself.
 */
function openingCursor(cursor: DBCoreCursor, sealer: Sealer): DBCoreCursor {
  let lastRaw: unknown;
  let lastOpened: unknown;
  const wrapper: DBCoreCursor = {
    get trans() {
      return cursor.trans;
    },
    get key() {
      return cursor.key;
    },
    get primaryKey() {
      return cursor.primaryKey;
    },
    get done() {
      return cursor.done;
    },
    get value() {
      const raw: unknown = cursor.value;
      if (raw !== lastRaw) {
        lastRaw = raw;
        lastOpened = sealer.open(raw);
      }
      return lastOpened;
    },
    continue: (key?: unknown) => cursor.continue(key),
    continuePrimaryKey: (key: unknown, primaryKey: unknown) => cursor.continuePrimaryKey(key, primaryKey),
    advance: (count: number) => cursor.advance(count),
    start: (onNext: () => void) => cursor.start(onNext),
    stop: (value?: unknown) => cursor.stop(value),
    next: () => cursor.next().then(() => wrapper),
    fail: (error: Error) => cursor.fail(error),
  };
  return wrapper;
}

function sealingTable(table: DBCoreTable, sealer: Sealer): DBCoreTable {
  return {
    ...table,
    mutate(req) {
      if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
      return table.mutate({ ...req, values: req.values.map((v: Record<string, unknown>) => sealer.seal(v)) });
    },
    get(req) {
      return table.get(req).then((value) => sealer.open(value));
    },
    getMany(req) {
      return table.getMany(req).then((values) => values.map((v) => sealer.open(v)));
    },
    query(req) {
      return table.query(req).then((res) =>
        req.values ? { ...res, result: res.result.map((v) => sealer.open(v)) } : res,
      );
    },
    openCursor(req) {
      return table.openCursor(req).then((cursor) => (cursor && req.values !== false ? openingCursor(cursor, sealer) : cursor));
    },
  };
}

/** The middleware for one unlocked vault; it holds the field key until the database closes. */
export function sealingMiddleware(fieldKey: Uint8Array): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'SealingMiddleware',
    level: SEALING_MIDDLEWARE_LEVEL,
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          return sealingTable(table, sealerFor(table.schema, fieldKey));
        },
      };
    },
  };
}
