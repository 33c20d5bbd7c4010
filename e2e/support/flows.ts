import { expect, type Page } from '@playwright/test';

/** The first-run screen: the monitor's name, in whatever language the screen is in. */
export async function completeFirstRun(page: Page, monitorName = 'Arta Berisha', startLabel = 'Start') {
  await page.getByRole('textbox', { name: /name|emri|ime|име/i }).fill(monitorName);
  await page.getByRole('button', { name: startLabel }).click();
  await expect(page.getByRole('navigation')).toBeVisible();
}

export async function openSection(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
}

export interface ShelterValues {
  name: string;
  municipality: string;
  capacity: string;
  residents: string;
  settlement?: string;
  status?: string;
}

export async function fillShelterForm(page: Page, values: Partial<ShelterValues>) {
  if (values.name !== undefined) await page.getByRole('textbox', { name: /Name of the shelter/ }).fill(values.name);
  if (values.municipality)
    await page.getByRole('combobox', { name: /^Municipality/ }).selectOption({ label: values.municipality });
  if (values.settlement !== undefined)
    await page.getByRole('textbox', { name: /Settlement/ }).fill(values.settlement);
  if (values.capacity !== undefined) await page.getByRole('spinbutton', { name: /Capacity/ }).fill(values.capacity);
  if (values.residents !== undefined)
    await page.getByRole('spinbutton', { name: /Current residents/ }).fill(values.residents);
  if (values.status) await page.getByRole('combobox', { name: /^Status/ }).selectOption({ label: values.status });
}

export async function createShelter(page: Page, values: ShelterValues) {
  await page.getByRole('navigation').getByRole('link', { name: 'Collective shelters' }).click();
  await page.getByRole('link', { name: 'New shelter' }).click();
  await fillShelterForm(page, values);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: values.name })).toBeVisible();
}
