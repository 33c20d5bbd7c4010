import Dexie from 'dexie';
import { AppDatabase } from '../db/AppDatabase';
import { openDataStore, type DataStore } from '../db/dataStore';
import type { StoreKeys } from '../db/encryption/storeKeys';
import type { ExportedBundle } from '../db/sync/outgoing';
import type { BenchClock } from '../bench/benchStore';
import { generateDataset, type DatasetCounts } from '../bench/dataset/generateDataset';
import { writeThroughRepositories } from '../bench/writeDataset';

/**
 * The fault test's starting point, built with the app's own repositories and sync code: an HQ
 * database (`<base>-hq`, organisation keys, one enrolled device) that has merged the device's
 * first bundle and acknowledged it, and archived a few of its households since; and the device's
 * second bundle, the one the test interrupts. That bundle brings new records (a few thousand, so
 * its merge transaction lasts long enough to be cut) and changes to records HQ already holds,
 * some of them concurrent with HQ's own (kept as conflicts).
 */
export interface FaultScenarioSize {
  /** Households of the first bundle; the second brings `households` more (four persons each). */
  firstHouseholds: number;
  households: number;
  /** Households of the first bundle the device archives before the second (HQ archives a third of them too). */
  archived: number;
}

export const DEFAULT_SIZE: FaultScenarioSize = { firstHouseholds: 20, households: 50, archived: 15 };

/** HQ's clock in every import of the fault test, so that two imports write the same. */
export const HQ_NOW = new Date('2026-02-15T09:00:00.000Z');

const counts = (households: number): DatasetCounts => ({
  shelters: Math.max(2, Math.round(households / 100)),
  households,
  persons: households * 4,
  shelterVisits: Math.round(households * 0.4),
  householdVisits: Math.round(households * 1.6),
  referrals: Math.round(households * 0.6),
});

/** The device's clock: each timeline event at its own day, a second apart; between events, a steady tick. */
function deviceClock(): BenchClock {
  let day: string | null = null;
  let tick = 0;
  let steady = Date.parse('2026-02-01T08:00:00Z');
  return {
    now: () =>
      day === null ? new Date((steady += 1000)) : new Date(Date.parse(`${day}T08:00:00Z`) + tick++ * 1000),
    setDay(next) {
      if (next !== day) tick = 0;
      day = next;
    },
    reset() {
      day = null;
    },
  };
}

async function householdIds(name: string, keys: StoreKeys): Promise<string[]> {
  const db = new AppDatabase(name, keys);
  try {
    await db.open();
    return (await db.households.orderBy(':id').primaryKeys()).sort();
  } finally {
    db.close();
  }
}

async function exportFrom(device: DataStore): Promise<ExportedBundle> {
  const bundle = await device.sync.exportBundle();
  if (!bundle) throw new Error('The device had nothing to send');
  return bundle;
}

export async function prepareFaultScenario(
  base: string,
  keys: StoreKeys,
  sizeOverrides: Partial<FaultScenarioSize> = {},
): Promise<{ bundle: ExportedBundle }> {
  const size = { ...DEFAULT_SIZE, ...sizeOverrides };
  const hqName = `${base}-hq`;
  const deviceName = `${base}-device`;
  await Promise.all([Dexie.delete(hqName), Dexie.delete(deviceName)]);

  const clock = deviceClock();
  const hq = await openDataStore({ name: hqName, keys, now: () => HQ_NOW });
  const device = await openDataStore({ name: deviceName, keys, now: clock.now });
  try {
    await hq.sync.setUp('hq', 'Fault test HQ');
    await device.sync.setUp('field', '');
    await device.sync.trustOrganisationFile(await hq.sync.organisationFile());
    await hq.sync.enrolDevice(await device.sync.deviceFile('Fault test tablet'));

    // The first bundle, merged and acknowledged.
    const first = generateDataset({
      seed: 7,
      until: '2025-06-30',
      years: 1,
      counts: counts(size.firstHouseholds),
    });
    await writeThroughRepositories(device, clock, first);
    const firstBundle = await exportFrom(device);
    const merged = await hq.sync.importBundle(firstBundle.bytes, firstBundle.fileName);
    if (merged.status !== 'imported') throw new Error(`The first bundle was ${merged.status}`);
    const ack = await hq.sync.acknowledgementFor(firstBundle.header.sender.deviceId);
    await device.sync.applyAcknowledgement(ack.bytes, ack.fileName);

    // Since then: HQ archives some households, the device archives more (some the same) and records many new ones.
    const known = await householdIds(deviceName, keys);
    const archived = known.slice(0, size.archived);
    for (const id of archived.slice(0, Math.ceil(size.archived / 3))) await hq.households.archive(id);
    const second = generateDataset({
      seed: 11,
      until: '2026-01-31',
      years: 1,
      counts: counts(size.households),
    });
    await writeThroughRepositories(device, clock, second);
    for (const id of archived) await device.households.archive(id);
    return { bundle: await exportFrom(device) };
  } finally {
    hq.close();
    device.close();
  }
}
