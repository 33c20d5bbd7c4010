import {
  RangeSet,
  type DBCore,
  type DBCoreKeyRange,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import { SEALING_MIDDLEWARE_LEVEL } from '../encryption/sealingMiddleware';
import { addToCounts, countsOf, isCounts, type CountedTable, type Counts } from './counts';

/**
 * Keeps the counts rows (counts.ts) exact underneath every way a counted record is written:
 * repositories, the sync merge, erasure, restore, a migration. A DBCore middleware is the one
 * place all of them pass, so no write path has to remember the counts.
 *
 * For each write to a counted table it reads the records the write replaces or removes (their
 * old category), lets the write through, and moves the counts by the difference for the
 * operations that succeeded, all in the write's own transaction: when the transaction aborts,
 * the counts go back with it. A read-write transaction that holds a counted table is widened to
 * hold `meta` too, where the rows live.
 *
 * Writes of one transaction to one table are applied one after the other (a chain per
 * transaction), so two concurrent writes never read the same row and lose an update. A
 * database without a row (written before it existed) gets it counted from the table at the
 * table's first write.
 *
 * It sits just above the sealing middleware: it sees records opened, its rows are sealed.
 */
export const COUNTS_MIDDLEWARE_LEVEL = SEALING_MIDDLEWARE_LEVEL + 5;

const META = 'meta';
const EVERYTHING: DBCoreKeyRange = { type: 3, lower: undefined, upper: undefined };

type Row = Record<string, unknown>;
const asRow = (value: unknown): Row | null =>
  value !== null && typeof value === 'object' ? (value as Row) : null;
const rowsOf = (values: readonly unknown[]) => values.map(asRow).filter((r): r is Row => r !== null);

function countingTable(
  spec: CountedTable,
  table: DBCoreTable,
  meta: DBCoreTable,
  databaseName: string,
): DBCoreTable {
  const chains = new WeakMap<DBCoreTransaction, Promise<unknown>>();
  const primaryKeyOf = (value: Row) => value[table.schema.primaryKey.keyPath as string];
  const rowsIn = (trans: DBCoreTransaction, range: DBCoreKeyRange = EVERYTHING) =>
    table.query({ trans, values: true, query: { index: table.schema.primaryKey, range } });

  /** The stored records under the keys a request writes or deletes, as they are before it. */
  async function storedUnder(req: DBCoreMutateRequest, keys: readonly unknown[]) {
    const unique = [...new Set(keys)];
    const values = req.type === 'add' ? [] : await table.getMany({ trans: req.trans, keys: unique });
    return new Map(unique.map((key, i) => [key, asRow(values[i])]));
  }

  /**
   * Moves the counts by what the request did. Operations apply in order and a key may come
   * twice in one request, so each one replaces what the one before it left under its key.
   */
  function applyOperations(
    counts: Counts,
    req: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>,
    keys: readonly unknown[],
    current: Map<unknown, Row | null>,
    response: DBCoreMutateResponse,
  ) {
    keys.forEach((key, i) => {
      if (response.failures[i]) return;
      const previous = current.get(key) ?? null;
      if (previous) addToCounts(counts, [spec.categoryOf(previous)], -1);
      const next = req.type === 'delete' ? null : asRow(req.values[i]);
      if (next) addToCounts(counts, [spec.categoryOf(next)], 1);
      current.set(key, next);
    });
  }

  async function readCounts(trans: DBCoreTransaction): Promise<Counts> {
    const row = asRow(await meta.get({ trans, key: spec.metaKey }));
    if (row && isCounts(row.value)) return { ...row.value };
    // No row yet (or an unreadable one): count the table as it is before this write.
    return countsOf(spec, rowsOf((await rowsIn(trans)).result));
  }

  /**
   * Writes the row and says so to live queries: Dexie's observability layer sits above this
   * one, sees only the counted table's write, and would not wake a query that read nothing
   * but the row (the dashboard's household figures).
   */
  function writeCounts(req: DBCoreMutateRequest, counts: Counts) {
    if (req.mutatedParts) {
      const part = `idb://${databaseName}/${META}/`;
      req.mutatedParts[part] = new RangeSet().add(req.mutatedParts[part] ?? { d: 0 }).addKey(spec.metaKey);
    }
    return meta.mutate({ type: 'put', trans: req.trans, values: [{ key: spec.metaKey, value: counts }] });
  }

  async function countedMutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
    if (req.type === 'deleteRange') {
      // Both reads go out together: one round trip, not two.
      const [{ result }, counts] = await Promise.all([rowsIn(req.trans, req.range), readCounts(req.trans)]);
      const response = await table.mutate(req);
      addToCounts(
        counts,
        rowsOf(result).map((r) => spec.categoryOf(r)),
        -1,
      );
      await writeCounts(req, counts);
      return response;
    }
    const keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v: Row) => primaryKeyOf(v)));
    const [current, counts] = await Promise.all([storedUnder(req, keys), readCounts(req.trans)]);
    const response = await table.mutate(req);
    applyOperations(counts, req, keys, current, response);
    await writeCounts(req, counts);
    return response;
  }

  return {
    ...table,
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

export function countsMiddleware(specs: readonly CountedTable[]): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'CountsMiddleware',
    level: COUNTS_MIDDLEWARE_LEVEL,
    create(down) {
      const has = (name: string) => down.schema.tables.some((t) => t.name === name);
      const specOf = (name: string) =>
        has(META) ? specs.find((s) => s.table === name && has(name)) : undefined;
      return {
        ...down,
        transaction(stores, mode, options) {
          const widened =
            mode === 'readwrite' && !stores.includes(META) && stores.some((s) => specOf(s))
              ? [...stores, META]
              : stores;
          return down.transaction(widened, mode, options);
        },
        table(name) {
          const table = down.table(name);
          const spec = specOf(name);
          return spec ? countingTable(spec, table, down.table(META), down.schema.name) : table;
        },
      };
    },
  };
}
