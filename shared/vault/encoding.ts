import { z } from 'zod';

/**
 * Byte helpers. `Bytes` is a Uint8Array over a plain ArrayBuffer, the type WebCrypto accepts;
 * `toBytes` copies anything else (a view over a SharedArrayBuffer or a Node Buffer slice)
 * into one.
 */
export type Bytes = Uint8Array<ArrayBuffer>;

export function toBytes(view: Uint8Array): Bytes {
  const copy = new Uint8Array(view.byteLength);
  copy.set(view);
  return copy;
}

/** The same view when it already sits on an ArrayBuffer (no copy of a large file), else a copy. */
export function asBytes(view: Uint8Array): Bytes {
  return isArrayBufferBacked(view) ? view : toBytes(view);
}

function isArrayBufferBacked(view: Uint8Array): view is Bytes {
  return view.buffer instanceof ArrayBuffer;
}

export function randomBytes(length: number): Bytes {
  return crypto.getRandomValues(new Uint8Array(length));
}

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

export const utf8 = (text: string): Bytes => toBytes(encoder.encode(text));
/** Throws on invalid UTF-8 instead of inserting U+FFFD. */
export const fromUtf8 = (bytes: Uint8Array): string => strictDecoder.decode(bytes);

export function concatBytes(...parts: readonly Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** Constant-time in the contents (not the length), for comparing checksums and tags. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  let diff = 0;
  for (let i = 0; i < a.byteLength; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** True for a Uint8Array from any realm (IndexedDB, a worker, another window). */
export function isUint8Array(value: unknown): value is Uint8Array {
  return Object.prototype.toString.call(value) === '[object Uint8Array]';
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.byteLength; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const base64UrlPattern = /^[A-Za-z0-9_-]*$/;

/** Strict: refuses padding, standard-alphabet characters and impossible lengths. */
export function fromBase64Url(text: string): Bytes {
  if (!base64UrlPattern.test(text) || text.length % 4 === 1) {
    throw new TypeError('Not base64url');
  }
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  // Refuse non-canonical encodings (unused low bits set), so one value has one spelling.
  if (toBase64Url(out) !== text) throw new TypeError('Not canonical base64url');
  return out;
}

/** A base64url string whose decoded length lies in [min, max] bytes. */
export function base64UrlBytes(min: number, max: number = min) {
  return z.string().refine(
    (text) => {
      try {
        const n = fromBase64Url(text).byteLength;
        return n >= min && n <= max;
      } catch {
        return false;
      }
    },
    { message: 'vault.invalidBase64Url' },
  );
}
