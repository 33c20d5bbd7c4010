import { afterEach, describe, expect, it } from 'vitest';
import { openDataStore, type DataStore } from './dataStore';
import { freshDbName, TEST_STORE_KEYS, validShelter } from './testing';

const opened: DataStore[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

async function open() {
  const store = await openDataStore({ name: freshDbName(), keys: TEST_STORE_KEYS });
  opened.push(store);
  return store;
}

describe('store.inOneTransaction', () => {
  it('commits every save made inside it, each audited in one chain', async () => {
    const store = await open();
    const ids = await store.inOneTransaction(async () => {
      const first = await store.shelters.create(validShelter({ name: 'Kolektivni centar Gračanica' }));
      await store.shelters.update(
        first.id,
        validShelter({ name: 'Kolektivni centar Gračanica', residents: 40 }),
      );
      const second = await store.shelters.create(validShelter({ name: 'Qendra kolektive Zveçan' }));
      return [first.id, second.id];
    });
    const shelters = await store.shelters.list({});
    expect(shelters.map((s) => s.name).sort()).toEqual([
      'Kolektivni centar Gračanica',
      'Qendra kolektive Zveçan',
    ]);
    expect((await store.audit.forRecord(ids[0]!)).map((e) => e.action)).toEqual(['update', 'create']);
    expect((await store.audit.forRecord(ids[1]!)).map((e) => e.action)).toEqual(['create']);
    expect((await store.audit.verifyChain()).ok).toBe(true);
  });

  it('keeps none of them when one save fails', async () => {
    const store = await open();
    await expect(
      store.inOneTransaction(async () => {
        await store.shelters.create(validShelter({ name: 'Kolektivni centar Ðakovica' }));
        await store.shelters.create({ ...validShelter(), residents: -3 });
      }),
    ).rejects.toThrow(/Invalid record/);
    expect(await store.shelters.list({})).toEqual([]);
    expect((await store.audit.verifyChain()).ok).toBe(true);
  });
});
