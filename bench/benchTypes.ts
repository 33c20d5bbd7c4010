import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/**
 * The contract between scripts/bench.mjs and the scenario modules in bench/. A module exports
 * `suites`; each suite gets a fresh browser profile (on disk) and one page, runs its
 * `setup`, then its scenarios in order, on the same page and the same stored data. A scenario's
 * `run` returns one run's figures; the runner repeats it, takes the median and the spread of
 * every figure, and prints the ones named in `metrics`.
 */
/** XS, a tenth of S, only checks that the scenarios run; its figures are not reported. */
export type Scale = 'XS' | 'S' | 'L';

export type Unit = 'ms' | 's' | 'bytes' | 'KiB' | 'MiB' | 'x' | 'records/s' | 'count';

export interface Target {
  /** The figure must be at most (`max`) or at least (`min`) this, in the metric's unit. */
  max?: number;
  min?: number;
  /** Whether the target is stated for this scale (the issue states most for scale L). */
  scales?: Scale[];
}

export interface Metric {
  /** Key in the run's figures. */
  key: string;
  label: string;
  /** Unit of the figure as measured; ms figures may be shown in seconds. */
  unit: Unit;
  /** Unit to show it in (ms → s, bytes → KiB/MiB). */
  show?: Unit;
  target?: Target;
}

export type Figures = Record<string, number | string>;

export interface BenchContext {
  scale: Scale;
  /** The app's URL on the local server, without query or hash. */
  baseUrl: string;
  context: BrowserContext;
  page: Page;
  /** A DevTools session on the page (heap usage, garbage collection). */
  cdp: CDPSession;
  log(message: string): void;
  /** State a suite's scenarios share. */
  state: Record<string, unknown>;
}

export interface BenchScenario {
  name: string;
  title: string;
  /** Measured runs (after the warm-up run, when there is one); XS runs as S. */
  runs: Record<'S' | 'L', number>;
  /** One unreported run first (default true). */
  warmUp?: boolean;
  metrics: Metric[];
  run(ctx: BenchContext, runIndex: number): Promise<Figures>;
}

export interface BenchSuite {
  name: string;
  title: string;
  setup?(ctx: BenchContext): Promise<void>;
  scenarios: BenchScenario[];
}

/** Calls an in-page scenario of `window.__pmBench` (renderer/src/features/reports/bench/pageBench.ts). */
export async function inPage(
  page: Page,
  scenario: string,
  params: Record<string, number | string | boolean>,
) {
  return page.evaluate(
    ([name, p]) => {
      const bench = (
        window as unknown as {
          __pmBench?: {
            run(
              n: string,
              p: unknown,
            ): Promise<{
              durationMs: number;
              longestTaskMs: number;
              longTasks: number;
              maxFrameGapMs: number;
              result: Figures;
            }>;
          };
        }
      ).__pmBench;
      if (!bench) throw new Error('window.__pmBench is missing: open the app with ?bench=1');
      return bench.run(name, p);
    },
    [scenario, params] as const,
  );
}

/**
 * Opens the app with the bench hook, in a new page load, and waits until the hook is installed.
 * (Going to the same URL again would only be a fragment navigation: the page, and an app that is
 * unlocked in it, would stay.)
 */
export async function openBenchPage(ctx: BenchContext, hash = '#/') {
  await ctx.page.goto('about:blank');
  await ctx.page.goto(`${ctx.baseUrl}?bench=1${hash}`);
  await ctx.page.waitForFunction(
    () => Boolean((window as unknown as { __pmBench?: { ready: boolean } }).__pmBench?.ready),
    undefined,
    {
      timeout: 60_000,
    },
  );
}

/** The page's JavaScript heap in use, after a full garbage collection, in bytes. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}
