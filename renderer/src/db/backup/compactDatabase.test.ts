import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AppDatabase } from '../AppDatabase';
import { openDataStore } from '../dataStore';
import { member, registration } from '../repositories/householdFixtures';
import { databaseDigest } from '../sync/databaseDigest';
import { TEST_STORE_KEYS, freshDbName } from '../testing';
import { compactIntoFreshDatabase } from './compactDatabase';

describe('compactIntoFreshDatabase', () => {
  it('copies every record, device identity and sync state included, into a new database', async () => {
    const name = freshDbName();
    const store = await openDataStore({ name, keys: TEST_STORE_KEYS });
    const saved = await store.households.register(registration({}, [member({ fullName: 'Vjollca Krasniqi' })]));
    await store.erasure.eraseHousehold(saved.id);
    const snapshot = await store.backup.snapshot();
    const deviceId = (await store.settings.get()).deviceId;
    store.close();

    const copy = freshDbName();
    await compactIntoFreshDatabase(snapshot, TEST_STORE_KEYS, copy);
    const [before, after] = [new AppDatabase(name, TEST_STORE_KEYS), new AppDatabase(copy, TEST_STORE_KEYS)];
    await Promise.all([before.open(), after.open()]);
    expect(await databaseDigest(after)).toBe(await databaseDigest(before));
    before.close();
    after.close();
    const reopened = await openDataStore({ name: copy, keys: TEST_STORE_KEYS });
    expect((await reopened.settings.get()).deviceId).toBe(deviceId);
    reopened.close();
  });

  it('refuses to write over an existing database', async () => {
    const name = freshDbName();
    const store = await openDataStore({ name, keys: TEST_STORE_KEYS });
    const snapshot = await store.backup.snapshot();
    store.close();
    await expect(compactIntoFreshDatabase(snapshot, TEST_STORE_KEYS, name)).rejects.toThrow(/already exists/);
  });
});
