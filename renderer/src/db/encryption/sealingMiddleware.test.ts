import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDatabase } from '../AppDatabase';
import { openDataStore, type DataStore } from '../dataStore';
import { schemaV3 } from '../schemaVersions';
import { TEST_STORE_KEYS, freshDbName, validShelter } from '../testing';
import { member, registration } from '../repositories/householdFixtures';
import type { StoreKeys } from './storeKeys';

const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((d) => d.close()));

async function storeAt(name: string, keys: StoreKeys = TEST_STORE_KEYS): Promise<DataStore> {
  const store = await openDataStore({ name, keys });
  opened.push(store);
  return store;
}

/** The same database read without the middleware: what a thief with the disk would see. */
async function rawRows(name: string, table: string): Promise<Record<string, unknown>[]> {
  const raw = new Dexie(name);
  raw.version(3).stores(schemaV3);
  await raw.open();
  opened.push(raw);
  return raw.table(table).toArray();
}

const canary = 'Canary Zzyzx Đorđević';
describe('sealing middleware', () => {
  it('stores no personal value in the clear and reads records back whole', async () => {
    const name = freshDbName();
    const store = await storeAt(name);
    const saved = await store.households.register(
      registration({ address: 'Rr. Canary 12', phone: '+383 44 999 111', notes: `Notes about ${canary}` }, [
        member({ fullName: canary, dateOfBirth: '1980-01-02' }),
      ]),
    );
    const [person] = await store.households.members(saved.id);
    expect(person?.fullName).toBe(canary);
    for (const table of ['households', 'persons', 'audit', 'meta']) {
      const dump = JSON.stringify(await rawRows(name, table), (_k, v: unknown) =>
        v instanceof Uint8Array ? Array.from(v) : v,
      );
      expect(dump).not.toMatch(/Canary|Zzyzx|canary|zzyzx|999 111|1980-01-02/);
    }
    const [rawPerson] = await rawRows(name, 'persons');
    expect(Object.keys(rawPerson!).sort()).toEqual(['enc', 'householdId', 'id', 'searchTokens']);
  });

  it('refuses to open records under another key, and a record whose envelope was moved', async () => {
    const name = freshDbName();
    const store = await storeAt(name);
    const a = await store.shelters.create(validShelter({ name: 'A' }));
    const b = await store.shelters.create(validShelter({ name: 'B' }));
    store.close();
    const wrongKeys = { fieldKey: new Uint8Array(32).fill(1), blindIndexKey: TEST_STORE_KEYS.blindIndexKey };
    await expect(openDataStore({ name, keys: wrongKeys })).rejects.toThrow(/decrypted/);

    const raw = new Dexie(name);
    raw.version(3).stores(schemaV3);
    await raw.open();
    const rows = await raw.table('shelters').toArray();
    const rowA = rows.find((r) => r.id === a.id)!;
    await raw.table('shelters').put({ ...rows.find((r) => r.id === b.id)!, enc: rowA.enc });
    raw.close();
    const reopened = await storeAt(name);
    expect((await reopened.shelters.get(a.id))?.name).toBe('A');
    await expect(reopened.shelters.get(b.id)).rejects.toThrow();
  });

  it('keeps only the primary key and indexed fields plain, and no index holds a personal field', () => {
    const db = new AppDatabase(freshDbName(), TEST_STORE_KEYS);
    // Indexed fields must never carry names, dates of birth, contacts or narratives.
    const personal = /name|birth|phone|contact|address|notes|narrative|answers|values|data|fileName/i;
    const allowed = new Set(['nameKey', 'organisations.name', 'shelters.searchTokens']);
    for (const table of db.tables) {
      const fields = [table.schema.primKey, ...table.schema.indexes].flatMap((i) =>
        Array.isArray(i.keyPath) ? i.keyPath : i.keyPath ? [i.keyPath] : [],
      );
      for (const field of fields) {
        if (allowed.has(field) || allowed.has(`${table.name}.${field}`)) continue;
        expect(`${table.name}.${field}`).not.toMatch(personal);
      }
    }
  });
});
