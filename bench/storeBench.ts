import type { Page } from 'playwright-core';
import core from '../renderer/src/i18n/locales/en/core.json';
import vault from '../renderer/src/i18n/locales/en/vault.json';
import {
  heapAfterGc,
  inPage,
  openBenchPage,
  type BenchScenario,
  type BenchSuite,
  type Figures,
} from './benchTypes';
import { coldStartScenario } from './coldStart';
import { BENCH_PASSPHRASE, bulkBatch, ensureData, label, params } from './storeData';
import { syncScenarios } from './syncBench';

/**
 * The data scenarios of `npm run bench`, in one browser profile: a vault is set up through the
 * app's setup screen, the synthetic data set (renderer/src/bench/dataset) is written into it
 * through the repositories, and the read side, sync, memory and cold start are measured on it.
 * The in-page half is renderer/src/bench/storeScenarios.ts.
 */
/** First run through the real setup screen, as a monitor would do it (e2e/support/flows.ts does the same). */
async function setUpVault(page: Page): Promise<boolean> {
  const setup = page.getByLabel(label(vault.vault.setup.organisation));
  const nav = page.getByRole('navigation');
  await setup.or(nav).first().waitFor({ timeout: 60_000 });
  if (!(await setup.isVisible())) return false;
  await setup.fill('Civil Rights Program Kosovo');
  await page.getByLabel(label(core.firstRun.monitorName)).fill('Arta Berisha');
  await page.getByLabel(label(vault.vault.setup.deviceName)).fill('Laptop Mitrovica 2');
  await page.getByLabel(label(vault.vault.passphraseLabel)).fill(BENCH_PASSPHRASE);
  await page.getByLabel(label(vault.vault.confirmPassphrase)).fill(BENCH_PASSPHRASE);
  await page.getByRole('button', { name: vault.vault.setup.create }).click();
  await page.getByRole('checkbox', { name: vault.vault.recoveryKey.kept }).check({ timeout: 60_000 });
  await page.getByRole('button', { name: vault.vault.recoveryKey.continue }).click();
  await nav.waitFor();
  return true;
}

function queryScenario(name: string, title: string, pageScenario: string, p95Target?: number): BenchScenario {
  return {
    name,
    title,
    runs: { S: 5, L: 5 },
    metrics: [
      { key: 'queryMedianMs', label: 'median of 200 queries', unit: 'ms' },
      {
        key: 'queryP95Ms',
        label: 'p95 of 200 queries',
        unit: 'ms',
        ...(p95Target ? { target: { max: p95Target, scales: ['L' as const] } } : {}),
      },
      { key: 'queryMaxMs', label: 'slowest of 200 queries', unit: 'ms' },
    ],
    async run(ctx, i) {
      await ensureData(ctx);
      return (await inPage(ctx.page, pageScenario, params(ctx, { count: 200, seed: 100 + i }))).result;
    },
  };
}

const writeScenario: BenchScenario = {
  name: 'store.write',
  title: 'Writing the data set: repositories vs raw IndexedDB bulk write of the same records',
  runs: { S: 3, L: 1 },
  warmUp: false,
  metrics: [
    { key: 'appToRaw', label: 'repositories ÷ raw bulk write, throughput', unit: 'x', target: { min: 0.8 } },
    {
      key: 'appRecordsPerSecond',
      label: 'repositories (validated, sealed, audited)',
      unit: 'records/s',
    },
    { key: 'savesPerTransaction', label: 'saves per transaction (S: as the forms save; L: a bulk load)', unit: 'count' },
    {
      key: 'rawRecordsPerSecond',
      label: 'raw IndexedDB bulk write (one transaction, no Dexie, no encryption)',
      unit: 'records/s',
    },
    {
      key: 'sealedRecordsPerSecond',
      label: 'Dexie bulkAdd through the sealing middleware (one transaction)',
      unit: 'records/s',
    },
    { key: 'sealedToRaw', label: 'sealed bulk write ÷ raw bulk write, throughput', unit: 'x' },
    { key: 'appMs', label: 'repositories, total', unit: 'ms', show: 's' },
    { key: 'rawMs', label: 'raw bulk write, total', unit: 'ms', show: 's' },
    { key: 'sealedMs', label: 'sealed bulk write, total', unit: 'ms', show: 's' },
    {
      key: 'validationMs',
      label: 'of which: validation alone (shared schemas + questionnaire checks)',
      unit: 'ms',
      show: 's',
    },
    { key: 'encodeMs', label: 'encoding the sealed fields of every record', unit: 'ms', show: 's' },
    {
      key: 'xchachaMs',
      label: 'XChaCha20-Poly1305 over them, @noble/ciphers (synchronous, as used)',
      unit: 'ms',
      show: 's',
    },
    {
      key: 'nobleGcmMs',
      label: 'AES-256-GCM over them, @noble/ciphers (synchronous, as used before)',
      unit: 'ms',
      show: 's',
    },
    {
      key: 'webCryptoGcmMs',
      label: 'AES-256-GCM over them, WebCrypto (asynchronous)',
      unit: 'ms',
      show: 's',
    },
    { key: 'msPer_household', label: 'per registration (household + its members)', unit: 'ms' },
    { key: 'msPer_householdVisit', label: 'per household visit', unit: 'ms' },
    { key: 'msPer_referral', label: 'per referral', unit: 'ms' },
  ],
  async run(ctx) {
    const { result } = await inPage(ctx.page, 'store.write', params(ctx, { batch: bulkBatch(ctx) }));
    ctx.state.dataReady = true;
    return result;
  },
};

