import { expect, type Page } from '@playwright/test';
import { anyLanguage } from './catalogLabels';

/** Meets the app's passphrase minimum (four uncommon words). */
export const E2E_PASSPHRASE = 'mulberry kettle Drenica violin river';

export interface SetupOptions {
  monitorName?: string;
  organisation?: string;
  deviceName?: string;
  passphrase?: string;
  /** Headquarters instead of a field device. */
  role?: 'field' | 'hq';
}

/**
 * First run, in whatever language the screen is in: who is using the laptop and their
 * passphrase, then the recovery key sheet. Returns the recovery key shown once.
 */
export async function completeFirstRun(page: Page, options: SetupOptions = {}): Promise<string> {
  const passphrase = options.passphrase ?? E2E_PASSPHRASE;
  await page.getByLabel(anyLanguage('vault.setup.organisation')).fill(options.organisation ?? 'Civil Rights Program Kosovo');
  await page.getByLabel(anyLanguage('firstRun.monitorName')).fill(options.monitorName ?? 'Arta Berisha');
  await page.getByLabel(anyLanguage('vault.setup.deviceName')).fill(options.deviceName ?? 'Laptop Mitrovica 2');
  if (options.role === 'hq') await page.getByRole('radio', { name: anyLanguage('vault.setup.roleHq') }).check();
  await page.getByLabel(anyLanguage('vault.passphraseLabel')).fill(passphrase);
  await page.getByLabel(anyLanguage('vault.confirmPassphrase')).fill(passphrase);
  await page.getByRole('button', { name: anyLanguage('vault.setup.create') }).click();
  const recoveryKey = (await page.getByLabel(anyLanguage('vault.recoveryKey.label')).innerText()).replace(/\s+/g, '-');
  await page.getByRole('checkbox', { name: anyLanguage('vault.recoveryKey.kept') }).check();
  await page.getByRole('button', { name: anyLanguage('vault.recoveryKey.continue') }).click();
  await expect(page.getByRole('navigation')).toBeVisible();
  return recoveryKey;
}

/** The sign-in screen after a restart, a reload or a lock. */
export async function unlock(page: Page, passphrase = E2E_PASSPHRASE) {
  await page.getByLabel(anyLanguage('vault.passphraseLabel')).fill(passphrase);
  await page.getByRole('button', { name: anyLanguage('vault.unlock.submit') }).click();
  await expect(page.getByRole('navigation')).toBeVisible();
}

/** A reload locks the vault (nothing decrypted survives it): reload, then sign in again. */
export async function reloadAndUnlock(page: Page, passphrase = E2E_PASSPHRASE) {
  await page.reload();
  await unlock(page, passphrase);
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
