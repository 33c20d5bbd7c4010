import { toHex } from './bytes';

/**
 * One text per value, whatever the key order: object keys sorted, no spaces. Used where replicas
 * must agree without talking (tie-breaks in the merge, equality of field values) and for the
 * bytes an organisation file signs. `undefined` (a stamped field that is absent) has its own
 * token so that it never equals `null`; bytes are written as hex under a key JSON cannot produce
 * from a record (records on the wire carry blob references, not bytes).
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return '~undefined';
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('Not a JSON number');
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Uint8Array) return `{"~bytes":"${toHex(value)}"}`;
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  throw new TypeError(`Not a JSON value: ${typeof value}`);
}

export const sameJson = (a: unknown, b: unknown): boolean => a === b || canonicalJson(a) === canonicalJson(b);