const dashboardScenario: BenchScenario = {
  name: 'store.dashboard',
  title: 'Dashboard: time to all counts (20 calls a run)',
  runs: { S: 5, L: 5 },
  metrics: [
    { key: 'countsMedianMs', label: 'median', unit: 'ms', target: { max: 200, scales: ['L'] } },
    { key: 'countsMaxMs', label: 'slowest of 20', unit: 'ms' },
    { key: 'firstMs', label: 'first call of the run', unit: 'ms' },
  ],
  async run(ctx) {
    await ensureData(ctx);
    return (await inPage(ctx.page, 'store.dashboard', params(ctx, { count: 20 }))).result;
  },
};

const memoryScenario: BenchScenario = {
  name: 'memory',
  title: 'JS heap of the page (after a full GC): store open, then after 200 list pages and 200 name searches',
  runs: { S: 3, L: 3 },
  warmUp: false,
  metrics: [
    { key: 'heapAfterOpen', label: 'after unlocking and opening the store', unit: 'bytes', show: 'MiB' },
    {
      key: 'heapAfterQueries',
      label: 'after the list and search queries',
      unit: 'bytes',
      show: 'MiB',
      target: { max: 200 * 1024 * 1024, scales: ['L'] },
    },
    {
      key: 'unlockMs',
      label: 'meanwhile: unlocking the vault (PBKDF2-SHA256, 600,000 iterations, key unwrap)',
      unit: 'ms',
    },
  ],
  async run(ctx, i): Promise<Figures> {
    await ensureData(ctx);
    // A new page load: nothing of the earlier scenarios stays in the heap.
    await openBenchPage(ctx, '#/households');
    const opened = await inPage(ctx.page, 'store.open', { passphrase: String(ctx.state.passphrase ?? '') });
    const heapAfterOpen = await heapAfterGc(ctx.cdp);
    await inPage(ctx.page, 'store.queries', params(ctx, { count: 200, seed: 300 + i }));
    const heapAfterQueries = await heapAfterGc(ctx.cdp);
    return { heapAfterOpen, heapAfterQueries, unlockMs: opened.result.unlockMs ?? 0 };
  },
};

export const suites: BenchSuite[] = [
  {
    name: 'store',
    title: 'Data: writes, lists, search, dashboard, sync, memory, cold start',
    async setup(ctx) {
      await openBenchPage(ctx, '#/households');
      const hasVault = await setUpVault(ctx.page);
      ctx.state.passphrase = hasVault ? BENCH_PASSPHRASE : '';
      ctx.log(
        hasVault
          ? 'vault set up through the setup screen'
          : 'no setup screen: the bench uses a database of its own',
      );
      // Reloading locks the app again, so only the bench's own connection writes meanwhile.
      await openBenchPage(ctx, '#/households');
      const opened = await inPage(ctx.page, 'store.open', { passphrase: String(ctx.state.passphrase) });
      ctx.state.unlockMs = opened.result.unlockMs;
    },
    scenarios: [
      writeScenario,
      queryScenario(
        'list.households',
        'Household list: status × community, newest first, first page of 50 with total',
        'store.list.households',
        10,
      ),
      queryScenario(
        'list.referrals',
        'Referral list: by status, ordered by due date, first page of 50 with total',
        'store.list.referrals',
      ),
      queryScenario('list.shelters', 'Shelter registry: municipality × status', 'store.list.shelters'),
      queryScenario(
        'search.names',
        'Name search (other script or no diacritics half the time), first page of 50',
        'store.search',
        50,
      ),
      dashboardScenario,
      memoryScenario,
      coldStartScenario,
      // Last: at scale L one bundle of everything may be more than a page can hold.
      ...syncScenarios,
    ],
  },
];
