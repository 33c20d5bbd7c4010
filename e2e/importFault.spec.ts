import { test, expect } from '@playwright/test';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchFaultBrowser, type FaultBrowser } from './support/faultBrowser';
import {
  describePoint,
  faultHook,
  reaching,
  seededRandom,
  type InterruptionPoint,
} from './support/faultRuns';
import { E2E_PORT } from './support/target';

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

test('an import interrupted at random points leaves HQ exactly as before or after the bundle', async () => {
  const testInfo = test.info();
  test.setTimeout(120_000);
  const profile = await mkdtemp(join(tmpdir(), 'pm-fault-'));
  const prefix = `pm-fault-${randomUUID().slice(0, 8)}`;
  const keys = { fieldKey: randomBytes(32).toString('hex'), blindIndexKey: randomBytes(32).toString('hex') };
  let session: FaultBrowser | null = null;
  try {
    const started = Date.now();
    session = await launchFaultBrowser(profile, URL);
    let hook = await faultHook(session.page);
    const prepared = await hook.prepare({ prefix, keys });
    expect(prepared.before).not.toBe(prepared.after);
    const random = seededRandom(SEED);
    const points = schedule(prepared.ticks, random);
    testInfo.annotations.push({
      type: 'fault scenario',
      description:
        `seed ${SEED}; bundle of ${prepared.records} records (${prepared.report.inserted} inserted, ` +
        `${prepared.report.updated} updated, ${prepared.report.newConflicts} conflicts), ` +
        `verified in ${prepared.verifyMs} ms, merged in ${prepared.mergeMs} ms over ${prepared.ticks} requests; ` +
        `before ${prepared.before.slice(0, 12)}, after ${prepared.after.slice(0, 12)}; prepared in ${Date.now() - started} ms`,
    });

    const outcomes: string[] = [];
    for (const [run, point] of points.entries()) {
      const runStart = Date.now();
      const method: Method = run % 2 === 0 ? 'close the page' : 'kill the browser';
      const where = `run ${run + 1} (seed ${SEED}): ${method} ${describePoint(point)}`;
      const name = `${prefix}-run-${run + 1}`;

      const { reached } = await reaching(session.page, point);
      const copy = await hook.startImport({
        prefix,
        name,
        keys,
        bundle: prepared.bundle,
        fileName: prepared.fileName,
      });
      expect(copy.before, `${where}: the copy starts as HQ's database`).toBe(prepared.before);
      await reached;
      if (method === 'close the page') {
        await session.closePage();
        await session.close();
      } else {
        await session.kill();
      }

      session = await launchFaultBrowser(profile, URL);
      hook = await faultHook(session.page);
      const digest = await hook.digest({ name, keys });
      const outcome = digest === prepared.before ? 'before' : digest === prepared.after ? 'after' : 'neither';
      testInfo.annotations.push({
        type: `run ${run + 1}`,
        description: `${method} ${describePoint(point)}: ${outcome} (${digest.slice(0, 12)}, ${Date.now() - runStart} ms)`,
      });
      // Cut anywhere before its commit, the import may have happened or not; once committed, it stays.
      if (point.at === 'done')
        expect(digest, `${where}: a committed import must survive`).toBe(prepared.after);
      else
        expect(
          [prepared.before, prepared.after],
          `${where}: the database must read as before or as after the bundle`,
        ).toContain(digest);
      outcomes.push(outcome);
    }
    const count = (o: string) => outcomes.filter((x) => x === o).length;
    testInfo.annotations.push({
      type: 'fault outcomes',
      description: `${RUNS} interruptions: ${count('before')} ended before the bundle, ${count('after')} after it`,
    });
  } finally {
    await session?.close();
    await rm(profile, { recursive: true, force: true });
  }
});
