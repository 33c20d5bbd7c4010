import { test, expect } from '@playwright/test';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchFaultBrowser, type FaultBrowser } from './support/faultBrowser';
import { describePoint, faultHook, reaching, seededRandom, type InterruptionPoint } from './support/faultRuns';
import { E2E_PORT, e2eTarget } from './support/target';

/**
 * Issue #7: an import of a device's bundle at HQ is merged whole or not at all. The import is
 * interrupted at random points of its merge, by closing the page or by killing the browser
 * (SIGKILL to every Chromium process at once); after a restart on the same profile the database
 * must read exactly as before the bundle or exactly as after it, never anything in between.
 *
 * The page side (renderer/src/testHooks, loaded only with ?faulttest=1) builds an HQ database
 * with the app's repositories and sync code, the bundle, and the digests of both outcomes
 * (docs/fault-tests.md). Each run imports into a fresh copy of that database.
 *
 * PM_FAULT_RUNS (default 8) and PM_FAULT_SEED (default: random, reported) set the schedule.
 */
const RUNS = Number(process.env.PM_FAULT_RUNS ?? 8);
const SEED = Number(process.env.PM_FAULT_SEED ?? randomBytes(4).readUInt32LE());
const URL = `http://127.0.0.1:${E2E_PORT}/?faulttest=1`;

type Method = 'close the page' | 'kill the browser';

/** One point per run, spread over the whole merge: the runs split it into strata, one random point in each. */
function schedule(ticks: number, random: () => number): InterruptionPoint[] {
  const points = ticks + 2; // merging, each request, done
  return Array.from({ length: RUNS }, (_, run) => {
    const k = run === RUNS - 1 ? points - 1 : Math.floor(((run + random()) * points) / RUNS);
    return k === 0 ? { at: 'merging' } : k > ticks ? { at: 'done' } : { at: 'tick', tick: k };
  });
}

test.skip(e2eTarget() === 'electron', 'The fault test drives Chromium on the served renderer (the browser target)');

test('an import interrupted at random points leaves HQ exactly as before or after the bundle', async () => {
  const testInfo = test.info();
  test.setTimeout(120_000);
  const profile = await mkdtemp(join(tmpdir(), 'pm-fault-'));
  const prefix = `pm-fault-${randomUUID().slice(0, 8)}`;
  const keys = { fieldKey: randomBytes(32).toString('hex'), blindIndexKey: randomBytes(32).toString('hex') };
  let session: FaultBrowser | null = null;
  try {
    session = await launchFaultBrowser(profile, URL);
    const prepared = await (await faultHook(session.page)).prepare({ prefix, keys });
    expect(prepared.before).not.toBe(prepared.after);
    const random = seededRandom(SEED);
    const points = schedule(prepared.ticks, random);
    testInfo.annotations.push({
      type: 'fault scenario',
      description:
        `seed ${SEED}; bundle of ${prepared.records} records (${prepared.report.inserted} inserted, ` +
        `${prepared.report.updated} updated, ${prepared.report.newConflicts} conflicts), ` +
        `verified in ${prepared.verifyMs} ms, merged in ${prepared.mergeMs} ms over ${prepared.ticks} requests; ` +
        `before ${prepared.before.slice(0, 12)}, after ${prepared.after.slice(0, 12)}`,
    });

    const outcomes: ('before' | 'after')[] = [];
    for (const [run, point] of points.entries()) {
      const method: Method = run % 2 === 0 ? 'close the page' : 'kill the browser';
      const where = `run ${run + 1} (seed ${SEED}): ${method} ${describePoint(point)}`;
      const name = `${prefix}-run-${run + 1}`;

      const { reached } = await reaching(session.page, point);
      const started = await (await faultHook(session.page)).startImport({
        prefix,
        name,
        keys,
        bundle: prepared.bundle,
        fileName: prepared.fileName,
      });
      expect(started.before, `${where}: the copy starts as HQ's database`).toBe(prepared.before);
      await reached;
      if (method === 'close the page') {
        await session.closePage();
        await session.close();
      } else {
        await session.kill();
      }

      session = await launchFaultBrowser(profile, URL);
      const digest = await (await faultHook(session.page)).digest({ name, keys });
      const outcome = digest === prepared.before ? 'before' : digest === prepared.after ? 'after' : null;
      testInfo.annotations.push({ type: `run ${run + 1}`, description: `${method} ${describePoint(point)}: ${outcome ?? digest}` });
      expect(outcome, `${where}: the database is neither as before (${prepared.before}) nor as after (${prepared.after}) the bundle`).not.toBeNull();
      outcomes.push(outcome!);
    }
    const count = (o: 'before' | 'after') => outcomes.filter((x) => x === o).length;
    testInfo.annotations.push({
      type: 'fault outcomes',
      description: `${RUNS} interruptions: ${count('before')} ended before the bundle, ${count('after')} after it`,
    });
  } finally {
    await session?.close();
    await rm(profile, { recursive: true, force: true });
  }
});
