import { inPage, type BenchScenario } from './benchTypes';
import { ensureData } from './storeData';

/**
 * Sync at scale (renderer/src/bench/syncScenario.ts): every record exported through the app's
 * "Send to HQ" code and imported into an empty HQ database through the app's import, each
 * against a raw IndexedDB bulk write of the same records in the same run. `sync` as the app
 * does it (bundles cut under HQ's default limits); `sync.oneBundle` in one bundle, limits widened.
 */
function syncScenario(
  name: string,
  title: string,
  mode: 'sendToHq' | 'oneBundle',
  runs: { S: number; L: number },
): BenchScenario {
  return {
    name,
    title,
    runs,
    warmUp: false,
    metrics: [
      { key: 'importToRaw', label: 'import ÷ raw bulk write, throughput', unit: 'x', target: { min: 0.8 } },
      {
        key: 'importRecordsPerSecond',
        label: 'import (verify, decrypt, validate, merge, seal, audit)',
        unit: 'records/s',
      },
      {
        key: 'exportRecordsPerSecond',
        label: 'export (read, encode, compress, encrypt, sign)',
        unit: 'records/s',
      },
      {
        key: 'rawRecordsPerSecond',
        label: 'raw IndexedDB bulk write of the same records',
        unit: 'records/s',
      },
      { key: 'importMs', label: 'import, total', unit: 'ms', show: 's' },
      { key: 'exportMs', label: 'export, total', unit: 'ms', show: 's' },
      { key: 'records', label: 'records exported and imported', unit: 'count' },
      { key: 'bundles', label: 'bundles', unit: 'count' },
      { key: 'bytes', label: 'bundle bytes in all', unit: 'bytes', show: 'MiB' },
    ],
    async run(ctx) {
      await ensureData(ctx);
      return (await inPage(ctx.page, 'sync.exportImport', { mode })).result;
    },
  };
}

export const syncScenarios: BenchScenario[] = [
  syncScenario(
    'sync.sendToHq',
    'Sync as the app does it: every record sent to HQ (bundles under HQ’s limits), imported into an empty HQ database',
    'sendToHq',
    { S: 3, L: 1 },
  ),
  // At S only: one bundle of all of L (380,000 records) is far past what HQ accepts in a file,
  // and the page would hold it whole three times (bytes, JSON, records); at L the app's own
  // way, bundles under HQ's limits, is measured above.
  syncScenario(
    'sync.oneBundle',
    'Sync in one bundle (limits widened): every record exported, then imported into an empty HQ database',
    'oneBundle',
    { S: 3, L: 0 },
  ),
];
