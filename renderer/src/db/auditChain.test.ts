import { afterEach, describe, expect, it } from 'vitest';
import { AUDIT_GENESIS_HASH, sealAuditEntry } from '../../../shared/records/auditHash';
import type { AuditEntry } from '../../../shared/records/recordMeta';
import { verifyAuditChain } from '../../../shared/vault/auditChain';
import { AppDatabase } from './AppDatabase';
import { openDataStore, type DataStore } from './dataStore';
import { addHousehold, validReferral } from './repositories/referralFixtures';
import { freshDbName, TEST_STORE_KEYS, validShelter } from './testing';

const opened: { close: () => void }[] = [];
afterEach(() => opened.splice(0).forEach((o) => o.close()));

/** The store, and the same database opened raw, to edit entries as someone with disk access would. */
async function open() {
  const name = freshDbName();
  const store: DataStore = await openDataStore({ name: name, keys: TEST_STORE_KEYS });
  const raw = new AppDatabase(name, TEST_STORE_KEYS);
  await raw.open();
  opened.push(store, raw);
  return { store, raw };
}

/** Writes across entities and actions: partner seeds, shelters, a referral. Returns the entry count. */
async function someHistory(store: DataStore, raw: AppDatabase) {
  const shelter = await store.shelters.create(validShelter());
  await store.shelters.update(shelter.id, validShelter({ residents: 35 }));
  await store.shelters.archive(shelter.id);
  await store.shelters.restore(shelter.id);
  const { household } = await addHousehold(raw);
  await store.referrals.create(validReferral(household.id));
  return raw.audit.count();
}

const bySeq = (raw: AppDatabase) => raw.audit.orderBy(':id').toArray();
const entryAt = async (raw: AppDatabase, seq: number) => (await raw.audit.get(seq))!;

describe('audit hash chain', () => {
  it('links every write, across entities, to the entry before it', async () => {
    const { store, raw } = await open();
    const count = await someHistory(store, raw);
    expect(count).toBeGreaterThan(6);

    const entries = await bySeq(raw);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(entries[0]!.prevHash).toBe(AUDIT_GENESIS_HASH);
    entries.slice(1).forEach((e, i) => expect(e.prevHash).toBe(entries[i]!.hash));
    expect(new Set(entries.map((e) => e.entity))).toEqual(new Set(['organisation', 'shelter', 'referral']));

    expect(await store.audit.verifyChain()).toEqual({ ok: true, count, unsealed: 0 });
  });

  it('writes the same hashes as the WebCrypto verifier of the vault computes', async () => {
    const { store, raw } = await open();
    const count = await someHistory(store, raw);
    const entries = (await bySeq(raw)) as (AuditEntry & { seq: number; prevHash: string; hash: string })[];
    expect(await verifyAuditChain(entries)).toMatchObject({ ok: true, count });
  });

  it('names the entry whose fields were changed', async () => {
    const { store, raw } = await open();
    await someHistory(store, raw);
    await raw.audit.update(5, { actor: 'Someone else' });
    expect(await store.audit.verifyChain()).toEqual({ ok: false, firstBrokenSeq: 5, reason: 'hash' });
  });

  it('names the next entry when a changed entry was given a fresh hash', async () => {
    const { store, raw } = await open();
    await someHistory(store, raw);
    const { hash: _h, seq: _s, prevHash: _p, ...content } = await entryAt(raw, 5);
    const resealed = sealAuditEntry({ ...content, fields: ['notes'] }, await entryAt(raw, 4));
    expect(resealed.seq).toBe(5);
    await raw.audit.put(resealed);
    expect(await store.audit.verifyChain()).toEqual({ ok: false, firstBrokenSeq: 6, reason: 'link' });
  });

  it('names the entry after a deleted one', async () => {
    const { store, raw } = await open();
    await someHistory(store, raw);
    await raw.audit.delete(4);
    expect(await store.audit.verifyChain()).toEqual({ ok: false, firstBrokenSeq: 5, reason: 'sequence' });
  });

  it('names the first of two entries that swapped places', async () => {
    const { store, raw } = await open();
    await someHistory(store, raw);
    const [third, fourth] = [await entryAt(raw, 3), await entryAt(raw, 4)];
    await raw.transaction('rw', raw.audit, async () => {
      await raw.audit.bulkDelete([3, 4]);
      await raw.audit.bulkAdd([
        { ...fourth, seq: 3 },
        { ...third, seq: 4 },
      ]);
    });
    expect(await store.audit.verifyChain()).toEqual({ ok: false, firstBrokenSeq: 3, reason: 'link' });
  });

  it('names an entry whose hash was stripped', async () => {
    const { store, raw } = await open();
    await someHistory(store, raw);
    const { hash: _h, prevHash: _p, ...unsealed } = await entryAt(raw, 6);
    await raw.audit.put(unsealed);
    expect(await store.audit.verifyChain()).toEqual({ ok: false, firstBrokenSeq: 6, reason: 'unsealed' });
  });

  it('forms one valid chain from concurrent writes', async () => {
    const { store, raw } = await open();
    const before = await raw.audit.count();
    const created = await Promise.all(
      Array.from({ length: 8 }, (_, i) => store.shelters.create(validShelter({ name: `Shelter ${i}` }))),
    );
    await Promise.all(
      created.map((s) => store.shelters.update(s.id, validShelter({ name: s.name, residents: 1 }))),
    );
    expect(await store.audit.verifyChain()).toEqual({ ok: true, count: before + 16, unsealed: 0 });
  });

  it('keeps entries written before the chain existed, and chains the next write after them', async () => {
    const { store, raw } = await open();
    await raw.audit.clear();
    const legacy = (n: number): AuditEntry => ({
      id: crypto.randomUUID(),
      at: '2024-01-01T10:00:00.000Z',
      actor: 'Arta',
      deviceId: 'device',
      entity: 'shelter',
      recordId: `r${n}`,
      action: 'create',
      fields: ['name'],
    });
    await raw.audit.bulkAdd([legacy(1), legacy(2)]);
    await store.shelters.create(validShelter());
    const entries = await bySeq(raw);
    expect(entries.at(-1)).toMatchObject({ seq: entries.at(-2)!.seq! + 1, prevHash: AUDIT_GENESIS_HASH });
    expect(await store.audit.verifyChain()).toEqual({ ok: true, count: 1, unsealed: 2 });
  });
});
