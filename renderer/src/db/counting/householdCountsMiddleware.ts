import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { SEALING_MIDDLEWARE_LEVEL } from '../encryption/sealingMiddleware';
import {
  addToCounts,
  countsOf,
  HOUSEHOLD_COUNTS_KEY,
  isHouseholdCounts,
  type CountedHousehold,
  type HouseholdCounts,
} from './householdCounts';

/**
 * Keeps the household counts row (householdCounts.ts) exact underneath every way a household is
 * written: repositories, the sync merge, erasure, restore, a migration. A DBCore middleware is
 * the one place all of them pass, so no write path has to remember the counts.
 *
 * For each write to `households` it reads the households the write replaces or removes (their
 * old status, community, archived state), lets the write through, and moves the counts by the
 * difference for the operations that succeeded, all in the write's own transaction: when the
 * transaction aborts, the counts go back with it. A read-write transaction that holds
 * `households` is widened to hold `meta` too, where the row lives.
 *
 * Writes of one transaction are applied one after the other (a chain per transaction), so two
 * concurrent writes never read the same row and lose an update. A database without the row
 * (written before it existed) gets it counted from the table at its first household write.
 *
 * It sits just above the sealing middleware: it sees records opened, its own row is sealed.
 */
export const HOUSEHOLD_COUNTS_MIDDLEWARE_LEVEL = SEALING_MIDDLEWARE_LEVEL + 5;

const HOUSEHOLDS = 'households';
const META = 'meta';

const asCounted = (value: unknown): CountedHousehold | null =>
  value !== null && typeof value === 'object' ? (value as CountedHousehold) : null;

function countingTable(households: DBCoreTable, meta: DBCoreTable): DBCoreTable {
  const chains = new WeakMap<DBCoreTransaction, Promise<unknown>>();
  const primaryKeyOf = (value: Record<string, unknown>) =>
    value[households.schema.primaryKey.keyPath as string];

  /** The stored households under the keys a request writes or deletes, as they are before it. */
  async function storedUnder(req: DBCoreMutateRequest, keys: readonly unknown[]) {
    const unique = [...new Set(keys)];
    const values = req.type === 'add' ? [] : await households.getMany({ trans: req.trans, keys: unique });
    return new Map(unique.map((key, i) => [key, asCounted(values[i])]));
  }

  /**
   * Moves the counts by what the request did. Operations apply in order and a key may come
   * twice in one request, so each one replaces what the one before it left under its key.
   */
  function applyOperations(
    counts: HouseholdCounts,
    req: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>,
    keys: readonly unknown[],
    current: Map<unknown, CountedHousehold | null>,
    response: DBCoreMutateResponse,
  ) {
    keys.forEach((key, i) => {
      if (response.failures[i]) return;
      const previous = current.get(key) ?? null;
      if (previous) addToCounts(counts, [previous], -1);
      const next = req.type === 'delete' ? null : asCounted(req.values[i]);
      if (next) addToCounts(counts, [next], 1);
      current.set(key, next);
    });
  }

  async function readCounts(trans: DBCoreTransaction): Promise<HouseholdCounts> {
    const row = (await meta.get({ trans, key: HOUSEHOLD_COUNTS_KEY })) as { value?: unknown } | undefined;
    if (row && isHouseholdCounts(row.value)) return { ...row.value };
    // No row yet (or an unreadable one): count the table as it is before this write.
    const { result } = await households.query({
      trans,
      values: true,
      query: { index: households.schema.primaryKey, range: { type: 3, lower: undefined, upper: undefined } },
    });
    return countsOf(result.map(asCounted).filter((h): h is CountedHousehold => h !== null));
  }

  async function countedMutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
    if (req.type === 'deleteRange') {
      // Both reads go out together: one round trip, not two.
      const [{ result }, counts] = await Promise.all([
        households.query({
          trans: req.trans,
          values: true,
          query: { index: households.schema.primaryKey, range: req.range },
        }),
        readCounts(req.trans),
      ]);
      const response = await households.mutate(req);
      addToCounts(
        counts,
        result.map(asCounted).filter((h): h is CountedHousehold => h !== null),
        -1,
      );
      await writeCounts(req.trans, counts);
      return response;
    }
    const keys =
      req.type === 'delete'
        ? req.keys
        : (req.keys ?? req.values.map((v: Record<string, unknown>) => primaryKeyOf(v)));
    const [current, counts] = await Promise.all([storedUnder(req, keys), readCounts(req.trans)]);
    const response = await households.mutate(req);
    applyOperations(counts, req, keys, current, response);
    await writeCounts(req.trans, counts);
    return response;
  }

  const writeCounts = (trans: DBCoreTransaction, counts: HouseholdCounts) =>
    meta.mutate({ type: 'put', trans, values: [{ key: HOUSEHOLD_COUNTS_KEY, value: counts }] });

  return {
    ...households,
    mutate(req) {
      const previous = chains.get(req.trans) ?? Promise.resolve();
      const result = previous.then(() => countedMutate(req));
      // The next write of the transaction waits for this one, whether it succeeded or not.
      chains.set(
        req.trans,
        result.catch(() => undefined),
      );
      return result;
    },
  };
}

export function householdCountsMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'HouseholdCountsMiddleware',
    level: HOUSEHOLD_COUNTS_MIDDLEWARE_LEVEL,
    create(down) {
      const hasTables = () =>
        down.schema.tables.some((t) => t.name === HOUSEHOLDS) &&
        down.schema.tables.some((t) => t.name === META);
      return {
        ...down,
        transaction(stores, mode, options) {
          const widened =
            mode === 'readwrite' && stores.includes(HOUSEHOLDS) && !stores.includes(META) && hasTables()
              ? [...stores, META]
              : stores;
          return down.transaction(widened, mode, options);
        },
        table(name) {
          const table = down.table(name);
          return name === HOUSEHOLDS && hasTables() ? countingTable(table, down.table(META)) : table;
        },
      };
    },
  };
}
