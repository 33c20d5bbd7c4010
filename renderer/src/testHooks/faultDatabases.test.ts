import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDatabase } from '../db/AppDatabase';
import { createShelterRepository } from '../db/repositories/shelterRepository';
import { databaseDigest } from '../db/sync/databaseDigest';
import { TEST_STORE_KEYS, validShelter } from '../db/testing';
import { loadWriteContext } from '../db/writeContext';
import { copyDatabase, faultDatabaseName } from './faultDatabases';

const opened: AppDatabase[] = [];
async function open(name: string) {
  const db = new AppDatabase(name, TEST_STORE_KEYS);
  await db.open();
  opened.push(db);
  return db;
}

afterEach(async () => {
  const names = opened.map((db) => db.name);
  for (const db of opened.splice(0)) db.close();
  await Promise.all(names.map((name) => Dexie.delete(name)));
});

describe('the fault test databases', () => {
  it('refuse any name but their own, so a vault is never opened', () => {
    expect(faultDatabaseName('pm-fault-ab12', 'hq')).toBe('pm-fault-ab12-hq');
    expect(() => faultDatabaseName('protection-monitor-vault-0e4c6f1a')).toThrow(/pm-fault-/);
    expect(() => faultDatabaseName('pm-fault-../x')).toThrow();
  });

  it('copy a database row for row: the copy reads the same, audit numbering included', async () => {
    const from = `pm-fault-${crypto.randomUUID()}`;
    const to = faultDatabaseName(from, 'copy');
    const source = await open(from);
    const ctx = await loadWriteContext(source);
    const shelters = createShelterRepository(source, ctx);
    await shelters.create(validShelter());
    await shelters.create(validShelter({ name: 'Qendra kolektive Shipol' }));
    const digest = await databaseDigest(source);
    const lastSeq = (await source.audit.orderBy(':id').last())!.seq!;
    source.close();

    await copyDatabase(from, to, TEST_STORE_KEYS);
    const copy = await open(to);
    expect(await databaseDigest(copy)).toBe(digest);
    // The copy goes on numbering audit entries where the original would.
    const next = await createShelterRepository(copy, await loadWriteContext(copy)).create(validShelter());
    const seqs = (await copy.audit.where('recordId').equals(next.id).toArray()).map((e) => e.seq);
    expect(seqs).toEqual([lastSeq + 1]);
  });
});
