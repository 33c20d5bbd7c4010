import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../../../shared/households/personSchema';
import { AppDatabase } from '../AppDatabase';
import { liveMembersOf } from '../repositories/householdRepository';
import { freshDbName, TEST_STORE_KEYS } from '../testing';
import { liveMembersAfterMerge, membersOutsideBundle } from './syncDerive';

/**
 * The import derives households from the persons it merged, held in memory, instead of reading
 * them back once written. Checked here against reading them back (what the import did before):
 * the same members, in the same order, whether the merge's writes were queued before or not.
 */
const HOUSEHOLDS = ['h0', 'h1', 'h2'];

const personArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    householdId: fc.constantFrom(...HOUSEHOLDS),
    relationship: fc.constantFrom('head', 'spouse', 'child'),
    // Few distinct times, so that ties between members are common.
    createdAt: fc.constantFrom('2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z'),
    deletedAt: fc.constantFrom(null, null, '2025-01-03T00:00:00.000Z'),
    fullName: fc.constantFrom('Arta Berisha', 'Bekim Berisha', 'Đorđe Petrović'),
    searchTokens: fc.constant([`tag-${id}`]),
  }) as fc.Arbitrary<unknown> as fc.Arbitrary<PersonRecord>;

const ids = ['p3', 'p10', 'p1', 'p7', 'p2', 'p05'];
const scenarioArb = fc.record({
  stored: fc.tuple(...ids.map(personArb)).chain((all) => fc.subarray(all)),
  // The bundle's persons as the merge ends them: new ones, and stored ones changed (moved,
  // deleted, restored, made head).
  merged: fc.tuple(...ids.map(personArb)).chain((all) => fc.subarray(all)),
  asked: fc.subarray(HOUSEHOLDS, { minLength: 1 }),
});

const idsOf = (members: Map<string, PersonRecord[]>) =>
  Object.fromEntries([...members].map(([household, list]) => [household, list.map((p) => p.id)]));

describe('liveMembersAfterMerge and membersOutsideBundle', () => {
  let db: AppDatabase;
  beforeAll(async () => {
    db = new AppDatabase(freshDbName(), TEST_STORE_KEYS);
    await db.open();
  });
  afterAll(() => db.close());

  it('gives the members a read after the merge gives, head first, in the same order', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ stored, merged, asked }) => {
        await db.persons.clear();
        await db.persons.bulkPut(stored);
        const inBundle = new Set(merged.map((p) => p.id));
        const membersAfterMerge = async () =>
          liveMembersAfterMerge(asked, [...merged, ...(await membersOutsideBundle(db, asked, inBundle))]);
        await db.transaction('rw', db.persons, async () => {
          const before = await membersAfterMerge();
          await db.persons.bulkPut(merged);
          const after = await membersAfterMerge();
          const readBack = new Map<string, PersonRecord[]>();
          for (const household of asked) {
            readBack.set(
              household,
              liveMembersOf(await db.persons.where('householdId').equals(household).toArray()),
            );
          }
          expect(idsOf(before)).toEqual(idsOf(readBack));
          expect(idsOf(after)).toEqual(idsOf(readBack));
          expect([...before.values()].flat()).toEqual([...readBack.values()].flat());
        });
      }),
      { numRuns: 40 },
    );
  });
});
