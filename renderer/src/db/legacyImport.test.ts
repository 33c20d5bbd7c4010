import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDataStore } from './dataStore';
import { importLegacyDatabase } from './legacyImport';
import { DATABASE_NAME, schemaV3 } from './schemaVersions';
import { TEST_STORE_KEYS, freshDbName } from './testing';

describe('importLegacyDatabase', () => {
  it('does nothing when there is no unencrypted database from an older build', async () => {
    expect(await importLegacyDatabase(freshDbName(), TEST_STORE_KEYS)).toBeNull();
  });

  it('moves the old plaintext records into the vault, encrypted and searchable, and deletes the old database', async () => {
    const legacy = new Dexie(DATABASE_NAME);
    legacy.version(3).stores(schemaV3);
    await legacy.open();
    const meta = { createdAt: '2024-05-01T08:00:00.000Z', updatedAt: '2024-05-01T08:00:00.000Z', hlc: 'x', fieldHlc: {}, deviceId: 'old-device', deletedAt: null };
    const householdId = crypto.randomUUID();
    await legacy.table('meta').bulkPut([
      { key: 'deviceId', value: 'old-device' },
      { key: 'monitorName', value: 'Arta Berisha' },
    ]);
    await legacy.table('households').put({ ...meta, id: householdId, status: 'returned', community: 'serb', headName: 'Dragan Đorđević', memberCount: 1, searchTokens: ['dragan', 'djordjevic'] });
    await legacy.table('persons').put({ ...meta, id: crypto.randomUUID(), householdId, fullName: 'Dragan Đorđević', relationship: 'head', searchTokens: ['dragan', 'djordjevic'] });
    legacy.close();

    const target = freshDbName();
    const report = await importLegacyDatabase(target, TEST_STORE_KEYS);
    expect(report?.tables).toMatchObject({ households: 1, persons: 1, meta: 2 });
    expect((await Dexie.getDatabaseNames()).includes(DATABASE_NAME)).toBe(false);

    const store = await openDataStore({ name: target, keys: TEST_STORE_KEYS });
    expect((await store.settings.get()).deviceId).toBe('old-device');
    const found = await store.households.list({ search: 'Ђорђевић' });
    expect(found.rows.map((h) => h.id)).toEqual([householdId]);
    expect(found.rows[0]!.searchTokens).not.toContain('dragan');
    store.close();
  });
});
