import { fromUtf8 } from './bytes';
import { SyncError } from './errors';

/**
 * JSON parsing for files that come from outside. Plain `JSON.parse` is not enough:
 *
 * - It has no limits. A file of nested brackets, or one enormous string, is parsed in full, and
 *   the recursive code that runs next (schema validation, canonical comparison, the structured
 *   clone into IndexedDB) overflows the stack or exhausts memory. A scan before parsing refuses
 *   such text before a single object is built.
 * - It creates `__proto__`, `constructor` and `prototype` as ordinary own keys. They are harmless
 *   until some later code copies them with `Object.assign`, `target[key] = value` or a deep
 *   merge: then `__proto__` replaces an object's prototype and `constructor.prototype` reaches
 *   shared prototypes (prototype pollution). Refusing them at the door means no later code has to
 *   be careful. The check sees every key decoded (so `"__pro\u0074o__"` is caught too).
 * - It turns `1e400` into `Infinity`, which is not JSON and would be written back as `null`.
 *
 * Duplicate keys keep the last value, as in JSON.parse; the signature covers the bytes, so every
 * reader of a signed file sees the same document.
 */
export interface JsonLimits {
  /** Characters of JSON text. */
  maxLength: number;
  /** Nesting of objects and arrays (the top-level value counts as 1). */
  maxDepth: number;
  /** Characters inside one string literal, escapes counted as written. */
  maxStringLength: number;
}

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** One linear pass: depth and string lengths, without building anything. */
function scan(text: string, limits: JsonLimits): void {
  let depth = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === BACKSLASH) i += 2;
        else if (d === QUOTE) break;
        else i++;
      }
      const length = i - start - 1;
      if (length > limits.maxStringLength) {
        throw new SyncError(
          'hostile-content',
          `A string of ${length} characters is over the limit of ${limits.maxStringLength}`,
          {
            offset: start,
          },
        );
      }
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > limits.maxDepth) {
        throw new SyncError('hostile-content', `Nesting deeper than ${limits.maxDepth} levels`, {
          offset: i,
        });
      }
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
    i++;
  }
}

/** What a reviver would check of one key and its value. */
function checkEntry(key: string, value: unknown): void {
  if (FORBIDDEN_KEYS.has(key)) {
    throw new SyncError('hostile-content', `The key "${key}" is not allowed`);
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new SyncError('hostile-content', 'A number is too large to represent');
  }
}

/**
 * The checks of a `JSON.parse` reviver, run over the parsed value instead: a reviver makes V8
 * leave its fast parser (several times slower on a bundle's megabytes). Same visits in the same
 * order (children before their key, keys as `Object.keys` lists them), so the same first error.
 * The depth was bounded by `scan`, so the recursion is too.
 */
function checkParsed(key: string, value: unknown): void {
  if (typeof value === 'object' && value !== null) {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) checkParsed(String(i), value[i]);
    } else {
      const record = value as Record<string, unknown>;
      for (const k of Object.keys(record)) checkParsed(k, record[k]);
    }
  }
  checkEntry(key, value);
}

export function safeJsonParse(text: string, limits: JsonLimits): unknown {
  if (text.length > limits.maxLength) {
    throw new SyncError(
      'too-large',
      `${text.length} characters of JSON, over the limit of ${limits.maxLength}`,
    );
  }
  scan(text, limits);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SyncError(
      'corrupt',
      `Not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  checkParsed('', value);
  return value;
}

/** UTF-8 bytes to a value; invalid UTF-8 is refused rather than replaced. */
export function safeJsonParseBytes(bytes: Uint8Array, limits: JsonLimits): unknown {
  if (bytes.length > limits.maxLength * 3) {
    throw new SyncError('too-large', `${bytes.length} bytes of JSON, over the limit`);
  }
  return safeJsonParse(fromUtf8(bytes), limits);
}
