import { knownDevice } from '../../../shared/sync/deviceFile';
import { generateDeviceKeyPair, generateOrganisationKeys } from '../../../shared/sync/keys';
import type { SyncLimits } from '../../../shared/sync/limits';
import { describeOrganisation } from '../../../shared/sync/orgFile';
import { AppDatabase } from '../db/AppDatabase';
import { enrolDevice } from '../db/sync/devices';
import { importBundle } from '../db/sync/importBundle';
import { exportBundle } from '../db/sync/outgoing';
import { isSyncFileError } from '../db/sync/syncFileError';
import { META_KEYS, loadWriteContext } from '../db/writeContext';
import { registerBenchScenario } from '../features/reports/bench/pageBench';
import { benchStore, deleteDatabase, randomKeys, readAllRecords } from './benchStore';
import { rawBulkWrite } from './bulkWrites';

/**
 * Sync at scale, through the app's own sync code (src/db/sync): "Send to HQ" with everything
 * (`exportBundle`, full) from the bench's store into one bundle file, then that file imported
 * into an empty HQ database (`importBundle`: verify, decrypt, validate every record, merge,
 * derive, seal, audit), against a raw IndexedDB bulk write of the same data records in the
 * same run. The organisation's keys (RSA-3072 generation) are made outside the measured time.
 */
const HQ_NAME = 'pm-bench-hq';

/** For a data set beyond the shared default limits (100,000 records, 64 MiB of JSON): one bundle anyway. */
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
  async run({ organisationKeys, organisation, device }) {
    const { db } = benchStore();
    const deviceId = String((await db.meta.get(META_KEYS.deviceId))?.value);
    const exportWith = (limits?: Partial<SyncLimits>) =>
      exportBundle(db, {
        device: { signingKey: device.privateKey, publicKey: device.publicKey },
        organisation: { encryptionKey: organisation.encryptionKey },
        full: true,
        limits,
      });

    // 0: within the default limits; 1: "Send to HQ" refused it; 2: HQ's import refused it.
    let refusedAtDefaults = 0;
    let start = performance.now();
    let exported;
    try {
      exported = await exportWith();
    } catch (error) {
      if (!isSyncFileError(error, 'export-too-large')) throw error;
      refusedAtDefaults = 1;
      start = performance.now();
      exported = await exportWith(WIDE_LIMITS);
    }
    const exportMs = performance.now() - start;
    if (!exported) throw new Error('Nothing to export');

    const hq = new AppDatabase(HQ_NAME, randomKeys());
    try {
      await hq.open();
      const ctx = await loadWriteContext(hq);
      await enrolDevice(hq, await knownDevice(deviceId, 'Bench laptop', device.publicKey));
      const importWith = (limits?: Partial<SyncLimits>) =>
        importBundle(hq, exported.bytes, exported.fileName, {
          organisationKey: organisationKeys.encryption.privateKey,
          organisationKeyFingerprint: organisation.encryptionKeyFingerprint,
          actor: 'Bench HQ',
          clock: ctx.clock,
          ...(limits ? { limits } : {}),
        });
      start = performance.now();
      let outcome;
      try {
        outcome = await importWith(refusedAtDefaults ? WIDE_LIMITS : undefined);
      } catch (error) {
        // A refused file leaves HQ's database unchanged: measure again with room for it.
        if (!isSyncFileError(error, 'too-large')) throw error;
        refusedAtDefaults = 2;
        start = performance.now();
        outcome = await importWith(WIDE_LIMITS);
      }
      const importMs = performance.now() - start;
      if (outcome.status !== 'imported') throw new Error(`The bundle was ${outcome.status}, not imported`);

      const records = exported.header.counts.records;
      const data = await readAllRecords();
      const dataRecords = Object.values(data).reduce((sum, rows) => sum + rows.length, 0);
      const rawMs = await rawBulkWrite(data);
      const perSecond = (count: number, ms: number) => round((count / ms) * 1000);
      return {
        records,
        bytes: exported.bytes.byteLength,
        refusedAtDefaults,
        inserted: outcome.report.inserted,
        exportMs: round(exportMs),
        importMs: round(importMs),
        exportRecordsPerSecond: perSecond(records, exportMs),
        importRecordsPerSecond: perSecond(records, importMs),
        rawRecordsPerSecond: perSecond(dataRecords, rawMs),
        importToRaw: round(perSecond(records, importMs) / perSecond(dataRecords, rawMs), 3),
        exportToRaw: round(perSecond(records, exportMs) / perSecond(dataRecords, rawMs), 3),
      };
    } finally {
      hq.close();
      await deleteDatabase(HQ_NAME);
    }
  },
});
