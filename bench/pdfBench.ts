import { inPage, openBenchPage, type BenchScenario, type BenchSuite } from './benchTypes';

/**
 * PDF report scenarios for `npm run bench` (scripts/bench.mjs). Each runs in the built app in
 * headless Chromium, through the app's real path: the report worker, its fonts, the renderer.
 * The page measures the main thread meanwhile (longest long task, longest frame gap).
 */
function pdfScenario(name: string, title: string, visitLog: boolean): BenchScenario {
  return {
    name,
    title,
    runs: { S: 3, L: 3 },
    metrics: [
      { key: 'durationMs', label: 'time', unit: 'ms', show: 's', target: { max: 5000 } },
      { key: 'bytes', label: 'size', unit: 'bytes', show: 'KiB' },
      { key: 'pages', label: 'pages', unit: 'count' },
      // 0 = no task of 50 ms or more (the long-task API's threshold).
      {
        key: 'longestTaskMs',
        label: 'longest main-thread task (0 = none ≥ 50 ms)',
        unit: 'ms',
        target: { max: 100 },
      },
      { key: 'maxFrameGapMs', label: 'longest gap between frames', unit: 'ms' },
    ],
    async run(ctx) {
      const run = await inPage(ctx.page, 'pdf.periodSummary', { rows: 5000, visitLog });
      return {
        durationMs: run.durationMs,
        longestTaskMs: run.longestTaskMs,
        longTasks: run.longTasks,
        maxFrameGapMs: run.maxFrameGapMs,
        ...run.result,
      };
    },
  };
}

export const suites: BenchSuite[] = [
  {
    name: 'pdf',
    title: 'PDF reports',
    setup: (ctx) => openBenchPage(ctx),
    scenarios: [
      pdfScenario('pdf.periodSummary.5000', 'Period summary PDF, 5,000 visits (with the visit annex)', true),
      pdfScenario(
        'pdf.periodSummary.5000.noAnnex',
        'Period summary PDF, 5,000 visits (tables and charts only)',
        false,
      ),
    ],
  },
];
