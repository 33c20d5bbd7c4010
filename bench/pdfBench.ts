import type { Page } from 'playwright-core';

/**
 * PDF report scenarios for `npm run bench` (scripts/bench.mjs). Each runs in the built app in
 * headless Chromium, through the app's real path: the report worker, its fonts, the renderer.
 * The page measures the main thread meanwhile (longest long task, longest frame gap).
 */
export interface BenchScenario {
  name: string;
  title: string;
  /** Measured runs, after one warm-up run. */
  runs: number;
  run(page: Page): Promise<BenchMeasurement>;
}

/** What every scenario reports; `extra` holds scenario-specific figures. */
export interface BenchMeasurement {
  durationMs: number;
  longestTaskMs: number;
  longTasks: number;
  maxFrameGapMs: number;
  extra: Record<string, number | string>;
}

interface PageRun {
  durationMs: number;
  longestTaskMs: number;
  longTasks: number;
  maxFrameGapMs: number;
  result: Record<string, number | string>;
}

async function inPage(page: Page, scenario: string, params: Record<string, number | string | boolean>): Promise<BenchMeasurement> {
  const run = await page.evaluate(
    ([name, p]) => {
      const bench = (window as unknown as { __pmBench?: { run(n: string, p: unknown): Promise<PageRun> } }).__pmBench;
      if (!bench) throw new Error('window.__pmBench is missing: open the app with ?bench=1');
      return bench.run(name, p);
    },
    [scenario, params] as const,
  );
  return {
    durationMs: run.durationMs,
    longestTaskMs: run.longestTaskMs,
    longTasks: run.longTasks,
    maxFrameGapMs: run.maxFrameGapMs,
    extra: run.result,
  };
}

export const scenarios: BenchScenario[] = [
  {
    name: 'pdf.periodSummary.5000',
    title: 'Period summary PDF, 5,000 visits (with the visit annex)',
    runs: 3,
    run: (page) => inPage(page, 'pdf.periodSummary', { rows: 5000, visitLog: true }),
  },
  {
    name: 'pdf.periodSummary.5000.noAnnex',
    title: 'Period summary PDF, 5,000 visits (tables and charts only)',
    runs: 3,
    run: (page) => inPage(page, 'pdf.periodSummary', { rows: 5000, visitLog: false }),
  },
];
