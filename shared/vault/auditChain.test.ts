import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../records/recordMeta';
import { AUDIT_GENESIS_HASH, chainAuditEntry, verifyAuditChain, type ChainLink } from './auditChain';
import { canonicalJson } from './canonicalJson';

type Chained = Omit<AuditEntry, 'seq'> & ChainLink;

function entry(i: number): AuditEntry {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    at: new Date(Date.UTC(2025, 2, 12, 9, i)).toISOString(),
    actor: 'Arta',
    deviceId: 'laptop-07',
    entity: 'household',
    recordId: 'a1f1d2c3-0000-4000-8000-000000000001',
    action: i === 0 ? 'create' : 'update',
    fields: ['notes', `field${i}`],
  };
}

async function buildChain(length: number, key?: CryptoKey): Promise<Chained[]> {
  const chain: Chained[] = [];
  for (let i = 0; i < length; i++) {
    chain.push(await chainAuditEntry(entry(i), chain.at(-1) ?? null, { key }));
  }
  return chain;
}

const hmacKey = () =>
  crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']);

describe('canonicalJson', () => {
  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 8 }), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(object));
        expect(JSON.parse(canonicalJson(object))).toEqual(JSON.parse(JSON.stringify(object)));
      }),
    );
    expect(canonicalJson({ b: [1, { d: null, c: 'x' }], a: true })).toBe(
      '{"a":true,"b":[1,{"c":"x","d":null}]}',
    );
  });

  it('writes bytes unambiguously and refuses what it cannot spell one way', () => {
    expect(canonicalJson({ iv: new Uint8Array([1, 2, 255]) })).toBe('{"iv":{"$bytes":"AQL_"}}');
    for (const bad of [{ $bytes: 'AQL_' }, { n: Number.NaN }, { d: new Date(0) }, [undefined]]) {
      expect(() => canonicalJson(bad)).toThrow(expect.objectContaining({ code: 'unsupported-value' }));
    }
  });
});

describe('audit chain', () => {
  it('links each entry to the one before, starting from the genesis hash', async () => {
    const chain = await buildChain(5);
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(chain[0]!.prevHash).toBe(AUDIT_GENESIS_HASH);
    expect(chain[3]!.prevHash).toBe(chain[2]!.hash);
    expect(await verifyAuditChain(chain)).toEqual({
      ok: true,
      count: 5,
      head: { seq: 5, hash: chain[4]!.hash },
    });
    expect(await verifyAuditChain([])).toEqual({ ok: true, count: 0, head: null });
    // Order of the input does not matter: entries are checked by seq.
    expect((await verifyAuditChain([...chain].reverse())).ok).toBe(true);
  });

  it('names the first changed entry, whatever field was changed', async () => {
    const chain = await buildChain(8);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(7),
        fc.constantFrom('at', 'actor', 'recordId', 'action', 'fields'),
        async (k, field) => {
          const tampered = chain.map((e) => ({ ...e }));
          tampered[k] = { ...tampered[k]!, [field]: field === 'fields' ? ['name'] : 'delete' };
          expect(await verifyAuditChain(tampered)).toEqual({
            ok: false,
            firstBrokenSeq: k + 1,
            reason: 'hash',
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('names the entry after a removed one, and a reordered or inserted one', async () => {
    const chain = await buildChain(6);
    const removed = chain.filter((e) => e.seq !== 3);
    expect(await verifyAuditChain(removed)).toEqual({ ok: false, firstBrokenSeq: 4, reason: 'sequence' });

    // Renumbered after the removal: the link gives it away.
    const renumbered = removed.map((e) => (e.seq > 3 ? { ...e, seq: e.seq - 1 } : e));
    expect(await verifyAuditChain(renumbered)).toEqual({ ok: false, firstBrokenSeq: 3, reason: 'link' });

    const swapped = chain.map((e) => (e.seq === 2 ? { ...e, seq: 3 } : e.seq === 3 ? { ...e, seq: 2 } : e));
    expect(await verifyAuditChain(swapped)).toEqual({ ok: false, firstBrokenSeq: 2, reason: 'link' });

    const forged = await chainAuditEntry(entry(99), chain[1]!);
    const inserted = [...chain.slice(0, 2), forged, ...chain.slice(2).map((e) => ({ ...e, seq: e.seq + 1 }))];
    expect(await verifyAuditChain(inserted)).toEqual({ ok: false, firstBrokenSeq: 4, reason: 'link' });
  });

  it('detects entries cut off the end only against a head kept elsewhere', async () => {
    const chain = await buildChain(6);
    const head = { seq: 6, hash: chain[5]!.hash };
    const cut = chain.slice(0, 4);
    expect((await verifyAuditChain(cut)).ok).toBe(true);
    expect(await verifyAuditChain(cut, { expectedHead: head })).toEqual({
      ok: false,
      firstBrokenSeq: 5,
      reason: 'head',
    });
    expect((await verifyAuditChain(chain, { expectedHead: head })).ok).toBe(true);
  });

  it('starts from an anchor when older entries were pruned', async () => {
    const chain = await buildChain(6);
    const kept = chain.slice(3);
    expect(await verifyAuditChain(kept)).toEqual({ ok: false, firstBrokenSeq: 4, reason: 'sequence' });
    const anchor = { seq: 3, hash: chain[2]!.hash };
    expect(await verifyAuditChain(kept, { anchor })).toMatchObject({ ok: true, count: 3 });
  });

  it('keyed: an edited chain cannot be rebuilt without the key', async () => {
    const key = await hmacKey();
    const chain = await buildChain(5, key);
    expect((await verifyAuditChain(chain, { key })).ok).toBe(true);
    // An editor without the key rebuilds the chain with plain SHA-256 (or another key).
    const rebuilt: Chained[] = [];
    for (const e of chain) {
      const { seq: _s, prevHash: _p, hash: _h, ...content } = e;
      const edited = e.seq === 3 ? { ...content, actor: 'someone else' } : content;
      rebuilt.push(await chainAuditEntry(edited, rebuilt.at(-1) ?? null, { key: await hmacKey() }));
    }
    expect(await verifyAuditChain(rebuilt, { key })).toEqual({
      ok: false,
      firstBrokenSeq: 1,
      reason: 'hash',
    });
    // Unkeyed, the same rebuild would pass: that is why the keyed mode is recommended.
    const unkeyed: Chained[] = [];
    for (const e of chain) {
      const { seq: _s, prevHash: _p, hash: _h, ...content } = e;
      unkeyed.push(await chainAuditEntry(content, unkeyed.at(-1) ?? null));
    }
    expect((await verifyAuditChain(unkeyed)).ok).toBe(true);
  });

  it('chains entries whose details are an encrypted envelope', async () => {
    const withDetails = {
      ...entry(1),
      details: { v: 1, iv: new Uint8Array(12).fill(1), ct: new Uint8Array([9, 9, 9]) },
    };
    const first = await chainAuditEntry(withDetails, null);
    expect((await verifyAuditChain([first])).ok).toBe(true);
    const flipped = { ...first, details: { ...first.details, ct: new Uint8Array([9, 9, 8]) } };
    expect(await verifyAuditChain([flipped])).toEqual({ ok: false, firstBrokenSeq: 1, reason: 'hash' });
  });
});
