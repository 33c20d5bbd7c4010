import { defineConfig } from '@playwright/test';
import { E2E_PORT, e2eTarget } from './e2e/support/target';

/**
 * End-to-end specs drive the built renderer in Debian's Chromium (default), or the packaged
 * Electron app where an Electron binary exists (PM_E2E_TARGET=electron). See README.
 */
export default defineConfig({
  testDir: 'e2e',
  // The fault test starts and kills Chromium itself on the served renderer: browser target only.
  testIgnore: e2eTarget() === 'electron' ? ['**/importFault.spec.ts'] : [],
  outputDir: 'test-results/e2e-output',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: true,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  webServer:
    e2eTarget() === 'browser'
      ? {
          command: `node scripts/serve-renderer.mjs --port ${E2E_PORT}`,
          url: `http://127.0.0.1:${E2E_PORT}/`,
          reuseExistingServer: false,
          timeout: 60_000,
        }
      : undefined,
});
