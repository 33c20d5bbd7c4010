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
/** Tokens (and prefixes) whose tags an index keeps: a few MiB at most. */
export const BLIND_INDEX_MEMO_SIZE = 8192;

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

type Tagger = (prefix: string) => string;

/**
 * HMAC with its key already absorbed: the inner and outer pads are hashed once, and each tag
 * clones that state, which halves the SHA-256 blocks per (short) prefix.
 */
function taggerFor(key: Uint8Array, domain: string): Tagger {
  const keyed = hmac.create(sha256, key);
  return (prefix) => {
    const mac = keyed
      .clone()
      .update(utf8(`${domain}\u0000${prefix}`))
      .digest();
    return toBase64Url(mac.subarray(0, BLIND_INDEX_TAG_BYTES));
  };
}

const textsOf = (text: string | readonly string[]) => (typeof text === 'string' ? [text] : text);

/** The indexed prefixes of one normalized token: min…max letters, counted as code points. */
function prefixesOf(token: string, min: number, max: number): string[] {
  const letters = Array.from(token);
  const prefixes: string[] = [];
  for (let n = min; n <= Math.min(letters.length, max); n++) prefixes.push(letters.slice(0, n).join(''));
  return prefixes;
}

function distinctTokens(text: string | readonly string[]): Set<string> {
  return new Set(textsOf(text).flatMap((t) => searchTokens(t)));
}

/** Tags to store with a record: every prefix (min…max letters) of every token, sorted, distinct. */
export function blindIndexTags(
  text: string | readonly string[],
  key: Uint8Array,
  options: BlindIndexOptions = {},
): string[] {
  const { domain, min, max } = settings(options);
  const tag = taggerFor(key, domain);
  const tags = new Set<string>();
  for (const token of distinctTokens(text)) for (const p of prefixesOf(token, min, max)) tags.add(tag(p));
  return [...tags].sort();
}

/**
 * One tag per query token long enough to search (tokens longer than `maxPrefix` are cut to it).
 * A record matches when it holds every tag. Empty when no token is long enough: ask for more
 * letters instead of listing everything.
 */
export function blindQueryTags(query: string, key: Uint8Array, options: BlindIndexOptions = {}): string[] {
  const { domain, min, max } = settings(options);
  return queryTagsWith(query, min, max, taggerFor(key, domain));
}

function queryTagsWith(query: string, min: number, max: number, tag: Tagger): string[] {
  const prefixes = new Set<string>();
  for (const token of searchTokens(query)) {
    const letters = Array.from(token);
    if (letters.length >= min) prefixes.add(letters.slice(0, max).join(''));
  }
  return [...new Set([...prefixes].map(tag))].sort();
}

/** A string-keyed memo that drops its oldest entry when full. */
class BoundedMemo<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  get(key: string, compute: (key: string) => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const value = compute(key);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    return value;
  }
}

export interface BlindIndex {
  /** As `blindIndexTags`, with this index's key and options. */
  tags(text: string | readonly string[]): string[];
  /** As `blindQueryTags`, with this index's key and options. */
  queryTags(query: string): string[];
}

/**
 * Names repeat (a surname across a household, a common first name across a camp), and each
 * token costs up to eleven HMACs, so an index keeps the tags of the tokens and prefixes it has
 * seen. The memo lives in this closure only, next to the key it was made with; bounded, so a
 * long session's memory stays flat (a miss only costs the HMACs again). Like the keyed HMAC
 * state, it goes with the index: locking drops the store and reloads the page.
 */
export function createBlindIndex(
  key: Uint8Array,
  options: BlindIndexOptions & { memoSize?: number } = {},
): BlindIndex {
  const { domain, min, max } = settings(options);
  const capacity = options.memoSize ?? BLIND_INDEX_MEMO_SIZE;
  const tagger = taggerFor(key, domain);
  const prefixTags = new BoundedMemo<string>(capacity);
  const tag = (prefix: string) => prefixTags.get(prefix, tagger);
  const tokenTags = new BoundedMemo<readonly string[]>(capacity);
  const tagsOfToken = (token: string) => tokenTags.get(token, (t) => prefixesOf(t, min, max).map(tag));
  return {
    tags(text) {
      const tags = new Set<string>();
      for (const token of distinctTokens(text)) for (const t of tagsOfToken(token)) tags.add(t);
      return [...tags].sort();
    },
    queryTags: (query) => queryTagsWith(query, min, max, tag),
  };
}
