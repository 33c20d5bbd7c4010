import { afterEach, describe, expect, it } from 'vitest';
import { openDataStore, type DataStore } from '../dataStore';
import { RecordValidationError } from '../recordStore';
import { freshDbName, TEST_STORE_KEYS, validShelter } from '../testing';
import { AppDatabase } from '../AppDatabase';

const opened: DataStore[] = [];
async function open(name = freshDbName()) {
  const store = await openDataStore({ name: name, keys: TEST_STORE_KEYS });
  opened.push(store);
  return { store, name };
}
afterEach(() => opened.splice(0).forEach((s) => s.close()));

async function rawCounts(name: string) {
  const db = new AppDatabase(name, TEST_STORE_KEYS);
  await db.open();
  const counts = {
    shelters: await db.shelters.count(),
    audit: await db.audit
      .where('recordId')
      .anyOf(await db.shelters.toCollection().primaryKeys())
      .count(),
  };
  const rows = await db.shelters.toArray();
  db.close();
  return { ...counts, rows };
}

describe('shelter repository', () => {
  it('creates a shelter with sync metadata and an audit entry in the same write', async () => {
    const { store, name } = await open();
    const shelter = await store.shelters.create(validShelter());
    expect(shelter.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(shelter.deletedAt).toBeNull();
    expect(shelter.fieldHlc.name).toBe(shelter.hlc);
    expect(shelter.deviceId).toBe((await store.settings.get()).deviceId);

    const history = await store.audit.forRecord(shelter.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'create', entity: 'shelter', recordId: shelter.id });
    expect(history[0]!.fields).toContain('name');
    expect((await rawCounts(name)).audit).toBe(1);
  });

  it('audits only the fields that changed and advances the clock', async () => {
    const { store } = await open();
    const created = await store.shelters.create(validShelter());
    const updated = await store.shelters.update(
      created.id,
      validShelter({ residents: 35, notes: 'Heating broken' }),
    );
    expect(updated.hlc > created.hlc).toBe(true);
    expect(updated.fieldHlc.residents).toBe(updated.hlc);
    expect(updated.fieldHlc.name).toBe(created.hlc);
    const [latest] = await store.audit.forRecord(created.id);
    expect(latest).toMatchObject({ action: 'update' });
    expect(latest!.fields.sort()).toEqual(['notes', 'residents']);
  });

  it('refuses invalid input and writes nothing', async () => {
    const { store, name } = await open();
    await expect(store.shelters.create(validShelter({ capacity: -3 }))).rejects.toBeInstanceOf(
      RecordValidationError,
    );
    await expect(store.shelters.create({ name: '' })).rejects.toBeInstanceOf(RecordValidationError);
    const created = await store.shelters.create(validShelter());
    await expect(
      store.shelters.update(created.id, validShelter({ municipality: 'atlantis' })),
    ).rejects.toThrow(RecordValidationError);
    const after = await rawCounts(name);
    expect(after.shelters).toBe(1);
    expect(after.audit).toBe(1);
    expect(after.rows[0]!.municipality).toBe('mitrovice-jugut');
  });

  it('archives softly: hidden from the live list, listed as archived, restorable, audited', async () => {
    const { store, name } = await open();
    const created = await store.shelters.create(validShelter());
    await store.shelters.archive(created.id);
    expect(await store.shelters.list()).toHaveLength(0);
    expect((await store.shelters.list({ archived: true })).map((s) => s.id)).toEqual([created.id]);
    expect((await rawCounts(name)).shelters).toBe(1);
    await store.shelters.restore(created.id);
    expect((await store.shelters.list()).map((s) => s.id)).toEqual([created.id]);
    const actions = (await store.audit.forRecord(created.id)).map((e) => e.action);
    expect(actions).toEqual(['restore', 'delete', 'create']);
  });

  it('searches names without regard to diacritics or script, and filters', async () => {
    const { store } = await open();
    await store.shelters.create(validShelter());
    await store.shelters.create(
      validShelter({ name: 'Kolektivni centar Đakovica', municipality: 'gjakove' }),
    );
    await store.shelters.create(
      validShelter({ name: 'Shtëpia e Pleqve', municipality: 'peje', status: 'closed' }),
    );
    const names = async (filter: Parameters<DataStore['shelters']['list']>[0]) =>
      (await store.shelters.list(filter)).map((s) => s.name);
    expect(await names({ search: 'Mitrovice' })).toEqual([
      'Qendra kolektive "Mitrovicë" / Колективни центар',
    ]);
    expect(await names({ search: 'Ђаковица' })).toEqual(['Kolektivni centar Đakovica']);
    expect(await names({ search: 'djakovica' })).toEqual(['Kolektivni centar Đakovica']);
    expect(await names({ search: 'колективни' })).toHaveLength(2);
    expect(await names({ municipality: 'peje' })).toEqual(['Shtëpia e Pleqve']);
    expect(await names({ status: 'closed' })).toEqual(['Shtëpia e Pleqve']);
    expect(await names({ search: 'kolektiv', municipality: 'gjakove' })).toEqual([
      'Kolektivni centar Đakovica',
    ]);
  });

  it('keeps the clock moving forward across restarts', async () => {
    const { store, name } = await open();
    const first = await store.shelters.create(validShelter());
    store.close();
    const reopened = await openDataStore({ name: name, keys: TEST_STORE_KEYS, now: () => new Date(0) });
    opened.push(reopened);
    const second = await reopened.shelters.create(validShelter({ name: 'Second' }));
    expect(second.hlc > first.hlc).toBe(true);
  });
});
