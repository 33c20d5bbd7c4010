import { liveQuery } from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { HouseholdRecord } from '../../../../shared/households/householdSchema';
import { AppDatabase } from '../AppDatabase';
import { openDataStore } from '../dataStore';
import { addHousehold, validReferral } from '../repositories/referralFixtures';
import { freshDbName, TEST_STORE_KEYS } from '../testing';
import { countsOf, HOUSEHOLD_COUNTS, REFERRAL_COUNTS } from './counts';

/**
 * The counts row must equal a count of the table after any sequence of writes, whichever way
 * they come: single and bulk adds, puts that change status, community or archived state,
 * deletes, clearing, concurrent writes in one transaction, failed adds, aborted transactions.
 */
const opened: AppDatabase[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

async function openDb() {
  const db = new AppDatabase(freshDbName(), TEST_STORE_KEYS);
  await db.open();
  opened.push(db);
  return db;
}

type Row = { id: string; status: string; community: string; deletedAt: string | null; updatedAt: string };
const asRecord = (row: Row) => row as unknown as HouseholdRecord;
const ids = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const rowArb = fc.record({
  id: fc.constantFrom(...ids),
  status: fc.constantFrom('displaced', 'returned', 'relocated'),
  community: fc.constantFrom('serb', 'roma', 'ashkali'),
  deletedAt: fc.constantFrom(null, '2026-01-02T10:00:00.000Z'),
  updatedAt: fc.constant('2026-01-01T10:00:00.000Z'),
});

const operationArb = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), rows: fc.array(rowArb, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('put' as const), rows: fc.array(rowArb, { minLength: 1, maxLength: 3 }) }),
  fc.record({
    kind: fc.constant('concurrentPuts' as const),
    rows: fc.array(rowArb, { minLength: 2, maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    ids: fc.array(fc.constantFrom(...ids), { maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('aborted' as const),
    rows: fc.array(rowArb, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('modify' as const), status: fc.constantFrom('displaced', 'returned') }),
  fc.constant({ kind: 'clear' as const }),
);
type Operation = typeof operationArb extends fc.Arbitrary<infer T> ? T : never;

async function apply(db: AppDatabase, op: Operation) {
  switch (op.kind) {
    case 'add':
      // An id already stored fails its add; the others are written.
      await db
        .transaction('rw', db.households, () => db.households.bulkAdd(op.rows.map(asRecord)))
        .catch(() => undefined);
      return;
    case 'put':
      await db.households.bulkPut(op.rows.map(asRecord));
      return;
    case 'concurrentPuts':
      await db.transaction('rw', db.households, () =>
        Promise.all(op.rows.map((r) => db.households.put(asRecord(r)))),
      );
      return;
    case 'delete':
      await db.households.bulkDelete(op.ids);
      return;
    case 'aborted':
      await db
        .transaction('rw', db.households, async () => {
          await db.households.bulkPut(op.rows.map(asRecord));
          throw new Error('abort');
        })
        .catch(() => undefined);
      return;
    case 'modify':
      await db.households.where('status').equals('relocated').modify({ status: op.status });
      return;
    case 'clear':
      await db.households.clear();
      return;
  }
}

async function storedCounts(db: AppDatabase) {
  return (await db.meta.get(HOUSEHOLD_COUNTS.metaKey))?.value;
}

describe('household counts middleware', () => {
  it('keeps the counts equal to a count of the table after any writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operationArb, { minLength: 1, maxLength: 12 }), async (operations) => {
        const db = await openDb();
        // A first write makes the row; from then on every write must keep it exact.
        await db.households.add(
          asRecord({ id: 'h0', status: 'returned', community: 'roma', deletedAt: null, updatedAt: 'x' }),
        );
        for (const op of operations) await apply(db, op);
        const all = (await db.households.toArray()) as unknown as Row[];
        expect(await storedCounts(db)).toEqual(countsOf(HOUSEHOLD_COUNTS, all));
        db.close();
      }),
      { numRuns: 80 },
    );
  });

  it('counts a table written before the row existed at its first household write', async () => {
    const db = await openDb();
    const rows: Row[] = [
      { id: 'h1', status: 'displaced', community: 'roma', deletedAt: null, updatedAt: 'x' },
      { id: 'h2', status: 'returned', community: 'serb', deletedAt: null, updatedAt: 'x' },
    ];
    await db.households.bulkAdd(rows.map(asRecord));
    await db.meta.delete(HOUSEHOLD_COUNTS.metaKey);
    await db.households.put(asRecord({ ...rows[0]!, status: 'returned' }));
    expect(await storedCounts(db)).toEqual({ 'l|returned|roma': 1, 'l|returned|serb': 1 });
  });

  it('writes the row in the write’s own transaction, even one that did not name meta', async () => {
    const db = await openDb();
    await db.transaction('rw', db.households, async () => {
      await db.households.add(
        asRecord({ id: 'h1', status: 'displaced', community: 'roma', deletedAt: null, updatedAt: 'x' }),
      );
    });
    expect(await storedCounts(db)).toEqual({ 'l|displaced|roma': 1 });
  });

  it('counts referrals by status through their moves, and lists totals from the row', async () => {
    const name = freshDbName();
    const store = await openDataStore({ name, keys: TEST_STORE_KEYS });
    const db = new AppDatabase(name, TEST_STORE_KEYS);
    await db.open();
    opened.push(db);
    try {
      const { household } = await addHousehold(db);
      const first = await store.referrals.create(validReferral(household.id));
      await store.referrals.create(validReferral(household.id, { service: 'freeLegalAid' }));
      await store.referrals.moveStatus(first.id, { status: 'accepted', on: '2024-05-03' });
      expect((await db.meta.get(REFERRAL_COUNTS.metaKey))?.value).toEqual({ 'l|open': 1, 'l|accepted': 1 });
      expect((await store.referrals.list({ status: 'active' })).total).toBe(2);
      expect((await store.referrals.list({ status: 'accepted' })).total).toBe(1);
      expect((await store.referrals.list({ status: 'completed' })).total).toBe(0);
      expect((await store.referrals.list({})).total).toBe(2);
      expect((await store.dashboard.counts('2024-05-10')).referrals.open).toBe(2);
    } finally {
      store.close();
    }
  });

  it('wakes a live query that reads nothing but the counts row when a household is written', async () => {
    const db = await openDb();
    await addHousehold(db);
    // Live queries of the dashboard read the row, not the households table. One subscription:
    // the write comes after its first value, so only a wake-up can show the second.
    const row = liveQuery(async () => (await db.meta.get(HOUSEHOLD_COUNTS.metaKey))?.value);
    const livePerRoma = (counts: unknown) =>
      (counts as Record<string, number> | undefined)?.['l|returned|roma'];
    await new Promise<void>((resolve, reject) => {
      const subscription = row.subscribe({
        next: (counts) => {
          if (livePerRoma(counts) === 1) addHousehold(db).catch(reject);
          if (livePerRoma(counts) === 2) {
            subscription.unsubscribe();
            resolve();
          }
        },
        error: reject,
      });
    });
  });
});
