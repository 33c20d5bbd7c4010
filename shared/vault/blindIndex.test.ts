import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchTokens } from '../text/normalize';
import { BLIND_INDEX_MAX_PREFIX, blindIndexTags, blindQueryTags } from './blindIndex';

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
