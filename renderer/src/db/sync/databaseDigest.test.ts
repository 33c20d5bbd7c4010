import { describe, expect, it } from 'vitest';
import { AppDatabase } from '../AppDatabase';
import { freshDbName, TEST_STORE_KEYS } from '../testing';
import { databaseDigest, tableDigests } from './databaseDigest';
import { HQ_STORE_KEYS } from './syncTesting';

async function open(keys = TEST_STORE_KEYS) {
  const db = new AppDatabase(freshDbName(), keys);
  await db.open();
  return db;
}

const row = { key: 'report', value: { title: 'Monthly', logo: new Uint8Array([1, 2, 3]), pages: [1, 2] } };

describe('databaseDigest', () => {
  it('is the same for the same data, whatever the keys, the ciphertexts or the order of writes', async () => {
    const a = await open();
    const b = await open(HQ_STORE_KEYS);
    await a.meta.bulkPut([row, { key: 'x', value: 1 }]);
    await b.meta.bulkPut([{ key: 'x', value: 1 }, row]);
    expect(await databaseDigest(a)).toBe(await databaseDigest(b));
    a.close();
    b.close();
  });

  it('changes when any value of any row changes, sealed or not, bytes included', async () => {
    const db = await open();
    await db.meta.put(row);
    const before = await databaseDigest(db);
    const tables = await tableDigests(db);
    await db.meta.put({ ...row, value: { ...row.value, logo: new Uint8Array([1, 2, 4]) } });
    expect(await databaseDigest(db)).not.toBe(before);
    await db.meta.put(row);
    expect(await databaseDigest(db)).toBe(before);
    await db.drafts.put({ key: 'd', form: 'f', values: null, updatedAt: '2025-01-01T00:00:00.000Z' });
    const after = await tableDigests(db);
    expect(Object.keys(after).filter((t) => after[t] !== tables[t])).toEqual(['drafts']);
    // Leaving a table out compares the rest: equal to a database without the draft.
    const twin = await open();
    await twin.meta.put(row);
    expect(await databaseDigest(db, { exclude: ['drafts'] })).toBe(
      await databaseDigest(twin, { exclude: ['drafts'] }),
    );
    expect(await databaseDigest(db)).not.toBe(await databaseDigest(twin));
    twin.close();
    db.close();
  });
});
