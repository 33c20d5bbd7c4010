import type { Download, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { test, expect } from './support/fixtures';
import { completeFirstRun, createShelter, openSection } from './support/flows';
import { registerReturneeHousehold } from './support/householdFlows';
import { recordShelterVisit } from './support/visitFlows';

interface SavedFile {
  name: string;
  buffer: Buffer;
}

/** Clicks a button that saves a file and returns it, under the name the app gave it. */
async function saveFile(page: Page, button: string): Promise<SavedFile> {
  const download: Promise<Download> = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await download;
  return { name: file.suggestedFilename(), buffer: await readFile((await file.path())!) };
}

/** Clicks a button that opens a file and hands it the file, as a person carrying it over would. */
async function openFile(page: Page, button: string, file: SavedFile) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.buffer });
}

test('a field device sends a household and a visit to HQ, which merges them and acknowledges', async ({
  app,
  anotherApp,
}) => {
  // Headquarters: its organisation file goes to every device.
  const hq = app.page;
  await completeFirstRun(hq, { monitorName: 'Besa Krasniqi', organisation: 'UNHCR Kosovo', deviceName: 'HQ Pristina', role: 'hq' });
  await openSection(hq, 'Headquarters');
  const organisationFile = await saveFile(hq, 'Save the organisation file…');
  const hqFingerprint = await hq.getByRole('definition').filter({ hasText: /^[0-9A-F]{4}( [0-9A-F]{4})+/ }).first().innerText();

  // The field device trusts it after comparing the fingerprint.
  const field = (await anotherApp()).page;
  await completeFirstRun(field, { monitorName: 'Arta Berisha' });
  await openSection(field, 'Send to HQ');
  await openFile(field, 'Import the organisation file…', organisationFile);
  await expect(field.getByLabel('Fingerprint', { exact: true })).toHaveText(hqFingerprint);
  await field.getByRole('button', { name: 'The fingerprints are the same: trust this organisation' }).click();
  await expect(field.getByRole('status').filter({ hasText: 'The organisation file was imported.' })).toBeVisible();

  // It records a shelter with a visit and a household, then sends them.
  await createShelter(field, { name: 'Qendra kolektive Shipol', municipality: 'Mitrovicë e Jugut / Južna Mitrovica', capacity: '40', residents: '31' });
  await recordShelterVisit(field, { residents: { adultsFemale: '4' }, observations: 'Roof repaired.' });
  await registerReturneeHousehold(field);
  await openSection(field, 'Send to HQ');
  await expect(field.getByText(/changes have not been acknowledged/)).toBeVisible();
  const deviceFile = await saveFile(field, 'Save the device file…');
  const bundle = await saveFile(field, 'Save a data file for headquarters…');
  expect(bundle.name).toMatch(/\.pmbundle$/);
  const deviceFingerprint = await field.getByRole('definition').filter({ hasText: /^[0-9A-F]{4}( [0-9A-F]{4})+/ }).last().innerText();

  // HQ: the bundle of an unknown device is held; enrolling the device (fingerprint compared) merges it.
  await openFile(hq, 'Import a file…', bundle);
  await expect(hq.getByRole('status').filter({ hasText: 'which is not enrolled: it is held' })).toBeVisible();
  await openFile(hq, 'Import a file…', deviceFile);
  await expect(hq.getByLabel('Device fingerprint', { exact: true })).toHaveText(deviceFingerprint);
  await hq.getByRole('button', { name: 'The fingerprints are the same: enrol the device' }).click();
  await expect(hq.getByRole('status').filter({ hasText: 'Laptop Mitrovica 2 is enrolled; 1 held file was imported.' })).toBeVisible();
  await expect(hq.getByRole('table', { name: 'Devices' }).getByRole('row')).toHaveCount(2);

  // The records are at HQ: found by name, the visit on the shelter's page.
  await openSection(hq, 'Households');
  await hq.getByRole('searchbox', { name: 'Search by name' }).fill('Ђорђевић');
  await expect(hq.getByRole('link', { name: 'Dragan Đorđević' })).toBeVisible();
  await openSection(hq, 'Collective shelters');
  await hq.getByRole('link', { name: 'Qendra kolektive Shipol' }).click();
  await expect(hq.getByRole('region', { name: 'Monitoring visits', exact: true }).getByRole('row')).toHaveCount(2);

  // HQ acknowledges; the device applies it and has nothing left to send.
  await openSection(hq, 'Headquarters');
  const ack = await saveFile(hq, 'Save the acknowledgement for Laptop Mitrovica 2…');
  await openFile(field, 'Import an acknowledgement…', ack);
  await expect(field.getByRole('status').filter({ hasText: 'Acknowledgement applied: 1 data file confirmed.' })).toBeVisible();
  await expect(field.getByText('Headquarters has acknowledged every change.')).toBeVisible();

  // The same bundle again changes nothing at HQ.
  await openFile(hq, 'Import a file…', bundle);
  await expect(hq.getByRole('status').filter({ hasText: 'was imported before: nothing changed.' })).toBeVisible();
});
