// `npm test`: every test, unit (Vitest) then end-to-end (Playwright driving Chromium), and a
// closing line "Tests: N passed, N failed" that adds both up. Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;
const readJson = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);

mkdirSync('test-results', { recursive: true });
for (const f of ['test-results/unit.json', 'test-results/e2e.json']) rmSync(f, { force: true });

const unitStatus = run(npx, ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']);
const buildStatus = run(npx, ['vite', 'build', '--logLevel', 'warn']);
const e2eStatus = buildStatus === 0 ? run(npx, ['playwright', 'test']) : 1;

const unit = readJson('test-results/unit.json');
const e2e = readJson('test-results/e2e.json');
const unitPassed = unit?.numPassedTests ?? 0;
const unitFailed = unit ? unit.numFailedTests : 1;
const e2ePassed = e2e?.stats?.expected ?? 0;
const e2eFailed = e2e ? e2e.stats.unexpected + e2e.stats.flaky : 1;

console.log(`\nUnit: ${unitPassed} passed, ${unitFailed} failed`);
console.log(`End-to-end: ${e2ePassed} passed, ${e2eFailed} failed`);
console.log(`Tests: ${unitPassed + e2ePassed} passed, ${unitFailed + e2eFailed} failed`);

const failed = unitStatus !== 0 || buildStatus !== 0 || e2eStatus !== 0 || unitFailed + e2eFailed > 0;
process.exit(failed ? 1 : 0);
