import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/result';
import { openDataStore, type DataStore } from './dataStore';
import { createStorageGuard, GiB, MiB, StorageFullError } from './storageGuard';
import { freshDbName, validShelter, TEST_STORE_KEYS } from './testing';

const opened: DataStore[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

describe('the write path and the storage guard', () => {
  it('checks without awaiting, so writes nested in a caller transaction still commit', async () => {
    const guard = createStorageGuard({ storageStatus: async () => ok({ freeBytes: 10 * GiB, totalBytes: null }) });
    const store = await openDataStore({ name: freshDbName(), keys: TEST_STORE_KEYS, storageGuard: guard });
    opened.push(store);
    // Registration nests several writes in one transaction; seeding partners did so at open.
    expect((await store.organisations.list()).length).toBeGreaterThan(5);
  });

  it('refuses writes below the hard threshold, writes nothing, and writes again once space is freed', async () => {
    let free = 10 * GiB;
    let time = 0;
    const guard = createStorageGuard(
      { storageStatus: async () => ok({ freeBytes: free, totalBytes: 100 * GiB }) },
      { now: () => time, maxAgeMs: 1000 },
    );
    const store = await openDataStore({ name: freshDbName(), keys: TEST_STORE_KEYS, storageGuard: guard });
    opened.push(store);
    const first = await store.shelters.create(validShelter());

    free = 50 * MiB;
    time += 1001;
    await guard.refresh();
    await expect(store.shelters.create(validShelter({ name: 'Second' }))).rejects.toBeInstanceOf(StorageFullError);
    await expect(store.shelters.update(first.id, validShelter({ residents: 1 }))).rejects.toBeInstanceOf(
      StorageFullError,
    );
    expect((await store.shelters.list()).map((s) => [s.name, s.residents])).toEqual([[first.name, first.residents]]);
    expect(await store.audit.forRecord(first.id)).toHaveLength(1);

    free = 5 * GiB;
    time += 1001;
    await guard.refresh();
    await store.shelters.create(validShelter({ name: 'Second' }));
    expect(await store.shelters.list()).toHaveLength(2);
  });
});
