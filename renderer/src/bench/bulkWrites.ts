import { gcm } from '@noble/ciphers/aes';
import { xchacha20poly1305 } from '@noble/ciphers/chacha';
import { paddedLength } from '../../../shared/vault/fieldCipher';
import { encodeValue } from '../../../shared/vault/valueCodec';
import { AppDatabase } from '../db/AppDatabase';
import { schemaVersions } from '../db/schemaVersions';
import { DATA_TABLES, deleteDatabase, randomKeys, type DataTable } from './benchStore';

/**
 * The baselines the repositories' write path is compared with, on the very records the
 * repositories stored (read back, opened): a raw IndexedDB bulk write (no Dexie, no encryption,
 * no validation, one transaction) and Dexie's bulkAdd through the sealing middleware (encryption
 * and blind-index tags already computed, no validation, no audit, one transaction).
 */
const latestStores = schemaVersions[schemaVersions.length - 1]!.stores;

interface StoreSpec {
  name: string;
  keyPath: string;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
}

/** The object stores and indexes of Dexie's schema string, created with the plain API. */
export function storeSpec(name: string, schema: string): StoreSpec {
  const [primary = '', ...indexes] = schema.split(',').map((part) => part.trim());
  return {
    name,
    keyPath: primary.replace(/^(\+\+|&)/, ''),
    autoIncrement: primary.startsWith('++'),
    indexes: indexes.map((index) => {
      const unique = index.startsWith('&');
      const multiEntry = index.startsWith('*');
      const bare = index.replace(/^[&*]/, '');
      const compound = bare.startsWith('[');
      return { name: bare, keyPath: compound ? bare.slice(1, -1).split('+') : bare, unique, multiEntry };
    }),
  };
}

const request = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

function openRaw(name: string, specs: StoreSpec[]): Promise<IDBDatabase> {
  const req = indexedDB.open(name, 1);
  req.onupgradeneeded = () => {
    for (const spec of specs) {
      const store = req.result.createObjectStore(spec.name, {
        keyPath: spec.keyPath,
        autoIncrement: spec.autoIncrement,
      });
      for (const index of spec.indexes)
        store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
    }
  };
  return request(req);
}

type Records = Record<DataTable, Record<string, unknown>[]>;

/** Puts every record in one readwrite transaction; the time runs until the transaction commits. */
export async function rawBulkWrite(records: Records): Promise<number> {
  const name = 'pm-bench-raw';
  await deleteDatabase(name);
  const db = await openRaw(
    name,
    DATA_TABLES.map((t) => storeSpec(t, latestStores[t]!)),
  );
  try {
    const start = performance.now();
    const tx = db.transaction([...DATA_TABLES], 'readwrite');
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    for (const table of DATA_TABLES) {
      const store = tx.objectStore(table);
      for (const record of records[table]) store.put(record);
    }
    await done;
    return performance.now() - start;
  } finally {
    db.close();
    await deleteDatabase(name);
  }
}

/** Dexie bulkAdd of every record through the sealing middleware, in one transaction. */
export async function sealedBulkWrite(records: Records): Promise<number> {
  const name = 'pm-bench-sealed';
  await deleteDatabase(name);
  const db = new AppDatabase(name, randomKeys());
  await db.open();
  try {
    const start = performance.now();
    await db.transaction(
      'rw',
      DATA_TABLES.map((t) => db.table(t)),
      async () => {
        for (const table of DATA_TABLES) await db.table(table).bulkAdd(records[table]);
      },
    );
    return performance.now() - start;
  } finally {
    db.close();
    await deleteDatabase(name);
  }
}

/**
 * The cipher's share, apart from IndexedDB: every record's sealed fields encoded (as the field
 * cipher does), then encrypted with XChaCha20-Poly1305 by @noble/ciphers (what the sealing
 * middleware uses inside a transaction), with AES-256-GCM by @noble/ciphers (what it used
 * before) and with AES-256-GCM by WebCrypto (native, but asynchronous, so it cannot run inside
 * an IndexedDB transaction).
 */
export async function cipherCosts(records: Records): Promise<{
  encodeMs: number;
  xchachaMs: number;
  nobleGcmMs: number;
  webCryptoMs: number;
  bytes: number;
}> {
  const plaintexts: Uint8Array<ArrayBuffer>[] = [];
  let start = performance.now();
  for (const table of DATA_TABLES) {
    const spec = storeSpec(table, latestStores[table]!);
    const plain = new Set([
      spec.keyPath,
      ...spec.indexes.flatMap((i) => (Array.isArray(i.keyPath) ? i.keyPath : [i.keyPath])),
    ]);
    for (const record of records[table]) {
      const secret = Object.fromEntries(Object.entries(record).filter(([name]) => !plain.has(name)));
      const encoded = encodeValue(secret);
      const padded = new Uint8Array(paddedLength(encoded.byteLength));
      padded.set(encoded);
      plaintexts.push(padded);
    }
  }
  const encodeMs = performance.now() - start;
  const key = crypto.getRandomValues(new Uint8Array(32));
  const iv = () => crypto.getRandomValues(new Uint8Array(12));
  start = performance.now();
  for (const plaintext of plaintexts)
    xchacha20poly1305(key, crypto.getRandomValues(new Uint8Array(24))).encrypt(plaintext);
  const xchachaMs = performance.now() - start;
  start = performance.now();
  for (const plaintext of plaintexts) gcm(key, iv()).encrypt(plaintext);
  const nobleGcmMs = performance.now() - start;
  const webKey = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt']);
  start = performance.now();
  for (let i = 0; i < plaintexts.length; i += 1000) {
    await Promise.all(
      plaintexts
        .slice(i, i + 1000)
        .map((p) => crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv() }, webKey, p)),
    );
  }
  const webCryptoMs = performance.now() - start;
  return {
    encodeMs,
    xchachaMs,
    nobleGcmMs,
    webCryptoMs,
    bytes: plaintexts.reduce((sum, p) => sum + p.byteLength, 0),
  };
}
