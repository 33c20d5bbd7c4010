import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AppDatabase } from '../AppDatabase';
import { CURRENT_SCHEMA_VERSION, schemaV4, schemaVersions } from '../schemaVersions';
import { freshDbName, TEST_STORE_KEYS } from '../testing';

const SYNC_TABLES_V4 = [
  'devices',
  'heldBundles',
  'importedBundles',
  'conflicts',
  'blobs',
  'sentBundles',
  'syncState',
];

describe('schema v4 (file sync)', () => {
  it('v3 → v4 adds the sync tables, empty, and keeps every row of the others', async () => {
    const name = freshDbName();
    const v3 = new Dexie(name);
    for (const v of schemaVersions.filter((s) => s.version <= 3)) v3.version(v.version).stores(v.stores);
    await v3.open();
    await v3
      .table('shelters')
      .add({ id: 'a', name: 'Qendra', nameKey: 'qendra', searchTokens: ['qendra'], residents: 4 });
    await v3
      .table('audit')
      .add({ id: 'e1', at: '2025-01-01T00:00:00.000Z', recordId: 'a', entity: 'shelter' });
    v3.close();

    const db = new AppDatabase(name, TEST_STORE_KEYS);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.shelters.get('a')).toMatchObject({ residents: 4 });
    expect(await db.audit.count()).toBe(1);
    for (const table of SYNC_TABLES_V4) {
      expect(Object.keys(schemaV4)).toContain(table);
      expect(await db.table(table).count()).toBe(0);
    }
    expect(db.conflicts.schema.idxByName['[table+recordId]']).toBeDefined();
    expect(db.devices.schema.idxByName.fingerprint?.unique).toBe(true);
    db.close();
  });

  it('seals what the sync tables hold beyond their keys', async () => {
    const name = freshDbName();
    const db = new AppDatabase(name, TEST_STORE_KEYS);
    await db.open();
    await db.conflicts.add({
      id: 'k',
      table: 'households',
      recordId: 'r',
      field: 'phone',
      stamp: 's',
      value: '+383 44 123 456',
      base: [],
    });
    db.close();
    const raw = new Dexie(name);
    raw.version(4).stores(schemaV4);
    await raw.open();
    const row = await raw.table('conflicts').get('k');
    expect(JSON.stringify(row)).not.toContain('383');
    expect(row).toMatchObject({ table: 'households', recordId: 'r' });
    raw.close();
  });
});
