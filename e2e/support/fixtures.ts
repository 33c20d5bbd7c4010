import { test as base, expect, type Page } from '@playwright/test';
import { _electron, chromium, type BrowserContext, type ElectronApplication } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH, E2E_PORT, e2eTarget } from './target';

/**
 * One app instance per test, each with its own fresh profile folder (IndexedDB, localStorage),
 * driven the same way whether it is Chromium on the built renderer or the Electron app.
 */
export interface AppHandle {
  page: Page;
  /** The profile folder: Chromium's --user-data-dir, or Electron's userData. */
  userDataDir: string;
  /** Closes the app and starts it again on the same profile, as a person restarting it would. */
  restart(): Promise<Page>;
  /** Closes the app (the browser or Electron) and leaves the profile folder as it is on disk. */
  stop(): Promise<void>;
}

interface Running {
  page: Page;
  close(): Promise<void>;
}

async function launchBrowser(userDataDir: string, locale: string): Promise<Running> {
  const context: BrowserContext = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    locale,
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`http://127.0.0.1:${E2E_PORT}/`);
  return { page: page as unknown as Page, close: () => context.close() };
}

async function launchElectron(userDataDir: string, locale: string): Promise<Running> {
  const app: ElectronApplication = await _electron.launch({
    args: [resolve('dist/main/main.cjs'), `--lang=${locale}`],
    executablePath: process.env.PM_ELECTRON_PATH,
    env: { ...process.env, PM_USER_DATA_DIR: userDataDir },
  });
  const page = await app.firstWindow();
  return { page: page as unknown as Page, close: () => app.close() };
}

/** Starts the app on a fresh profile; `dispose` closes it and removes the profile. */
async function startApp(systemLocale: string): Promise<{ handle: AppHandle; dispose(): Promise<void> }> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'pm-e2e-'));
  const launch = e2eTarget() === 'electron' ? launchElectron : launchBrowser;
  let running: Running | null = await launch(userDataDir, systemLocale);
  const handle: AppHandle = {
    page: running.page,
    userDataDir,
    async restart() {
      await running?.close();
      running = await launch(userDataDir, systemLocale);
      handle.page = running.page;
      return running.page;
    },
    async stop() {
      await running?.close();
      running = null;
    },
  };
  return {
    handle,
    async dispose() {
      await running?.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{
  app: AppHandle;
  /** Another installation (e.g. Headquarters beside a field device), each with its own profile. */
  anotherApp: () => Promise<AppHandle>;
  systemLocale: string;
}>({
  systemLocale: ['en-US', { option: true }],
  app: async ({ systemLocale }, use) => {
    const started = await startApp(systemLocale);
    await use(started.handle);
    await started.dispose();
  },
  anotherApp: async ({ systemLocale }, use) => {
    const started: { dispose(): Promise<void> }[] = [];
    await use(async () => {
      const app = await startApp(systemLocale);
      started.push(app);
      return app.handle;
    });
    for (const app of started) await app.dispose();
  },
});

export { expect };
