import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { completeFirstRun, openSection } from './support/flows';

const run = promisify(execFile);

async function openReports(page: Page) {
  await completeFirstRun(page);
  await openSection(page, 'Reports');
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
}

test('makes a period summary in the background, with a progress bar, and downloads the PDF', async ({ app }) => {
  const { page } = app;
  await openReports(page);
  // The report language is chosen at export, whatever the language of the app.
  await page.getByRole('combobox', { name: 'Report language' }).selectOption('sr-Cyrl');
  await page.getByRole('group', { name: /Municipalities/ }).getByRole('checkbox', { name: 'Prizren' }).check();
  await page.getByRole('checkbox', { name: 'Add the list of visits as an annex' }).check();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Create PDF' }).click();
  await expect(page.getByRole('progressbar', { name: 'Building the report' })).toBeVisible();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^period-summary-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf$/);

  const path = await file.path();
  const bytes = await readFile(path);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path, '-']);
  expect(stdout).toContain('Периодични преглед мониторинга заштите');
  expect(stdout).toContain('Призрен');
  expect(stdout).toMatch(/Страна 1 од \d+/);

  await expect(page.getByText(/^Report saved: period-summary-/)).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Building the report' })).toHaveAttribute('value', '100');
  const sent = page.getByRole('table', { name: 'Reports made on this computer' });
  await expect(sent.getByRole('row')).toHaveCount(2);
  await expect(sent).toContainText('Period summary');
  await expect(sent).toContainText('Српски – ћирилица');
});

test('cancel stops the report: nothing is downloaded, and the next report still works', async ({ app }) => {
  const { page } = app;
  await openReports(page);
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));

  // Hold the fonts back, so the report worker is still waiting when Cancel is pressed.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let fontRequested: () => void = () => undefined;
  const requested = new Promise<void>((resolve) => (fontRequested = resolve));
  await page.route('**/*.ttf', async (route) => {
    fontRequested();
    await held;
    await route.continue().catch(() => undefined);
  });

  await page.getByRole('button', { name: 'Create PDF' }).click();
  await expect(page.getByRole('progressbar', { name: 'Building the report' })).toBeVisible();
  await requested;
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Cancelled. Nothing was saved.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  release();
  await page.unroute('**/*.ttf');
  await expect(page.getByText('No reports made yet.')).toBeVisible();

  // The same page makes the next report normally.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Create PDF' }).click();
  await download;
  await expect(page.getByText(/^Report saved:/)).toBeVisible();
  expect(downloads).toHaveLength(1);
});

test('refuses a period that ends before it starts', async ({ app }) => {
  const { page } = app;
  await openReports(page);
  await page.getByLabel('From').fill('2025-06-30');
  await page.getByLabel('To', { exact: true }).fill('2025-06-01');
  await expect(page.getByRole('alert')).toHaveText('The end of the period is before its start.');
  await expect(page.getByRole('button', { name: 'Create PDF' })).toBeDisabled();
});
