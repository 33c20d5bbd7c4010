// `npm run bench`: performance scenarios in headless Chromium against the built renderer.
//
// Each scenario module in SCENARIO_MODULES (TypeScript, compiled here with esbuild) exports
// `suites` (bench/benchTypes.ts). A suite gets a fresh browser profile (on disk) and
// one page, runs its setup, then its scenarios in order on the same stored data. Every figure a
// scenario reports is repeated over its runs and summarised as the median and the spread
// (min–max); the figures a scenario names in `metrics` are printed as a table and written to
// bench/results.md, everything to bench/results.json (scale L: results-L.md/json).
//
// Usage: node scripts/bench.mjs [--scale S|L] [--only <prefix>[,<prefix>…]] [--runs <n>]
//                               [--build] [--dist <folder>] [--out <file base>]
//   --scale  the data set: S (default) = 50 shelters, 5,000 households, 20,000 persons,
//            10,000 visits, 3,000 referrals; L = ten times that
//   --only   scenarios (or suites) whose name starts with one of the prefixes
//   --runs   measured runs of every scenario, instead of each scenario's own number
//   --build  rebuild the renderer first (otherwise only when dist/renderer is missing)
//   --dist   serve another build of the renderer than dist/renderer
//   --out    where to write <base>.json and <base>.md (default bench/results, bench/results-L;
//            runs with --only or at XS write to node_modules/.cache/pm-bench/ instead)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const SCENARIO_MODULES = ['bench/storeBench.ts', 'bench/pdfBench.ts'];

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const scale = (option('--scale') ?? 'S').toUpperCase();
// XS (a tenth of S) is a quick check that every scenario runs; its figures are not reported.
if (!['XS', 'S', 'L'].includes(scale)) {
  console.error('--scale is S or L (or XS, a quick check)');
  process.exit(2);
}
const only = option('--only')?.split(',').filter(Boolean);
const runsOverride = option('--runs') ? Number(option('--runs')) : undefined;
// Resolved here: Vite would resolve a relative outDir against its root (renderer/).
const dist = option('--dist') ? resolve(option('--dist')) : undefined;
const CHROMIUM_PATH = process.env.PM_CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Debian's Chromium is the browser of the bench, as of the end-to-end tests; on a clean machine
// it is installed here the way .ci/run does it, so `npm ci && npm run bench` needs nothing else.
if (!existsSync(CHROMIUM_PATH)) {
  const canInstall =
    !process.env.PM_CHROMIUM_PATH && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(
      `No Chromium at ${CHROMIUM_PATH}: install Debian's (apt-get install chromium) or set PM_CHROMIUM_PATH.`,
    );
    process.exit(1);
  }
  console.log('Installing Debian’s Chromium (apt-get install chromium)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const command of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium'],
  ]) {
    if (spawnSync('apt-get', command, { stdio: 'inherit', env }).status !== 0) process.exit(1);
  }
}

