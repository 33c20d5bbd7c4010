import type { Page } from 'playwright-core';
import type {
  FaultHookApi,
  FaultProgress,
  HexKeys,
  Prepared,
} from '../../renderer/src/testHooks/importFaultHook';

/**
 * The test's side of the page hook `window.__pmFault` (renderer/src/testHooks): typed calls,
 * and the import's progress events brought over to the test.
 */
export type { Prepared };

/**
 * Where an import is interrupted: when its merge begins, when the merge transaction's `tick`-th
 * request has been answered (nothing committed yet), or once it has committed (`done`).
 */
export type InterruptionPoint = { at: 'merging' } | { at: 'tick'; tick: number } | { at: 'done' };

export const describePoint = (point: InterruptionPoint) =>
  point.at === 'tick'
    ? `after request ${point.tick} of the merge`
    : point.at === 'merging'
      ? 'as the merge began'
      : 'after the commit';

/** A small seeded generator (mulberry32), so a failing schedule can be run again from its seed. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Waits for the hook to be installed (it is imported on demand with ?faulttest=1). */
export async function faultHook(page: Page) {
  await page.waitForFunction(() => (window as { __pmFault?: FaultHookApi }).__pmFault?.ready === true);
  const call = <K extends 'prepare' | 'startImport' | 'digest'>(
    name: K,
    arg: Parameters<FaultHookApi[K]>[0],
  ) =>
    page.evaluate(
      ([n, a]) => {
        const hook = (window as { __pmFault?: FaultHookApi }).__pmFault!;
        return (hook[n] as (x: typeof a) => unknown)(a);
      },
      [name, arg] as const,
    ) as Promise<Awaited<ReturnType<FaultHookApi[K]>>>;
  return {
    prepare: (arg: Parameters<FaultHookApi['prepare']>[0]) => call('prepare', arg),
    startImport: (arg: Parameters<FaultHookApi['startImport']>[0]) => call('startImport', arg),
    digest: (arg: { name: string; keys: HexKeys }) => call('digest', arg),
  };
}

/**
 * Resolves when the page's import reaches `point`; rejects when it settles first (or fails).
 * Installed before the import starts.
 */
export async function reaching(
  page: Page,
  point: InterruptionPoint,
): Promise<{ reached: Promise<FaultProgress[]> }> {
  const seen: FaultProgress[] = [];
  let resolve!: (value: FaultProgress[]) => void;
  let reject!: (error: Error) => void;
  const reached = new Promise<FaultProgress[]>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Awaited by the caller once the import has started; never left unhandled before that.
  reached.catch(() => undefined);
  page.once('crash', () => reject(new Error(`The page crashed before ${describePoint(point)}`)));
  const binding = `pmFaultProgress${Math.random().toString(36).slice(2)}`;
  await page.exposeFunction(binding, (progress: FaultProgress) => {
    seen.push(progress);
    const hit =
      (point.at === 'merging' && progress.phase === 'merging') ||
      (point.at === 'tick' && progress.phase === 'tick' && progress.n === point.tick) ||
      (point.at === 'done' && progress.phase === 'done');
    if (hit) resolve(seen);
    else if (progress.phase === 'settled')
      reject(
        new Error(
          `The import settled (${progress.status} ${progress.error ?? ''}) before ${describePoint(point)}`,
        ),
      );
  });
  await page.evaluate((name) => {
    window.addEventListener('pm-fault:progress', (event) => {
      void (window as unknown as Record<string, (p: unknown) => Promise<void>>)[name]!(
        (event as CustomEvent).detail,
      );
    });
  }, binding);
  return { reached };
}
