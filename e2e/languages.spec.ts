import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { completeFirstRun, createShelter, openSection, reloadAndUnlock, unlock } from './support/flows';

/** What each language must show: a few known strings and a municipality name. */
const expected = {
  en: { option: 'English', shelters: 'Collective shelters', settings: 'Settings', newShelter: 'New shelter', municipality: 'Gjakovë / Đakovica' },
  sq: { option: 'Shqip', shelters: 'Qendrat kolektive', settings: 'Cilësimet', newShelter: 'Qendër e re', municipality: 'Gjakovë' },
  'sr-Latn': { option: 'Srpski – latinica', shelters: 'Kolektivni centri', settings: 'Podešavanja', newShelter: 'Novi centar', municipality: 'Đakovica' },
  'sr-Cyrl': { option: 'Српски – ћирилица', shelters: 'Колективни центри', settings: 'Подешавања', newShelter: 'Нови центар', municipality: 'Ђаковица' },
} as const;
type Lang = keyof typeof expected;

const languageSelect = (page: Page) => page.getByRole('combobox', { name: /^(Language|Gjuha|Jezik|Језик)$/ });

async function chooseLanguage(page: Page, lang: Lang) {
  await languageSelect(page).selectOption({ value: lang });
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

async function expectLanguage(page: Page, lang: Lang) {
  const e = expected[lang];
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: e.shelters, exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: e.settings, exact: true })).toBeVisible();
  await nav.getByRole('link', { name: e.shelters, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: e.shelters })).toBeVisible();
  await expect(page.getByRole('link', { name: e.newShelter })).toBeVisible();
  // The municipality filter lists reference names in the chosen language.
  await expect(page.getByRole('option', { name: e.municipality, exact: true })).toHaveCount(1);
  await nav.getByRole('link', { name: e.settings, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: e.settings })).toBeVisible();
}

test('switches through all four languages and keeps the choice across reload and restart', async ({ app }) => {
  let page = app.page;
  await completeFirstRun(page);
  await openSection(page, 'Settings');
  for (const lang of ['sq', 'sr-Latn', 'sr-Cyrl', 'en'] as const) {
    await chooseLanguage(page, lang);
    await expectLanguage(page, lang);
    await expect(languageSelect(page).getByRole('option', { name: expected[lang].option })).toHaveCount(1);
  }

  await chooseLanguage(page, 'sr-Cyrl');
  await reloadAndUnlock(page);
  await expectLanguage(page, 'sr-Cyrl');

  page = await app.restart();
  await unlock(page);
  await expectLanguage(page, 'sr-Cyrl');
});

test('Serbian uses its three plural forms', async ({ app }) => {
  const { page } = app;
  await completeFirstRun(page);
  await createShelter(page, { name: 'Centar A', municipality: 'Pejë / Peć', capacity: '10', residents: '1' });
  await createShelter(page, { name: 'Centar B', municipality: 'Pejë / Peć', capacity: '10', residents: '1' });
  await openSection(page, 'Settings');
  await chooseLanguage(page, 'sr-Latn');
  await openSection(page, 'Kolektivni centri');
  await expect(page.getByText('2 kolektivna centra')).toBeVisible();
  await expect(page.getByText('2 smeštena lica', { exact: false })).toBeVisible();
  await chooseLanguageFromSettings(page, 'sq', 'Podešavanja');
  await openSection(page, 'Qendrat kolektive');
  await expect(page.getByText('2 qendra kolektive')).toBeVisible();
  // Dates follow Albanian conventions even where the browser's ICU lacks Albanian.
  const updated = page.getByRole('table').getByRole('row').nth(1).getByRole('cell').last();
  await expect(updated).toHaveText(/^(\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2} \p{L}{3,} \d{4})$/u);
});

async function chooseLanguageFromSettings(page: Page, lang: Lang, settingsName: string) {
  await openSection(page, settingsName);
  await chooseLanguage(page, lang);
}

test('search finds a record whatever the script or diacritics', async ({ app }) => {
  const { page } = app;
  await completeFirstRun(page);
  await createShelter(page, { name: 'Kolektivni centar Đakovica', municipality: 'Gjakovë / Đakovica', capacity: '20', residents: '9' });
  await createShelter(page, { name: 'Qendra kolektive "Mitrovicë"', municipality: 'Mitrovicë e Jugut / Južna Mitrovica', capacity: '20', residents: '9' });
  await openSection(page, 'Collective shelters');
  const rows = page.getByRole('table', { name: 'Collective shelters' }).getByRole('row');
  for (const [query, found] of [
    ['Djakovica', 'Đakovica'],
    ['Đakovica', 'Đakovica'],
    ['Ђаковица', 'Đakovica'],
    ['Mitrovice', 'Mitrovicë'],
    ['Митровице', 'Mitrovicë'],
  ] as const) {
    await page.getByRole('searchbox', { name: 'Search by name' }).fill(query);
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText(found);
  }
});

test.describe('with an Albanian system locale', () => {
  test.use({ systemLocale: 'sq-XK' });
  test('the first-run screen follows the operating system language', async ({ app }) => {
    const { page } = app;
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Monitor');
    await expect(page.locator('html')).toHaveAttribute('lang', 'sq');
    await expect(page.getByRole('button', { name: 'Krijo hapësirën time të mbrojtur' })).toBeVisible();
    await chooseLanguage(page, 'sr-Cyrl');
    await expect(page.getByRole('button', { name: 'Направи мој заштићени простор' })).toBeVisible();
    await completeFirstRun(page, { monitorName: 'Марко Јовановић' });
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Колективни центри' })).toBeVisible();
  });
});
