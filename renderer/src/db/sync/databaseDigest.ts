import type { Dexie } from 'dexie';
import { sha256Hex, toHex, utf8 } from '../../../../shared/sync/bytes';

/**
 * A SHA-256 over the whole database as repositories see it: every table, every row, decrypted,
 * in primary-key order. Two databases (or one, before and after) with the same digest hold the
 * same data, whatever their ciphertexts. The sync tests use it to show that a refused file
 * changes nothing and that bundles merged in any order give the same database.
 */
export interface DigestOptions {
  /** Only these tables (default: all). */
  tables?: readonly string[];
  /** Leave these out (e.g. `audit` and `meta`, which record when and by whom, when comparing two databases). */
  exclude?: readonly string[];
}

/** One text per value: keys sorted, bytes as hex, `undefined` members left out (as IndexedDB reads them back). */
function stableText(value: unknown): string {
  if (value === undefined) return '~undefined';
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : `~${String(value)}`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Uint8Array) return `{"~bytes":"${toHex(value)}"}`;
  if (value instanceof Date) return `{"~date":"${value.toISOString()}"}`;
  if (Array.isArray(value)) return `[${value.map(stableText).join(',')}]`;
  if (typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null)
      return `{"~object":${JSON.stringify(proto?.constructor?.name ?? '?')}}`;
    const record = value as Record<string, unknown>;
    const entries = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableText(record[k])}`);
    return `{${entries.join(',')}}`;
  }
  return `~${typeof value}`;
}

async function readTables(db: Dexie, options: DigestOptions): Promise<Map<string, string>> {
  const exclude = new Set(options.exclude ?? []);
  const tables = db.tables
    .filter((t) => (options.tables ? options.tables.includes(t.name) : true) && !exclude.has(t.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const texts = new Map<string, string>();
  // One read transaction: a consistent snapshot of every table.
  await db.transaction('r', tables, async () => {
    for (const table of tables) {
      const [keys, rows] = await Promise.all([table.toCollection().primaryKeys(), table.toArray()]);
      texts.set(table.name, rows.map((row, i) => `${stableText(keys[i])}=${stableText(row)}`).join('\n'));
    }
  });
  return texts;
}

/** Per table, for finding what differs when two digests do not match. */
export async function tableDigests(db: Dexie, options: DigestOptions = {}): Promise<Record<string, string>> {
  const texts = await readTables(db, options);
  const out: Record<string, string> = {};
  for (const [name, text] of texts) out[name] = await sha256Hex(utf8(text));
  return out;
}

export async function databaseDigest(db: Dexie, options: DigestOptions = {}): Promise<string> {
  const texts = await readTables(db, options);
  const whole = [...texts].map(([name, text]) => `#${JSON.stringify(name)}\n${text}`).join('\n');
  return sha256Hex(utf8(whole));
}
