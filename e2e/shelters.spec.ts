import { mkdir } from 'node:fs/promises';
import { test, expect } from './support/fixtures';
import { completeFirstRun, createShelter, fillShelterForm, openSection, reloadAndUnlock } from './support/flows';

const SHELTER_NAME = 'Qendra kolektive "Mitrovicë" / Колективни центар';

test('create, edit, search and archive a shelter; everything survives a reload', async ({ app }) => {
  const { page } = app;
  await completeFirstRun(page);
  await openSection(page, 'Collective shelters');
  await expect(page.getByText('No shelters yet.')).toBeVisible();

  await createShelter(page, {
    name: SHELTER_NAME,
    municipality: 'Mitrovicë e Jugut / Južna Mitrovica',
    settlement: 'Shipol',
    capacity: '40',
    residents: '31',
  });
  await expect(page.getByRole('status')).toContainText('Shelter saved.');

  // Edit: the change is saved and shows in the record's history.
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('textbox', { name: /Name of the shelter/ })).toHaveValue(SHELTER_NAME);
  await fillShelterForm(page, { residents: '36', status: 'Closure planned' });
  await page.getByRole('button', { name: 'Save' }).click();
  const details = page.getByRole('region', { name: 'Shelter details' });
  await expect(details).toContainText('36');
  await expect(details).toContainText('Closure planned');
  const history = page.getByRole('region', { name: 'Change history' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history).toContainText('Changed by Arta Berisha');
  await expect(history).toContainText('Current residents');

  // Another shelter, so the search has something to leave out.
  await createShelter(page, {
    name: 'Shtëpia e Pleqve Pejë',
    municipality: 'Pejë / Peć',
    capacity: '20',
    residents: '12',
  });

  await page.getByRole('navigation').getByRole('link', { name: 'Collective shelters' }).click();
  const search = page.getByRole('searchbox', { name: 'Search by name' });
  const rows = page.getByRole('table', { name: 'Collective shelters' }).getByRole('row');
  for (const query of ['Mitrovice', 'MITROVICË', 'колективни', 'kolektivni centar']) {
    await search.fill(query);
    await expect(rows).toHaveCount(2); // header row + the one shelter
    await expect(rows.nth(1)).toContainText(SHELTER_NAME);
  }
  await search.fill('');
  await page.getByRole('combobox', { name: 'Municipality' }).selectOption({ label: 'Pejë / Peć' });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Shtëpia e Pleqve');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(3);

  // Reload: nothing is lost.
  await reloadAndUnlock(page);
  await expect(rows).toHaveCount(3);
  await page.getByRole('link', { name: SHELTER_NAME }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SHELTER_NAME);
  await expect(details).toContainText('36');
  await expect(details).toContainText('Shipol');
  await expect(details).toContainText('Mitrovicë e Jugut / Južna Mitrovica');

  // Archive: asks first, leaves the active list, stays restorable.
  await page.getByRole('button', { name: 'Archive' }).click();
  const dialog = page.getByRole('dialog', { name: 'Archive this shelter?' });
  await dialog.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('status')).toContainText('Shelter archived.');
  await expect(page.getByRole('link', { name: SHELTER_NAME })).toHaveCount(0);
  // The filter lives in the URL and React Router applies it in a transition, so the box shows
  // its new state a moment after the click: click, then wait for the state.
  const showArchived = page.getByRole('checkbox', { name: 'Show archived shelters' });
  await showArchived.click();
  await expect(showArchived).toBeChecked();
  await expect(page.getByRole('link', { name: SHELTER_NAME })).toBeVisible();

  await reloadAndUnlock(page);
  await expect(page.getByRole('checkbox', { name: 'Show archived shelters' })).toBeChecked();
  await page.getByRole('link', { name: SHELTER_NAME }).click();
  await expect(page.getByText('Archived', { exact: true })).toBeVisible();
  await expect(details).toContainText('36');
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('link', { name: 'Edit' })).toBeVisible();
});

test('bad input gets a clear message and saves nothing', async ({ app }) => {
  const { page } = app;
  await completeFirstRun(page);
  await openSection(page, 'Collective shelters');
  await page.getByRole('link', { name: 'New shelter' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Please correct the highlighted fields.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: /Name of the shelter/ })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('This field is required.')).toBeVisible();
  await expect(page.getByText("Choose one of Kosovo's 38 municipalities.")).toBeVisible();

  await fillShelterForm(page, {
    name: 'Test shelter',
    municipality: 'Gjakovë / Đakovica',
    capacity: '-5',
    residents: '3',
  });
  await page.getByRole('textbox', { name: 'Contact phone' }).fill('call me maybe');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('The number cannot be negative.')).toBeVisible();
  await expect(page.getByText('Use only digits, spaces, +, - and brackets.')).toBeVisible();

  // Escape cancels: back to the list, which is still empty after a reload.
  await page.getByRole('textbox', { name: /Name of the shelter/ }).press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Collective shelters' })).toBeVisible();
  await reloadAndUnlock(page);
  await expect(page.getByText('No shelters yet.')).toBeVisible();
});

test('screenshot of the shelter list for the docs', async ({ app }, testInfo) => {
  const { page } = app;
  await completeFirstRun(page);
  const shelters = [
    { name: SHELTER_NAME, municipality: 'Mitrovicë e Jugut / Južna Mitrovica', settlement: 'Shipol', capacity: '40', residents: '31' },
    { name: 'Kolektivni centar Šilovo', municipality: 'Gjilan / Gnjilane', settlement: 'Šilovo', capacity: '25', residents: '27' },
    { name: 'Qendra kolektive Plemetin', municipality: 'Obiliq / Obilić', settlement: 'Plemetin', capacity: '60', residents: '44', status: 'Closure planned' },
    { name: 'Колективни центар Грачаница', municipality: 'Graçanicë / Gračanica', settlement: 'Gračanica', capacity: '35', residents: '18' },
  ];
  for (const shelter of shelters) await createShelter(page, shelter);
  await page.getByRole('navigation').getByRole('link', { name: 'Collective shelters' }).click();
  await expect(page.getByRole('table', { name: 'Collective shelters' }).getByRole('row')).toHaveCount(5);
  await page.getByRole('button', { name: 'Close' }).click();
  const shot = await page.screenshot({ fullPage: true });
  await testInfo.attach('shelter-list', { body: shot, contentType: 'image/png' });
  if (process.env.PM_UPDATE_DOCS_SCREENSHOTS === '1') {
    await mkdir('docs/screenshots', { recursive: true });
    await page.screenshot({ path: 'docs/screenshots/shelter-list.png', fullPage: true });
  }
});
