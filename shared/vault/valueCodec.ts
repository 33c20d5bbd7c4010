import { concatBytes, fromUtf8, isUint8Array, toBytes, utf8, type Bytes } from './encoding';
import { VaultError } from './errors';

/**
 * Turns a record's sensitive fields into bytes and back: JSON for the structure, with each
 * Uint8Array (an attachment, a thumbnail) replaced by a reference to a raw byte section after the
 * JSON, so a 10 MiB photo costs 10 MiB rather than 13.3 MiB of base64.
 *
 * Layout: version (1 byte) | JSON length (u32) | JSON | blob count (u32) | (length u32 | bytes)*.
 * Anything after that must be zero bytes (the padding `fieldCipher` adds).
 *
 * Supported values: null, booleans, strings, finite numbers, arrays, plain objects, Uint8Array.
 * Object properties whose value is undefined are left out, as JSON.stringify does; -0 reads back
 * as 0. Anything else (Date, Map, NaN, class instances, sparse arrays) is refused with
 * `unsupported-value` rather than silently changed.
 */
const VERSION = 1;
const BYTES_MARK = '$bytes';

function encodeNode(value: unknown, blobs: Uint8Array[]): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new VaultError('unsupported-value', 'Non-finite number');
    return value;
  }
  if (isUint8Array(value)) {
    blobs.push(value);
    return { [BYTES_MARK]: blobs.length - 1 };
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      if (!(i in value) || value[i] === undefined)
        throw new VaultError('unsupported-value', 'Hole or undefined in array');
      out.push(encodeNode(value[i], blobs));
    }
    return out;
  }
  if (typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null)
      throw new VaultError('unsupported-value', 'Not a plain object');
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      // Escape keys that start with "$" so a real key can never be read as the bytes marker.
      define(out, key.startsWith('$') ? `$${key}` : key, encodeNode(item, blobs));
    }
    return out;
  }
  throw new VaultError('unsupported-value', `Unsupported type: ${typeof value}`);
}

/** Plain assignment would treat a "__proto__" key as the prototype. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function decodeNode(node: unknown, blobs: readonly Bytes[]): unknown {
  if (Array.isArray(node)) return node.map((item) => decodeNode(item, blobs));
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node);
  if (entries.length === 1 && entries[0]![0] === BYTES_MARK) {
    const blob = typeof entries[0]![1] === 'number' ? blobs[entries[0]![1]] : undefined;
    if (blob === undefined) throw new VaultError('invalid-envelope', 'Dangling bytes reference');
    return blob;
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    if (key.startsWith('$') && !key.startsWith('$$'))
      throw new VaultError('invalid-envelope', 'Unescaped "$" key');
    define(out, key.startsWith('$') ? key.slice(1) : key, decodeNode(item, blobs));
  }
  return out;
}

function u32(n: number): Bytes {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n);
  return out;
}

export function encodeValue(value: unknown): Bytes {
  const blobs: Uint8Array[] = [];
  const json = utf8(JSON.stringify(encodeNode(value, blobs)));
  const parts: Uint8Array[] = [new Uint8Array([VERSION]), u32(json.byteLength), json, u32(blobs.length)];
  for (const blob of blobs) parts.push(u32(blob.byteLength), blob);
  return concatBytes(...parts);
}

export function decodeValue(bytes: Uint8Array): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  const read = (length: number): Uint8Array => {
    if (length > bytes.byteLength - offset)
      throw new VaultError('invalid-envelope', 'Encoded value is truncated');
    const out = bytes.subarray(offset, offset + length);
    offset += length;
    return out;
  };
  const readU32 = () => {
    read(4);
    return view.getUint32(offset - 4);
  };
  if (read(1)[0] !== VERSION) throw new VaultError('invalid-envelope', 'Unknown value encoding');
  let tree: unknown;
  try {
    tree = JSON.parse(fromUtf8(read(readU32())));
  } catch (cause) {
    if (cause instanceof VaultError) throw cause;
    throw new VaultError('invalid-envelope', 'Encoded value is not JSON', {}, { cause });
  }
  const count = readU32();
  const blobs: Bytes[] = [];
  for (let i = 0; i < count; i++) blobs.push(toBytes(read(readU32())));
  for (let i = offset; i < bytes.byteLength; i++) {
    if (bytes[i] !== 0) throw new VaultError('invalid-envelope', 'Trailing bytes after encoded value');
  }
  return decodeNode(tree, blobs);
}
