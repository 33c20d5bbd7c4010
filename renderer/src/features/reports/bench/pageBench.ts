import { syntheticPeriodInput } from '../../../../../shared/reports/syntheticPeriod';
import { startReportJob } from '../reportWorkerClient';

/**
 * In-page benchmark scenarios, driven by scripts/bench.mjs through `window.__pmBench` (set only
 * when the page is opened with ?bench=1). Each scenario runs the app's real code path; the
 * runner measures its duration and the main thread's responsiveness meanwhile: the longest
 * "long task" (PerformanceObserver, tasks of 50 ms and more) and the longest gap between
 * animation frames (which also sees shorter stalls).
 */
export interface ScenarioResult {
  /** Scenario-specific figures: bytes, pages, rows… */
  [metric: string]: number | string;
}
export type BenchParams = Record<string, number | string | boolean>;
/**
 * `prepare` builds the scenario's data outside the measured window (synthetic records are the
 * bench's own cost, not the app's); `run` is what is measured.
 */
export interface Scenario<T = unknown> {
  prepare(params: BenchParams): T | Promise<T>;
  run(prepared: T, params: BenchParams): Promise<ScenarioResult>;
}

export interface BenchRun {
  scenario: string;
  durationMs: number;
  longestTaskMs: number;
  longTasks: number;
  maxFrameGapMs: number;
  result: ScenarioResult;
}

const scenarios = new Map<string, Scenario<never>>();

/** Other modules add their scenarios here (src/bench/storeScenarios.ts does). */
export function registerBenchScenario<T>(name: string, scenario: Scenario<T>) {
  scenarios.set(name, scenario as Scenario<never>);
}

registerBenchScenario('pdf.periodSummary', {
  prepare: (params) =>
    syntheticPeriodInput({ rows: Number(params.rows ?? 5000), includeVisitLog: params.visitLog !== false }),
  async run(input, params) {
    // The same path as the Reports page: the worker, its fonts, the renderer, bytes back.
    const job = startReportJob(
      {
        input,
        options: { language: params.language === 'sr-Cyrl' ? 'sr-Cyrl' : 'en', redacted: false },
        branding: { organisationName: 'UNHCR Kosovo – Protection Unit', logo: null },
        generatedAt: new Date().toISOString(),
      },
      () => undefined,
    );
    const report = await job.result;
    const rows = input.shelterVisits.length + input.householdVisits.length;
    return { rows, bytes: report.bytes.byteLength, pages: report.pageCount };
  },
});

/**
 * An error as the bench runner will print it: whatever was thrown (an Error without a name, a
 * DOMException, a plain value) becomes an Error whose message says what it was.
 */
function describedError(error: unknown): Error {
  if (error instanceof Error) {
    const detail = [error.name, error.message].filter(Boolean).join(': ');
    const inner = (error as { inner?: unknown }).inner;
    const described = new Error(
      `${detail}${inner instanceof Error ? ` (inner: ${inner.name}: ${inner.message})` : ''}`,
    );
    described.stack = `${described.message}\n${error.stack ?? ''}`;
    return described;
  }
  let text: string;
  try {
    text = JSON.stringify(error);
  } catch {
    text = String(error);
  }
  return new Error(`Thrown: ${typeof error} ${text}`);
}

async function run(name: string, params: BenchParams = {}): Promise<BenchRun> {
  const scenario = scenarios.get(name);
  if (!scenario)
    throw new Error(`Unknown bench scenario ${name}; known: ${[...scenarios.keys()].join(', ')}`);
  const prepared = await scenario.prepare(params);
  // Let the preparation's own work settle before measuring.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  let maxGap = 0;
  let last = performance.now();
  let watching = true;
  const frame = (now: number) => {
    maxGap = Math.max(maxGap, now - last);
    last = now;
    if (watching) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  const start = performance.now();
  let result: ScenarioResult;
  try {
    result = await scenario.run(prepared, params);
  } catch (error) {
    throw describedError(error);
  }
  const durationMs = performance.now() - start;
  // Let the last frame and long-task entries arrive.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
  watching = false;
  for (const entry of observer.takeRecords()) tasks.push(entry.duration);
  observer.disconnect();
  return {
    scenario: name,
    durationMs: Math.round(durationMs),
    longestTaskMs: Math.round(Math.max(0, ...tasks)),
    longTasks: tasks.length,
    maxFrameGapMs: Math.round(maxGap),
    result,
  };
}

declare global {
  interface Window {
    __pmBench?: { ready: true; scenarios: () => string[]; run: typeof run };
  }
}

export async function installPageBench() {
  // The store scenarios (src/bench) register themselves; loaded only here, with ?bench=1.
  await import('../../../bench/storeScenarios');
  window.__pmBench = { ready: true, scenarios: () => [...scenarios.keys()], run };
}
