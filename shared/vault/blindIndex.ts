import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { searchTokens } from '../text/normalize';
import { toBase64Url, utf8 } from './encoding';

/**
 * A keyed blind index for name search over encrypted records. Each normalized name token
 * (`searchTokens`: lower case, Cyrillic → Latin, diacritics folded) and each of its prefixes gets
 * a tag HMAC-SHA-256(blindIndexKey, domain ‖ 0x00 ‖ prefix), truncated to 12 bytes and written as
 * base64url. The record stores the sorted tags in a Dexie multi-entry index; a query token's tag
 * finds the records with a token starting with it. The lead then decrypts the candidates and
 * filters them with `matchesSearch`, so a rare false positive never shows.
 *
 * Why 12 bytes (16 characters): a tag only has to tell prefixes apart. At 96 bits, even ten million
 * distinct prefixes collide with probability below 10^-15, and a collision only adds a candidate
 * that the in-memory filter drops. The full 32 bytes (43 characters) would nearly triple the index
 * for nothing. Truncating far more (to 2–3 bytes, so that many names share a tag) would blur the
 * equality leak below, at the cost of decrypting many false candidates; not worth it at this scale.
 *
 * What it leaks to someone holding the database but not the key: which records share a name
 * token or a prefix of one (equality, hence frequencies: a common surname is a common tag), and,
 * roughly, how many tokens and letters a name has (the number of tags). Not the letters
 * themselves. Tags are sorted so their order does not tell which prefixes belong together.
 * The `domain` keeps fields apart: a first-name tag and a place-name tag for the same word differ.
 *
 * Synchronous (HMAC from @noble/hashes): tags are derived while a record is written, inside its
 * IndexedDB transaction, where awaiting WebCrypto would end the transaction.
 */
export const BLIND_INDEX_TAG_BYTES = 12;
/** One-letter prefixes would split the records into ~26 large, easily profiled groups. */
export const BLIND_INDEX_MIN_PREFIX = 2;
/** Longer tokens are indexed by their first 12 letters; the filter after decryption does the rest. */
export const BLIND_INDEX_MAX_PREFIX = 12;

export interface BlindIndexOptions {
  /** Separates indexes of different fields, e.g. "person.name" and "household.place". */
  domain?: string;
  minPrefix?: number;
  maxPrefix?: number;
}

function settings(options: BlindIndexOptions) {
  return {
    domain: options.domain ?? 'name',
    min: options.minPrefix ?? BLIND_INDEX_MIN_PREFIX,
    max: options.maxPrefix ?? BLIND_INDEX_MAX_PREFIX,
  };
}

function tag(key: Uint8Array, domain: string, prefix: string): string {
  const mac = hmac(sha256, key, utf8(`${domain}\u0000${prefix}`));
  return toBase64Url(mac.subarray(0, BLIND_INDEX_TAG_BYTES));
}

/** Tags to store with a record: every prefix (min…max letters) of every token, sorted, distinct. */
export function blindIndexTags(
  text: string | readonly string[],
  key: Uint8Array,
  options: BlindIndexOptions = {},
): string[] {
  const { domain, min, max } = settings(options);
  const texts = typeof text === 'string' ? [text] : text;
  const prefixes = new Set<string>();
  for (const token of new Set(texts.flatMap((t) => searchTokens(t)))) {
    const letters = Array.from(token);
    for (let n = min; n <= Math.min(letters.length, max); n++) prefixes.add(letters.slice(0, n).join(''));
  }
  const tags = [...prefixes].map((p) => tag(key, domain, p));
  return [...new Set(tags)].sort();
}

/**
 * One tag per query token long enough to search (tokens longer than `maxPrefix` are cut to it).
 * A record matches when it holds every tag. Empty when no token is long enough: ask for more
 * letters instead of listing everything.
 */
export function blindQueryTags(query: string, key: Uint8Array, options: BlindIndexOptions = {}): string[] {
  const { domain, min, max } = settings(options);
  const prefixes = new Set<string>();
  for (const token of searchTokens(query)) {
    const letters = Array.from(token);
    if (letters.length >= min) prefixes.add(letters.slice(0, max).join(''));
  }
  const tags = [...prefixes].map((p) => tag(key, domain, p));
  return [...new Set(tags)].sort();
}
