import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AppDatabase } from './AppDatabase';
import { CURRENT_SCHEMA_VERSION, schemaV1, schemaVersions } from './schemaVersions';
import { freshDbName, TEST_STORE_KEYS } from './testing';

/** Opens a database exactly as the given past version shipped, with no later upgrades. */
function openAsVersion(name: string, version: number) {
  const old = new Dexie(name);
  for (const v of schemaVersions.filter((s) => s.version <= version)) old.version(v.version).stores(v.stores);
  return old;
}

describe('schema migrations', () => {
  it('v1 → v2 backfills search tokens and keeps every row and field', async () => {
    const name = freshDbName();
    const v1 = openAsVersion(name, 1);
    expect(Object.keys(schemaV1)).toContain('shelters');
    await v1.table('shelters').bulkAdd([
      { id: 'a', name: 'Qendra kolektive "Mitrovicë"', municipality: 'mitrovice-jugut', status: 'open', residents: 12 },
      { id: 'b', name: 'Колективни центар Ђаковица', municipality: 'gjakove', status: 'closed', residents: 3 },
    ]);
    v1.close();

    const db = new AppDatabase(name, TEST_STORE_KEYS);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const a = await db.shelters.get('a');
    expect(a).toMatchObject({ residents: 12, nameKey: 'qendra kolektive "mitrovice"' });
    expect(a!.searchTokens).toEqual(['qendra', 'kolektive', 'mitrovice']);
    expect(await db.shelters.where('searchTokens').equals('djakovica').primaryKeys()).toEqual(['b']);
    db.close();
  });

  it('v2 → v3 adds the monitoring tables and keeps the shelters', async () => {
    const name = freshDbName();
    const v2 = openAsVersion(name, 2);
    await v2.table('shelters').add({ id: 'a', name: 'Qendra', nameKey: 'qendra', searchTokens: ['qendra'], residents: 4 });
    v2.close();

    const db = new AppDatabase(name, TEST_STORE_KEYS);
    await db.open();
    expect(await db.shelters.get('a')).toMatchObject({ residents: 4, searchTokens: ['qendra'] });
    for (const table of ['households', 'persons', 'shelterVisits', 'householdVisits', 'referrals', 'followUps', 'drafts']) {
      expect(await db.table(table).count()).toBe(0);
    }
    expect(db.referrals.schema.idxByName.openDue).toBeDefined();
    db.close();
  });

  it('the stored schema matches the committed snapshot (change it on purpose only)', async () => {
    const db = new AppDatabase(freshDbName(), TEST_STORE_KEYS);
    await db.open();
    const schema = db.tables
      .map((t) => ({ table: t.name, primaryKey: t.schema.primKey.src, indexes: t.schema.indexes.map((i) => i.src).sort() }))
      .sort((x, y) => x.table.localeCompare(y.table));
    db.close();
    await expect(JSON.stringify({ version: CURRENT_SCHEMA_VERSION, schema }, null, 2)).toMatchFileSnapshot(
      './__snapshots__/schema.json',
    );
  });
});
