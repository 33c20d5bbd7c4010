import { isUint8Array, toBase64Url } from './encoding';
import { VaultError } from './errors';

/**
 * One spelling per value, so that a hash over it is reproducible on any device: object keys
 * sorted by UTF-16 code units, no whitespace, numbers and strings as JSON.stringify writes them
 * (the same as RFC 8785 for the values the app stores). A Uint8Array (an encrypted envelope in
 * an audit entry) is written as {"$bytes":"<base64url>"}, and an object that itself has a
 * "$bytes" key is refused, so two different values never share a spelling.
 *
 * Hand-written (30 lines) because the stable-stringify packages in node_modules are only
 * transitive dependencies of the tooling, and none of them handles Uint8Array unambiguously.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new VaultError('unsupported-value', 'Non-finite number');
    return JSON.stringify(value);
  }
  if (isUint8Array(value)) return `{"$bytes":${JSON.stringify(toBase64Url(value))}}`;
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) {
      if (!(i in value) || value[i] === undefined)
        throw new VaultError('unsupported-value', 'Hole or undefined in array');
      items.push(canonicalJson(value[i]));
    }
    return `[${items.join(',')}]`;
  }
  if (typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null)
      throw new VaultError('unsupported-value', 'Not a plain object');
    if (Object.hasOwn(value, '$bytes')) throw new VaultError('unsupported-value', 'Reserved key "$bytes"');
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, item]) => `${JSON.stringify(k)}:${canonicalJson(item)}`).join(',')}}`;
  }
  throw new VaultError('unsupported-value', `Unsupported type: ${typeof value}`);
}