if (!dist && (args.includes('--build') || !existsSync(`${root}dist/renderer/index.html`))) {
  console.log('Building the renderer…');
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const status = spawnSync(npx, ['vite', 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  }).status;
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

const selected = (name) => !only || only.some((prefix) => name.startsWith(prefix));

async function loadSuites() {
  // Compiled next to node_modules, so the modules' own imports (playwright-core) resolve.
  const outdir = `${root}node_modules/.cache/pm-bench`;
  mkdirSync(outdir, { recursive: true });
  const all = [];
  for (const module of SCENARIO_MODULES) {
    const outfile = `${outdir}/${module.replace(/[/\\]/g, '_').replace(/\.ts$/, '.mjs')}`;
    await build({
      entryPoints: [`${root}${module}`],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
    });
    const { suites } = await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
    for (const suite of suites) {
      const scenarios = suite.scenarios.filter((s) => selected(s.name) || selected(suite.name));
      if (scenarios.length > 0) all.push({ ...suite, scenarios, module });
    }
  }
  return all;
}

// ---- statistics and formatting -------------------------------------------------------------

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Median, min and max of every numeric figure over the runs; other values from the first run. */
function summarise(runs) {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  return Object.fromEntries(
    keys.map((key) => {
      const values = runs.map((r) => r[key]).filter((v) => typeof v === 'number' && Number.isFinite(v));
      if (values.length === 0) return [key, { value: runs[0]?.[key] }];
      return [key, { median: median(values), min: Math.min(...values), max: Math.max(...values) }];
    }),
  );
}

const decimals = (v) => (Math.abs(v) < 10 ? 2 : Math.abs(v) < 100 ? 1 : 0);
const grouped = (v, digits = 0) =>
  v.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A figure in the unit it is shown in. */
function display(metric, value) {
  if (value === undefined || value === null || Number.isNaN(value)) return '–';
  const unit = metric.show ?? metric.unit;
  switch (unit) {
    case 's':
      return `${(value / 1000).toFixed(2)} s`;
    case 'KiB':
      return `${grouped(value / 1024)} KiB`;
    case 'MiB':
      return `${(value / 1024 / 1024).toFixed(1)} MiB`;
    case 'x':
      return `${value.toFixed(3)}×`;
    case 'records/s':
      return `${grouped(value)}/s`;
    case 'count':
      return grouped(value, Number.isInteger(value) ? 0 : 1);
    default:
      return `${value.toFixed(decimals(value))} ms`;
  }
}

function targetText(metric) {
  const { target } = metric;
  if (!target) return '';
  const bound =
    target.max !== undefined ? `≤ ${display(metric, target.max)}` : `≥ ${display(metric, target.min)}`;
  return target.scales ? `${bound} at ${target.scales.join(', ')}` : bound;
}

function targetMet(metric, value) {
  const { target } = metric;
  if (!target || typeof value !== 'number') return '';
  const met =
    (target.max === undefined || value <= target.max) && (target.min === undefined || value >= target.min);
  const word = met ? 'met' : 'missed';
  return !target.scales || target.scales.includes(scale) ? word : `(${word})`;
}

// ---- the run -------------------------------------------------------------------------------

const suites = await loadSuites();
const port = await freePort();
const server = await preview({
  configFile: `${root}vite.config.ts`,
  ...(dist ? { build: { outDir: dist } } : {}),
  preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  logLevel: 'warn',
});
const baseUrl = `http://127.0.0.1:${port}/`;
const results = [];
let hardwareConcurrency;
let chromiumVersion = '';
const started = Date.now();
// Other work on the machine slows the page down; the load average says how busy it was.
const loadAtStart = os.loadavg().map((v) => Math.round(v * 10) / 10);
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
try {
  for (const suite of suites) {
    // A profile on disk, as the app has (a context without one keeps IndexedDB in memory).
    const userDataDir = mkdtempSync(join(os.tmpdir(), 'pm-bench-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
    page.on('console', (message) => {
      if (message.text().startsWith('[bench]')) console.log(`    ${message.text()}`);
    });
    const ctx = {
      scale,
      baseUrl,
      context,
      page,
      cdp: await context.newCDPSession(page),
      log: (message) => console.log(`  [${suite.name}] ${message}`),
      state: {},
    };
    console.log(`${suite.title} (scale ${scale}) [${elapsed()}]`);
    try {
      if (suite.setup) await suite.setup(ctx);
      hardwareConcurrency ??= await ctx.page.evaluate(() => navigator.hardwareConcurrency);
      chromiumVersion ||= (await ctx.cdp.send('Browser.getVersion')).product.replace(/^\D*/, '');
      for (const scenario of suite.scenarios) {
        const count = runsOverride ?? scenario.runs[scale === 'L' ? 'L' : 'S'];
        if (count === 0) continue;
        process.stdout.write(`  ${scenario.title}:`);
        const runs = [];
        let error;
        try {
          if (scenario.warmUp !== false) {
            process.stdout.write(' warm-up');
            await scenario.run(ctx, -1);
          }
          for (let i = 0; i < count; i++) {
            process.stdout.write(`, run ${i + 1}`);
            runs.push(await scenario.run(ctx, i));
          }
        } catch (cause) {
          const message = cause instanceof Error ? cause.message : String(cause);
          console.error(`\n${message}`);
          error = message.split('\n')[0];
        }
        process.stdout.write(` [${elapsed()}]\n`);
        if (error) console.error(`    failed: ${error}`);
        const summary = summarise(runs);
        results.push({
          suite: suite.name,
          name: scenario.name,
          title: scenario.title,
          runs,
          ...(error ? { error } : {}),
          metrics: scenario.metrics.map((m) => ({
            ...m,
            ...summary[m.key],
            target: m.target,
            status: targetMet(m, summary[m.key]?.median),
          })),
          summary,
        });
      }
    } finally {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    }
  }
} finally {
  await new Promise((resolve) => server.httpServer.close(resolve));
}

// ---- the table and the files ---------------------------------------------------------------

const environment = {
  node: process.version,
  chromium: chromiumVersion,
  platform: `${os.platform()} ${os.release()}`,
  cpus: os.cpus().length,
  hardwareConcurrency,
  cpu: os.cpus()[0]?.model ?? '',
  memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
  loadAverage: { atStart: loadAtStart, atEnd: os.loadavg().map((v) => Math.round(v * 10) / 10) },
  durationSeconds: Math.round((Date.now() - started) / 1000),
};
const generatedAt = new Date().toISOString();

const rows = results.flatMap((r) =>
  r.error && r.runs.length === 0
    ? [`| ${r.title} | failed: ${r.error.replace(/\|/g, '/')} | | | | | |`]
    : r.metrics.map((m, i) => {
        const spread =
          m.min === undefined
            ? ''
            : m.min === m.max
              ? 'all equal'
              : `${display(m, m.min)} – ${display(m, m.max)}`;
        return `| ${i === 0 ? r.title : ''} | ${m.label} | ${display(m, m.median)} | ${spread} | ${i === 0 ? r.runs.length : ''} | ${targetText(m)} | ${m.status} |`;
      }),
);
const header = [
  `${generatedAt.slice(0, 10)}, scale ${scale}, ${environment.cpus} cores (${environment.cpu}), ${environment.memoryGiB} GiB,`,
  `Chromium ${environment.chromium} headless, Node ${environment.node}; median and spread (min – max) over the runs.`,
  `Load average (1 min) ${environment.loadAverage.atStart[0]} at the start, ${environment.loadAverage.atEnd[0]} at the end; ${Math.round(environment.durationSeconds / 60)} min in all.`,
];
const table = [
  '| scenario | figure | median | spread | runs | target | |',
  '|---|---|---|---|---|---|---|',
  ...rows,
];
const markdown = `${header.join('\n')}\n\n${table.join('\n')}\n`;
console.log(`\n${markdown}`);

// bench/ keeps the results of whole runs at S and L; a partial run (--only) or a check (XS)
// writes next to the compiled modules unless --out says where.
const outBase = option('--out')
  ? resolve(option('--out')).replace(/\.(json|md)$/, '')
  : only || scale === 'XS'
    ? `${root}node_modules/.cache/pm-bench/results-${scale}${only ? '-partial' : ''}`
    : `${root}bench/results${scale === 'L' ? '-L' : ''}`;
writeFileSync(
  `${outBase}.json`,
  `${JSON.stringify(
    {
      generatedAt,
      scale,
      environment,
      notes:
        'Times in ms, sizes in bytes. For each scenario: every run\'s figures (`runs`), and for every figure its median, min and max over the runs (`summary`); `metrics` are the figures shown in the table, with their targets. Query scenarios time 200 queries a run and report that run\'s median, p95 and slowest. longestTaskMs: the longest main-thread task seen by PerformanceObserver("longtask") during a run (0 = none of 50 ms or more). See docs/performance.md.',
      results,
    },
    null,
    2,
  )}\n`,
);
writeFileSync(`${outBase}.md`, `# Benchmark results\n\n${markdown}`);
console.log(`Written: ${outBase.slice(root.length)}.json, ${outBase.slice(root.length)}.md`);
if (results.some((r) => r.error)) process.exitCode = 1;
