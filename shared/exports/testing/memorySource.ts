import type { ExportRecords, ExportRecordType } from '../exportTypes';
import type { ExportSource } from '../runExport';

export type RecordsByType = { [T in ExportRecordType]?: readonly ExportRecords[T][] };

/** An export source over arrays, for tests: chunks as the repository pages them. */
export function memorySource(records: RecordsByType, organisations: ReadonlyMap<string, string> = new Map()): ExportSource {
  return {
    count: async (type) => records[type]?.length ?? 0,
    chunks<T extends ExportRecordType>(type: T, size: number): AsyncIterable<readonly ExportRecords[T][]> {
      const rows = (records[type] ?? []) as readonly ExportRecords[T][];
      return (async function* () {
        for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
      })();
    },
    organisationNames: async () => organisations,
  };
}
