import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './target';

/**
 * Chromium on a persistent profile, started by the test itself so that it holds the process:
 * Playwright's `launchPersistentContext` gives no process id (microsoft/playwright#14910), and
 * the fault test must be able to kill the browser like a power cut would. Chromium is spawned
 * in a process group of its own with a DevTools port, and Playwright connects to it over CDP.
 */
export interface FaultBrowser {
  browser: Browser;
  page: Page;
  /** Closes the page only, as a person closing the window would (the browser keeps running). */
  closePage(): Promise<void>;
  /** SIGKILL to the browser and every process it started, at once; resolves when the browser is gone. */
  kill(): Promise<void>;
  /** An orderly shutdown (CDP Browser.close); resolves when the process has exited. */
  close(): Promise<void>;
}

function devToolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match) {
        child.stderr?.off('data', onData);
        child.off('exit', onExit);
        // Keep draining stderr so Chromium never blocks on a full pipe.
        child.stderr?.resume();
        resolve(match[1]!);
      }
    };
    const onExit = (code: number | null) =>
      reject(new Error(`Chromium exited (${code}) before DevTools was ready:\n${output.slice(-2000)}`));
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

export async function launchFaultBrowser(userDataDir: string, url: string): Promise<FaultBrowser> {
  const child = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_ARGS,
      '--headless',
      `--user-data-dir=${userDataDir}`,
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
      '--no-default-browser-check',
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = once(child, 'exit');
  let browser: Browser;
  try {
    browser = await chromium.connectOverCDP(await devToolsEndpoint(child));
  } catch (error) {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    throw error;
  }
  const context = browser.contexts()[0]!;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  return {
    browser,
    page,
    closePage: () => page.close(),
    async kill() {
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    },
    async close() {
      if (child.exitCode !== null) return;
      const session = await browser.newBrowserCDPSession();
      await session.send('Browser.close').catch(() => undefined);
      await exited;
    },
  };
}
