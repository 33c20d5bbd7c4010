import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchTokens } from '../text/normalize';
import { toBase64Url, utf8 } from './encoding';
import { BLIND_INDEX_MAX_PREFIX, blindIndexTags, blindQueryTags, createBlindIndex } from './blindIndex';

const newKey = () => crypto.getRandomValues(new Uint8Array(32));

const people = [
  { id: 'p1', name: 'Arta Berisha' },
  { id: 'p2', name: 'Đorđe Petrović' },
  { id: 'p3', name: 'Ђорђе Петровић' },
  { id: 'p4', name: 'Djordje Jovanović' },
  { id: 'p5', name: 'Bekim Berishaj' },
];

async function indexed(key: Uint8Array) {
  return Promise.all(people.map(async (p) => ({ ...p, tags: new Set(await blindIndexTags(p.name, key)) })));
}

/** What the Dexie multi-entry query plus the in-memory check would do. */
async function search(query: string, key: Uint8Array): Promise<string[]> {
  const wanted = await blindQueryTags(query, key);
  if (wanted.length === 0) return [];
  return (await indexed(key)).filter((p) => wanted.every((t) => p.tags.has(t))).map((p) => p.id);
}

describe('blind index', () => {
  it('stores short, sorted, distinct base64url tags, one per prefix of at least two letters', async () => {
    const key = await newKey();
    const tags = await blindIndexTags('Arta Berisha', key);
    // "ar", "art", "arta" + "be" … "berisha" (6)
    expect(tags).toHaveLength(3 + 6);
    for (const tag of tags) expect(tag).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect([...tags].sort()).toEqual(tags);
    expect(new Set(tags).size).toBe(tags.length);
    expect(tags.join(' ').toLowerCase()).not.toContain('arta');
  });

  it('tags are HMAC-SHA-256 of domain, 0x00 and the prefix, cut to 12 bytes (stored tags depend on it)', () => {
    const key = newKey();
    const expected = (prefix: string) =>
      toBase64Url(hmac(sha256, key, utf8(`place\u0000${prefix}`)).subarray(0, 12));
    const tags = ['ar', 'art', 'arta'].map(expected).sort();
    expect(blindIndexTags('Arta', key, { domain: 'place' })).toEqual(tags);
    expect(createBlindIndex(key, { domain: 'place' }).tags('ARTA')).toEqual(tags);
    expect(blindQueryTags('art', key, { domain: 'place' })).toEqual([expected('art')]);
  });

  it('finds names by token prefixes, across scripts and diacritics', async () => {
    const key = await newKey();
    expect(await search('djor', key)).toEqual(['p2', 'p3', 'p4']);
    expect(await search('Ђорђе петр', key)).toEqual(['p2', 'p3']);
    expect(await search('beri', key)).toEqual(['p1', 'p5']);
    expect(await search('berishaj', key)).toEqual(['p5']);
    expect(await search('Arta Ber', key)).toEqual(['p1']);
    expect(await search('zz', key)).toEqual([]);
  });

  it('asks for at least two letters rather than matching everything', async () => {
    const key = await newKey();
    expect(await blindQueryTags('a', key)).toEqual([]);
    expect(await blindQueryTags('  - ', key)).toEqual([]);
  });

  it('cuts long tokens to the maximum prefix on both sides, leaving the rest to the filter', async () => {
    const key = await newKey();
    const long = 'Mitrovicëpërtejlumit';
    const tags = new Set(await blindIndexTags(long, key));
    expect(tags.size).toBe(BLIND_INDEX_MAX_PREFIX - 1);
    const [query] = await blindQueryTags('mitrovicepertejlumi', key);
    expect(tags.has(query!)).toBe(true);
  });

  it('gives unrelated tags under another key or another field', async () => {
    const [a, b] = [await newKey(), await newKey()];
    const tagsA = await blindIndexTags('Arta', a);
    expect(await blindIndexTags('Arta', a)).toEqual(tagsA);
    expect((await blindIndexTags('Arta', b)).some((t) => tagsA.includes(t))).toBe(false);
    const place = await blindIndexTags('Arta', a, { domain: 'household.place' });
    expect(place.some((t) => tagsA.includes(t))).toBe(false);
  });

  it('always finds a name by any of its tokens’ prefixes', async () => {
    const key = await newKey();
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 30 }), fc.nat(), async (name, at) => {
        const tokens = searchTokens(name).filter((t) => Array.from(t).length >= 2);
        fc.pre(tokens.length > 0);
        const token = Array.from(tokens[at % tokens.length]!);
        const prefix = token.slice(0, 2 + (at % (token.length - 1))).join('');
        const stored = new Set(await blindIndexTags(name, key));
        for (const tag of await blindQueryTags(prefix, key)) expect(stored.has(tag)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('blind index with a memo (createBlindIndex)', () => {
  const names = fc.array(
    fc.oneof(fc.constantFrom(...people.map((p) => p.name)), fc.string({ maxLength: 30 })),
    {
      minLength: 1,
      maxLength: 40,
    },
  );

  it('gives the same tags as the functions without one, whether entries are kept or dropped', () => {
    const key = newKey();
    const options = { domain: 'person.name' };
    fc.assert(
      fc.property(names, fc.constantFrom(1, 3, 10_000), (texts, memoSize) => {
        const index = createBlindIndex(key, { ...options, memoSize });
        // Twice over the same names: the second pass reads the memo (or what is left of it).
        for (const text of [...texts, ...texts]) {
          expect(index.tags(text)).toEqual(blindIndexTags(text, key, options));
          expect(index.queryTags(text)).toEqual(blindQueryTags(text, key, options));
        }
        expect(index.tags(texts)).toEqual(blindIndexTags(texts, key, options));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps its memo to itself: another key or domain gives other tags, a changed result changes nothing', () => {
    const key = newKey();
    const index = createBlindIndex(key);
    const first = index.tags('Arta Berisha');
    first.splice(0, first.length, 'tampered');
    expect(index.tags('Arta Berisha')).toEqual(blindIndexTags('Arta Berisha', key));
    const other = createBlindIndex(newKey()).tags('Arta Berisha');
    const place = createBlindIndex(key, { domain: 'household.place' }).tags('Arta Berisha');
    expect(other.some((t) => index.tags('Arta').includes(t))).toBe(false);
    expect(place.some((t) => index.tags('Arta').includes(t))).toBe(false);
  });
});
