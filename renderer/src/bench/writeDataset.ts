import type { DataStore } from '../db/dataStore';
import type { BenchClock } from './benchStore';
import { datasetCounts, timeline, type Dataset, type TimelineEvent } from './dataset/generateDataset';

export interface WriteReport {
  /** Mean milliseconds per repository call, by kind of write. */
  msPerCall: Record<string, number>;
  /** Records created: shelters, households, persons, visits, referrals. */
  records: number;
  /** Repository calls (a registration writes a household and its members). */
  calls: number;
  durationMs: number;
}

/**
 * Writes the data set as monitors would have, through the repositories the forms use: every
 * record validated, stamped, sealed and audited, in the order of the timeline, with the store's
 * clock set to each record's day. One transaction per save, as the forms save, or `batch` saves
 * to a transaction (`store.inOneTransaction`) for a bulk load.
 */
export async function writeThroughRepositories(
  store: DataStore,
  clock: BenchClock,
  dataset: Dataset,
  limit = Infinity,
  batch = 1,
): Promise<WriteReport> {
  const events = timeline(dataset).slice(0, limit);
  const spent: Record<string, { ms: number; calls: number }> = {};
  const shelterIds: string[] = [];
  const householdIds: string[] = [];
  const visitIds: string[] = [];
  const referralIds: string[] = [];
  const start = performance.now();
  const step = Math.ceil(events.length / 10);
  try {
    for (let first = 0; first < events.length; first += batch) {
      const chunk = events.slice(first, first + batch);
      const writeChunk = async () => {
        for (const [j, event] of chunk.entries()) await timedWrite(event, first + j);
      };
      if (batch > 1) await store.inOneTransaction(writeChunk);
      else await writeChunk();
    }
  } finally {
    clock.reset();
  }

  async function timedWrite(event: TimelineEvent, i: number) {
    // Read by scripts/bench.mjs, which shows the progress of long writes.
    if (i > 0 && i % step === 0)
      console.info(
        `[bench] ${Math.round((i / events.length) * 100)}% of ${events.length} writes, ${((performance.now() - start) / 1000).toFixed(0)} s`,
      );
    clock.setDay(event.date);
    const callStart = performance.now();
    try {
      await writeEvent(event);
    } catch (error) {
      const what = `${event.kind} ${event.index} of ${event.date}, write ${i + 1} of ${events.length}`;
      if (error instanceof Error) error.message = `${error.message} (at ${what})`;
      throw error;
    }
    const kind = (spent[event.kind] ??= { ms: 0, calls: 0 });
    kind.ms += performance.now() - callStart;
    kind.calls++;
  }

  async function writeEvent(event: TimelineEvent) {
    switch (event.kind) {
      case 'shelter':
        shelterIds[event.index] = (await store.shelters.create(dataset.shelters[event.index]!.input)).id;
        break;
      case 'household': {
        const h = dataset.households[event.index]!;
        const shelterId = h.shelterIndex === null ? '' : shelterIds[h.shelterIndex]!;
        const registration = { ...h.registration, household: { ...h.registration.household, shelterId } };
        householdIds[event.index] = (await store.households.register(registration)).id;
        break;
      }
      case 'shelterVisit': {
        const v = dataset.shelterVisits[event.index]!;
        await store.shelterVisits.create({ ...v.input, shelterId: shelterIds[v.shelterIndex] });
        break;
      }
      case 'householdVisit': {
        const v = dataset.householdVisits[event.index]!;
        visitIds[event.index] = (
          await store.householdVisits.create({ ...v.input, householdId: householdIds[v.householdIndex] })
        ).id;
        break;
      }
      case 'referral': {
        const r = dataset.referrals[event.index]!;
        const input = {
          ...r.input,
          householdId: householdIds[r.householdIndex],
          visitId: visitIds[r.visitIndex],
        };
        referralIds[event.index] = (await store.referrals.create(input)).id;
        break;
      }
      case 'referralMove':
        await store.referrals.moveStatus(
          referralIds[event.index]!,
          dataset.referrals[event.index]!.moves[event.move],
        );
        break;
      case 'archive':
        await store.households.archive(householdIds[event.index]!);
        break;
    }
  }
  const durationMs = performance.now() - start;
  const counts = datasetCounts(dataset);
  const records = Number.isFinite(limit) ? NaN : Object.values(counts).reduce((a, b) => a + b, 0);
  const msPerCall = Object.fromEntries(
    Object.entries(spent).map(([k, v]) => [k, Math.round((v.ms / v.calls) * 100) / 100]),
  );
  return { records, calls: events.length, durationMs, msPerCall };
}
