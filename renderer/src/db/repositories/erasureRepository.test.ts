import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDatabase } from '../AppDatabase';
import { TEST_STORE_KEYS, freshDbName } from '../testing';
import { loadWriteContext } from '../writeContext';
import { ERASED_NAME, createErasureRepository } from './erasureRepository';
import { member, registration } from './householdFixtures';
import { createHouseholdRepository } from './householdRepository';
import { createRetentionRepository } from './retentionRepository';

const opened: AppDatabase[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

async function open() {
  const db = new AppDatabase(freshDbName(), TEST_STORE_KEYS);
  await db.open();
  opened.push(db);
  const clock = { now: new Date(Date.UTC(2024, 4, 1, 8)) };
  const ctx = await loadWriteContext(db, () => clock.now);
  ctx.monitorName = 'Arta Berisha';
  return {
    db,
    clock,
    households: createHouseholdRepository(db, ctx),
    erasure: createErasureRepository(db, ctx),
    retention: createRetentionRepository(db, ctx),
  };
}

describe('retention and erasure', () => {
  it('lists a household once its last activity is older than the retention period', async () => {
    const { clock, households, retention } = await open();
    const saved = await households.register(registration());
    expect((await retention.pastRetention()).households).toEqual([]);
    clock.now = new Date(Date.UTC(2029, 4, 2, 8));
    expect((await retention.pastRetention()).households.map((h) => h.id)).toEqual([saved.id]);
    await retention.setYears('households', 7);
    expect((await retention.pastRetention()).households).toEqual([]);
    await expect(retention.setYears('households', 0)).rejects.toThrow();
  });

  it('erases names, birth dates and contacts, keeps what reports count, and audits it', async () => {
    const { db, households, erasure, retention, clock } = await open();
    const saved = await households.register(
      registration({ phone: '+383 44 111 222', address: 'Rr. Drini 4', notes: 'Lost her ID card in 1999' }, [
        member({ fullName: 'Vjollca Krasniqi', sex: 'female', dateOfBirth: '1961-03-14' }),
      ]),
    );
    const report = await erasure.eraseHousehold(saved.id);
    expect(report).toMatchObject({ persons: 1 });

    const household = await households.get(saved.id);
    expect(household).toMatchObject({
      headName: ERASED_NAME,
      phone: '',
      address: '',
      notes: '',
      status: 'returned',
      community: 'serb',
    });
    const [person] = await db.persons.where('householdId').equals(saved.id).toArray();
    expect(person).toMatchObject({
      fullName: ERASED_NAME,
      dateOfBirth: '',
      estimatedAge: 63,
      sex: 'female',
      searchTokens: [],
    });
    expect((await households.list({ search: 'Vjollca' })).total).toBe(0);
    expect(await households.count({ status: 'returned' })).toBe(1);
    const everything = JSON.stringify([household, person]);
    expect(everything).not.toMatch(/Vjollca|Krasniqi|1961|111 222|Drini|Lost her/);

    const erased = (await db.audit.toArray()).filter((e) => e.action === 'erase');
    expect(erased.map((e) => e.entity).sort()).toEqual(['household', 'person']);
    expect(JSON.stringify(erased)).not.toMatch(/Vjollca|Krasniqi/);
    clock.now = new Date(Date.UTC(2035, 0, 1));
    expect((await retention.pastRetention()).households).toEqual([]);
  });
});
