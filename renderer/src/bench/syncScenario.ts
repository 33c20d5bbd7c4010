import { knownDevice } from '../../../shared/sync/deviceFile';
import { generateDeviceKeyPair, generateOrganisationKeys } from '../../../shared/sync/keys';
import type { SyncLimits } from '../../../shared/sync/limits';
import { describeOrganisation } from '../../../shared/sync/orgFile';
import { AppDatabase } from '../db/AppDatabase';
import { enrolDevice } from '../db/sync/devices';
import { importBundle, type ImportOutcome } from '../db/sync/importBundle';
import { exportBundle, exportBundles, type ExportContext, type ExportedBundle } from '../db/sync/outgoing';
import { META_KEYS, loadWriteContext } from '../db/writeContext';
import { registerBenchScenario } from '../features/reports/bench/pageBench';
import { benchStore, deleteDatabase, randomKeys, readAllRecords } from './benchStore';
import { rawBulkWrite } from './bulkWrites';

/**
 * Sync at scale, through the app's own sync code (src/db/sync): every record of the bench's
 * store exported ("Send to HQ" with everything), then imported into an empty HQ database
 * (`importBundle`: verify, decrypt, validate every record, merge, derive, seal, audit), against
 * a raw IndexedDB bulk write of the same data records in the same run. Two ways:
 *
 * - `sendToHq`: as the app does it, `exportBundles` cutting the export into bundles under HQ's
 *   default limits, imported one after the other;
 * - `oneBundle`: everything in one bundle (`exportBundle`), as issue 8 words it, with the limits
 *   widened on both sides to let it through.
 *
 * The organisation's keys (RSA-3072 generation) are made outside the measured time.
 */
const HQ_NAME = 'pm-bench-hq';

const WIDE_LIMITS: Partial<SyncLimits> = {
  maxRecords: 2_000_000,
  maxJsonBytes: 2 * 1024 * 1024 * 1024,
  maxBundleBytes: 2 * 1024 * 1024 * 1024,
};

const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;

registerBenchScenario('sync.exportImport', {
  async prepare() {
    const organisationKeys = await generateOrganisationKeys();
    const organisation = await describeOrganisation(organisationKeys, 'Bench HQ', new Date().toISOString());
    const device = await generateDeviceKeyPair();
    await deleteDatabase(HQ_NAME);
    return { organisationKeys, organisation, device };
  },
  async run({ organisationKeys, organisation, device }, params) {
    const oneBundle = params.mode === 'oneBundle';
    const { db } = benchStore();
    const deviceId = String((await db.meta.get(META_KEYS.deviceId))?.value);
    const context: ExportContext = {
      device: { signingKey: device.privateKey, publicKey: device.publicKey },
      organisation: { encryptionKey: organisation.encryptionKey },
      full: true,
      ...(oneBundle ? { limits: WIDE_LIMITS } : {}),
    };

    let start = performance.now();
    const bundles: ExportedBundle[] = oneBundle
      ? [(await exportBundle(db, context))!].filter(Boolean)
      : await exportBundles(db, context);
    const exportMs = performance.now() - start;
    if (bundles.length === 0) throw new Error('Nothing to export');

    const hq = new AppDatabase(HQ_NAME, randomKeys());
    try {
      await hq.open();
      const ctx = await loadWriteContext(hq);
      await enrolDevice(hq, await knownDevice(deviceId, 'Bench laptop', device.publicKey));
      start = performance.now();
      let inserted = 0;
      for (const bundle of bundles) {
        const outcome: ImportOutcome = await importBundle(hq, bundle.bytes, bundle.fileName, {
          organisationKey: organisationKeys.encryption.privateKey,
          organisationKeyFingerprint: organisation.encryptionKeyFingerprint,
          actor: 'Bench HQ',
          clock: ctx.clock,
          ...(oneBundle ? { limits: WIDE_LIMITS } : {}),
        });
        if (outcome.status !== 'imported') throw new Error(`A bundle was ${outcome.status}, not imported`);
        inserted += outcome.report.inserted;
      }
      const importMs = performance.now() - start;

      const records = bundles.reduce((sum, b) => sum + b.header.counts.records, 0);
      const data = await readAllRecords();
      const dataRecords = Object.values(data).reduce((sum, rows) => sum + rows.length, 0);
      const rawMs = await rawBulkWrite(data);
      const perSecond = (count: number, ms: number) => round((count / ms) * 1000);
      const rawRate = perSecond(dataRecords, rawMs);
      return {
        records,
        inserted,
        bundles: bundles.length,
        bytes: bundles.reduce((sum, b) => sum + b.bytes.byteLength, 0),
        exportMs: round(exportMs),
        importMs: round(importMs),
        exportRecordsPerSecond: perSecond(records, exportMs),
        importRecordsPerSecond: perSecond(records, importMs),
        rawRecordsPerSecond: rawRate,
        importToRaw: round(perSecond(records, importMs) / rawRate, 3),
        exportToRaw: round(perSecond(records, exportMs) / rawRate, 3),
      };
    } finally {
      hq.close();
      await deleteDatabase(HQ_NAME);
    }
  },
});
