import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';

/**
 * Pseudonyms for record ids in a pseudonymised export: HMAC-SHA-256 of the id under a key drawn
 * at random for that one export and never stored. Within the export the same id always gives the
 * same pseudonym, whichever column it is in (a household's id and the `householdId` of its members
 * and visits), so the files still join. Without the key, which is gone once the export is written,
 * a pseudonym cannot be computed from a database id, and two exports give the same record
 * different pseudonyms, so they cannot be linked to each other either.
 *
 * 80 bits (20 hex characters): collisions stay below one in 10^12 even for a million records, and
 * the shape (no dashes) cannot be mistaken for a database UUID.
 */
export const PSEUDONYM_KEY_BYTES = 32;
export const PSEUDONYM_HEX_LENGTH = 20;

const encoder = new TextEncoder();

export function randomPseudonymKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(PSEUDONYM_KEY_BYTES));
}

export type Pseudonymiser = (id: string) => string;

export function createPseudonymiser(key: Uint8Array): Pseudonymiser {
  if (key.byteLength < 16) throw new Error('A pseudonym key needs at least 128 bits');
  // A copy, so wiping the caller's array cannot change pseudonyms half-way through an export.
  const secret = key.slice();
  const cache = new Map<string, string>();
  return (id) => {
    let pseudonym = cache.get(id);
    if (pseudonym === undefined) {
      pseudonym = bytesToHex(hmac(sha256, secret, encoder.encode(id))).slice(0, PSEUDONYM_HEX_LENGTH);
      cache.set(id, pseudonym);
    }
    return pseudonym;
  };
}
