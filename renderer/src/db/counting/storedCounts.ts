import type { AppDatabase } from '../AppDatabase';
import { countsOf, isCounts, type CountedTable, type Counts } from './counts';

/**
 * A table's counts row (call it in a transaction holding `meta` and the table). A database that
 * has had no write to the table since the row was introduced is counted from the table once,
 * here; the middleware stores the row at the table's next write.
 */
export async function storedCounts(db: AppDatabase, spec: CountedTable): Promise<Counts> {
  const row = await db.meta.get(spec.metaKey);
  if (row && isCounts(row.value)) return row.value;
  return countsOf(spec, (await db.table(spec.table).toArray()) as Record<string, unknown>[]);
}
