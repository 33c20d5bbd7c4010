// `npm run bench`: performance scenarios in headless Chromium against the built renderer.
//
// Each scenario module in SCENARIO_MODULES (TypeScript, compiled here with esbuild) exports
// `scenarios`: a name, a title, a number of runs and a `run(page)` that drives the app opened
// with ?bench=1 (which installs `window.__pmBench`). Results are printed as a table and written
// to bench/results.json. Add a module to the list to add scenarios.
//
// Usage: node scripts/bench.mjs [--build] [--only <name-prefix>] [--runs <n>] [--dist <folder>]
//   --build  rebuild the renderer first (otherwise only when dist/renderer is missing)
//   --dist   serve another build of the renderer than dist/renderer
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const SCENARIO_MODULES = ['bench/pdfBench.ts'];

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const only = option('--only');
const runsOverride = option('--runs') ? Number(option('--runs')) : undefined;
const dist = option('--dist');
const CHROMIUM_PATH = process.env.PM_CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!dist && (args.includes('--build') || !existsSync(`${root}dist/renderer/index.html`))) {
  console.log('Building the renderer…');
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const status = spawnSync(npx, ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' }).status;
  if (status !== 0) process.exit(status ?? 1);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function loadScenarios() {
  // Compiled next to node_modules, so the modules' own imports (playwright-core) resolve.
  const outdir = `${root}node_modules/.cache/pm-bench`;
  mkdirSync(outdir, { recursive: true });
  const all = [];
  for (const module of SCENARIO_MODULES) {
    const outfile = `${outdir}/${module.replace(/[/\\]/g, '_').replace(/\.ts$/, '.mjs')}`;
    await build({ entryPoints: [`${root}${module}`], outfile, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
    const { scenarios } = await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
    all.push(...scenarios.map((s) => ({ ...s, module })));
  }
  return all.filter((s) => !only || s.name.startsWith(only));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
};
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;

const scenarios = await loadScenarios();
const port = await freePort();
const server = await preview({
  configFile: `${root}vite.config.ts`,
  ...(dist ? { build: { outDir: dist } } : {}),
  preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  logLevel: 'warn',
});
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
const results = [];
try {
  for (const scenario of scenarios) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
    await page.goto(`http://127.0.0.1:${port}/?bench=1#/`);
    await page.waitForFunction(() => Boolean(globalThis.__pmBench?.ready), undefined, { timeout: 30_000 });
    process.stdout.write(`${scenario.title}: warm-up`);
    await scenario.run(page);
    const runs = [];
    for (let i = 0; i < (runsOverride ?? scenario.runs); i++) {
      process.stdout.write(`, run ${i + 1}`);
      runs.push(await scenario.run(page));
    }
    process.stdout.write('\n');
    await context.close();
    results.push({
      name: scenario.name,
      title: scenario.title,
      runs,
      median: {
        durationMs: median(runs.map((r) => r.durationMs)),
        longestTaskMs: median(runs.map((r) => r.longestTaskMs)),
        longestTaskMsMax: Math.max(...runs.map((r) => r.longestTaskMs)),
        maxFrameGapMs: median(runs.map((r) => r.maxFrameGapMs)),
        ...Object.fromEntries(
          Object.keys(runs[0]?.extra ?? {}).map((k) => [k, typeof runs[0].extra[k] === 'number' ? median(runs.map((r) => r.extra[k])) : runs[0].extra[k]]),
        ),
      },
    });
  }
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}

const table = results.map((r) => ({
  scenario: r.name,
  'time (median)': `${(r.median.durationMs / 1000).toFixed(2)} s`,
  size: r.median.bytes !== undefined ? kib(r.median.bytes) : '',
  pages: r.median.pages ?? '',
  'longest main-thread task': r.median.longestTaskMs ? `${r.median.longestTaskMs} ms` : '< 50 ms (none)',
  'worst run': r.median.longestTaskMsMax ? `${r.median.longestTaskMsMax} ms` : '< 50 ms',
  'longest frame gap': `${r.median.maxFrameGapMs} ms`,
}));
console.table(table);

const version = browser.version?.() ?? '';
writeFileSync(
  `${root}bench/results.json`,
  `${JSON.stringify(
    {
      generatedAt: new Date().toISOString(),
      environment: { node: process.version, chromium: version, platform: `${os.platform()} ${os.release()}`, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '' },
      notes:
        'Times in ms; "median" holds the median of the runs (longestTaskMsMax: the worst run). longestTaskMs: the longest main-thread task seen by PerformanceObserver("longtask") during a run (0 = none of 50 ms or more). maxFrameGapMs: the longest gap between animation frames. On a machine busy with other work, the page competes with the report worker for CPU and both figures grow.',
      results,
    },
    null,
    2,
  )}\n`,
);
console.log('Written: bench/results.json');
