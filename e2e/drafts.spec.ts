import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { completeFirstRun, fillShelterForm, openSection, reloadAndUnlock } from './support/flows';

const DRAFT_NAME = 'Qendra kolektive Plemetin / Племетина';
const draftRegion = (page: Page) => page.getByRole('region', { name: 'Unfinished draft' });
const nameField = (page: Page) => page.getByRole('textbox', { name: /Name of the shelter/ });
const capacityField = (page: Page) => page.getByRole('spinbutton', { name: /Capacity/ });
/** Shown only once the form is being autosaved, i.e. no older draft is waiting to be resumed. */
const draftSaved = (page: Page) => page.getByText(/^Draft saved at /);

async function openNewShelterForm(page: Page) {
  await openSection(page, 'Collective shelters');
  await page.getByRole('link', { name: 'New shelter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New collective shelter' })).toBeVisible();
}

test('a half-filled shelter form survives a reload, is resumed and saved, and its draft is gone', async ({
  app,
}) => {
  const { page } = app;
  await completeFirstRun(page);
  await openNewShelterForm(page);
  await expect(draftRegion(page)).toHaveCount(0);

  await fillShelterForm(page, { name: DRAFT_NAME, capacity: '45' });
  await expect(draftSaved(page)).toBeVisible();

  // The monitor's laptop restarts the page mid-way: the form opens empty and offers the draft.
  await reloadAndUnlock(page);
  await expect(draftRegion(page)).toBeVisible();
  await expect(draftRegion(page)).toContainText('You have an unfinished draft of this form');
  await expect(nameField(page)).toHaveValue('');
  await draftRegion(page).getByRole('button', { name: 'Resume draft' }).click();
  await expect(draftRegion(page)).toHaveCount(0);
  await expect(nameField(page)).toHaveValue(DRAFT_NAME);
  await expect(capacityField(page)).toHaveValue('45');

  await fillShelterForm(page, { municipality: 'Obiliq / Obilić', residents: '38' });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: DRAFT_NAME })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Shelter details' })).toContainText('45');

  // The saved form left no draft behind: a new form offers nothing, even after a reload.
  await openNewShelterForm(page);
  await reloadAndUnlock(page);
  await expect(nameField(page)).toHaveValue('');
  await nameField(page).fill('Another shelter');
  await expect(draftSaved(page)).toBeVisible();
  await expect(draftRegion(page)).toHaveCount(0);
});

test('a discarded draft leaves an empty form and is not offered again', async ({ app }) => {
  const { page } = app;
  await completeFirstRun(page);
  await openNewShelterForm(page);
  await fillShelterForm(page, { name: DRAFT_NAME, capacity: '45' });
  await expect(draftSaved(page)).toBeVisible();

  await reloadAndUnlock(page);
  await draftRegion(page).getByRole('button', { name: 'Discard draft' }).click();
  await expect(draftRegion(page)).toHaveCount(0);
  await expect(nameField(page)).toHaveValue('');
  await expect(capacityField(page)).toHaveValue('0');

  await reloadAndUnlock(page);
  await expect(nameField(page)).toHaveValue('');
  await capacityField(page).fill('12');
  await expect(draftSaved(page)).toBeVisible();
  await expect(draftRegion(page)).toHaveCount(0);
});

test('leaving a form at once with Escape still keeps what was typed', async ({ app }) => {
  const { page } = app;
  await completeFirstRun(page);
  await openNewShelterForm(page);
  await nameField(page).fill(DRAFT_NAME);
  // No wait for the autosave: leaving the form writes the draft straight away.
  await nameField(page).press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Collective shelters' })).toBeVisible();

  await page.getByRole('link', { name: 'New shelter' }).click();
  await draftRegion(page).getByRole('button', { name: 'Resume draft' }).click();
  await expect(nameField(page)).toHaveValue(DRAFT_NAME);
});
