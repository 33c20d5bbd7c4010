import { inPage, type BenchScenario } from './benchTypes';
import { ensureData } from './storeData';

/**
 * Sync at scale (renderer/src/bench/syncScenario.ts): all records exported into one bundle
 * through the app's "Send to HQ" code, that bundle imported into an empty HQ database through
 * the app's import, each against a raw IndexedDB bulk write of the same records in the same run.
 */
export const syncScenario: BenchScenario = {
  name: 'sync',
  title: 'Sync: every record into one bundle, then into an empty HQ database',
  runs: { S: 3, L: 1 },
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
    { key: 'rawRecordsPerSecond', label: 'raw IndexedDB bulk write of the same records', unit: 'records/s' },
    { key: 'importMs', label: 'import, total', unit: 'ms', show: 's' },
    { key: 'exportMs', label: 'export, total', unit: 'ms', show: 's' },
    { key: 'records', label: 'records in the bundle', unit: 'count' },
    { key: 'bytes', label: 'bundle size', unit: 'bytes', show: 'MiB' },
    {
      key: 'refusedAtDefaults',
      label:
        'refused at the default limits, then measured with wider ones (1: by the export, 2: by the import)',
      unit: 'count',
    },
  ],
  async run(ctx) {
    await ensureData(ctx);
    return (await inPage(ctx.page, 'sync.exportImport', {})).result;
  },
};
