import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { csvTables, readCsvZip, readXlsx } from '../shared/exports/testing/readExport';
import { expect, test } from './support/fixtures';
import { completeFirstRun, openSection } from './support/flows';
import { registerReturneeHousehold, THREE_MEMBERS } from './support/householdFlows';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Registers the Đorđević household and returns its database id, read from the page's address. */
async function registerHousehold(page: Page): Promise<string> {
  await completeFirstRun(page);
  await registerReturneeHousehold(page);
  const id = new URL(page.url()).hash.match(/#\/households\/([0-9a-f-]{36})$/)?.[1];
  expect(id, 'the household page address holds its id').toMatch(UUID);
  return id!;
}

async function openExports(page: Page) {
  await openSection(page, 'Export data');
  await expect(page.getByRole('heading', { level: 1, name: 'Export data' })).toBeVisible();
}

async function exportAndDownload(page: Page): Promise<{ name: string; bytes: Uint8Array }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  const bytes = new Uint8Array(await readFile(await file.path()));
  await expect(page.getByText(`Export saved: ${file.suggestedFilename()}`, { exact: false })).toBeVisible();
  return { name: file.suggestedFilename(), bytes };
}

test('a pseudonymised CSV export has no names and no database ids, and its files still join', async ({ app }) => {
  const { page } = app;
  const householdId = await registerHousehold(page);
  await openExports(page);

  // Pseudonymised CSV, every record type: the defaults.
  await expect(page.getByRole('checkbox', { name: 'Pseudonymise (no names, contacts or real ids)' })).toBeChecked();
  await expect(page.getByRole('radio', { name: /^CSV files/ })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Records to export' }).getByRole('checkbox', { checked: true })).toHaveCount(7);

  const { name, bytes } = await exportAndDownload(page);
  expect(name).toMatch(/^protection-monitor-export-pseudonymised-\d{4}-\d{2}-\d{2}\.zip$/);
  expect(Object.keys(readCsvZip(bytes))).toEqual([
    'shelters.csv',
    'households.csv',
    'persons.csv',
    'shelter-visits.csv',
    'household-visits.csv',
    'referrals.csv',
    'follow-ups.csv',
  ]);

  const everything = Object.values(readCsvZip(bytes)).join('\n');
  for (const member of THREE_MEMBERS) expect(everything).not.toContain(member.fullName);
  for (const text of ['Đorđević', 'Ђорђевић', 'Kraljevo', 'Drsnik', 'Arta Berisha', '1961-03-14', householdId])
    expect(everything).not.toContain(text);
  expect(everything, 'no database id of any kind').not.toMatch(UUID);

  const tables = csvTables(bytes);
  const households = tables['households.csv']!;
  const persons = tables['persons.csv']!;
  expect(households.header).not.toContain('Head of household');
  expect(persons.header).not.toContain('Full name');
  expect(households.rows).toHaveLength(1);
  const pseudonym = households.rows[0]!['ID']!;
  expect(pseudonym).toMatch(/^[0-9a-f]{20}$/);
  expect(persons.rows.map((p) => p['Household ID'])).toEqual([pseudonym, pseudonym, pseudonym]);
  // What analysts count on is still there: codes, and ages instead of dates of birth.
  expect(households.rows[0]!['Municipality of return (code)']).toBe('kline');
  expect(persons.rows.map((p) => p['Sex']).sort()).toEqual(['female', 'male', 'male']);
  expect(persons.rows.find((p) => p['Estimated age'] === '17')?.['Age on the export date']).toBe('17');
});

test('a full XLSX export carries the names, one sheet per record type', async ({ app }) => {
  const { page } = app;
  const householdId = await registerHousehold(page);
  await openExports(page);

  await page.getByRole('checkbox', { name: 'Pseudonymise (no names, contacts or real ids)' }).uncheck();
  await expect(page.getByText(/^This export will contain names, contact details and notes/)).toBeVisible();
  await page.getByRole('radio', { name: /^One Excel workbook/ }).check();

  const { name, bytes } = await exportAndDownload(page);
  expect(name).toMatch(/^protection-monitor-export-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = readXlsx(bytes);
  expect(book.sheets).toEqual([
    'Collective shelters',
    'Households',
    'Household members',
    'Shelter visits',
    'Household visits',
    'Referrals',
    'Follow-ups',
  ]);
  for (const member of THREE_MEMBERS) expect(book.strings).toContain(member.fullName);
  expect(book.strings).toContain(householdId);
  expect(book.strings).toContain('Full name');
  expect(book.strings).toContain('1961-03-14');
});

test('the export can be limited to some record types', async ({ app }) => {
  const { page } = app;
  await registerHousehold(page);
  await openExports(page);
  const types = page.getByRole('group', { name: 'Records to export' });
  for (const label of ['Collective shelters', 'Shelter visits', 'Household visits', 'Referrals', 'Follow-ups'])
    await types.getByRole('checkbox', { name: label }).uncheck();

  const { bytes } = await exportAndDownload(page);
  expect(Object.keys(readCsvZip(bytes))).toEqual(['households.csv', 'persons.csv']);

  await types.getByRole('checkbox', { name: 'Households' }).uncheck();
  await types.getByRole('checkbox', { name: 'Household members' }).uncheck();
  await expect(page.getByText('Choose at least one kind of record.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeDisabled();
});
