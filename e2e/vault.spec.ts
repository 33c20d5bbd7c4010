import { test, expect } from './support/fixtures';
import { E2E_PASSPHRASE, completeFirstRun, openSection, unlock } from './support/flows';
import { fillMembers, fillReturnee, giveConsent, openRegistration } from './support/householdFlows';
import { filesContaining } from './support/profileScan';

/** Unique strings that exist nowhere but in what this test types. */
const CANARY = 'Qzvkanarinë';
const CANARY_CYRILLIC = 'Кзвканаринка';
const NEW_PASSPHRASE = 'granite lantern Rugova heron sixty';

async function registerCanaryHousehold(page: import('@playwright/test').Page) {
  await openRegistration(page);
  await giveConsent(page);
  await fillReturnee(page);
  await page.getByRole('textbox', { name: /^Phone/ }).first().fill('+383 44 987 123');
  await fillMembers(page, [
    { fullName: `Vjollca ${CANARY}`, sex: 'Female', dateOfBirth: '1977-04-09', community: 'Serb' },
    { fullName: `Милан ${CANARY_CYRILLIC}`, sex: 'Male', relationship: 'Spouse or partner', dateOfBirth: '1975-01-30', community: 'Serb' },
  ]);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Vjollca ${CANARY}` })).toBeVisible();
}

test('no name typed into the app can be found in any file of the browser profile; search still finds it', async ({ app }) => {
  let page = app.page;
  await completeFirstRun(page);
  await registerCanaryHousehold(page);
  await app.stop();

  for (const canary of [CANARY, CANARY_CYRILLIC, 'Vjollca', '987 123']) {
    const { hits, scanned } = await filesContaining(app.userDataDir, canary);
    expect(scanned).toBeGreaterThan(20);
    expect(hits, `"${canary}" found in ${hits.join(', ')}`).toEqual([]);
  }
  // The check itself can fail: the monitor's own name is kept in plain text in the sign-in list.
  expect((await filesContaining(app.userDataDir, 'Arta Berisha')).hits.length).toBeGreaterThan(0);

  page = await app.restart();
  await unlock(page);
  await openSection(page, 'Households');
  const search = page.getByRole('searchbox', { name: 'Search by name' });
  // A prefix without its diacritics, then the Cyrillic member's name typed in Latin letters.
  for (const query of ['qzvkanarine', 'KZVKAN']) {
    await search.fill('no such name');
    await expect(page.getByText('No household matches these filters.')).toBeVisible();
    await search.fill(query);
    await expect(page.getByRole('link', { name: `Vjollca ${CANARY}` })).toBeVisible();
  }
});

test('a wrong passphrase opens nothing; the recovery key sets a new one', async ({ app }) => {
  let page = app.page;
  const recoveryKey = await completeFirstRun(page);
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByLabel(/^Passphrase/).fill('mulberry kettle Drenica violin');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong passphrase. Nothing was opened.');
  await expect(page.getByRole('navigation')).toHaveCount(0);

  await page.getByRole('button', { name: 'Forgot the passphrase?' }).click();
  await page.getByLabel(/^Recovery key/).fill(recoveryKey.toLowerCase());
  await page.getByLabel(/^New passphrase/).fill(NEW_PASSPHRASE);
  await page.getByLabel(/^Repeat the passphrase/).fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Open and set the new passphrase' }).click();
  await expect(page.getByRole('navigation')).toBeVisible();

  page = await app.restart();
  await page.getByLabel(/^Passphrase/).fill(E2E_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong passphrase. Nothing was opened.');
  await unlock(page, NEW_PASSPHRASE);
});

test('each person on a shared laptop sees only their own records', async ({ app }) => {
  const { page } = app;
  await completeFirstRun(page, { monitorName: 'Arta Berisha' });
  await registerCanaryHousehold(page);
  await page.getByRole('button', { name: 'Lock' }).click();

  await page.getByRole('button', { name: 'Another person uses this computer' }).click();
  await completeFirstRun(page, { monitorName: 'Bekim Hoxha', passphrase: NEW_PASSPHRASE });
  await openSection(page, 'Households');
  await expect(page.getByText('No households registered yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Lock' }).click();

  await page.getByRole('combobox', { name: 'Who is using the computer' }).selectOption({ label: 'Arta Berisha' });
  await unlock(page);
  await openSection(page, 'Households');
  await expect(page.getByRole('link', { name: `Vjollca ${CANARY}` })).toBeVisible();
});

test('locks itself after the idle time and clears the screen', async ({ app }) => {
  const { page } = app;
  await page.clock.install();
  await completeFirstRun(page);
  await registerCanaryHousehold(page);
  await page.clock.fastForward('09:00');
  await expect(page.getByRole('heading', { level: 1, name: `Vjollca ${CANARY}` })).toBeVisible();
  await page.clock.fastForward('01:01');
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock Protection Monitor' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(CANARY);
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: `Vjollca ${CANARY}` })).toBeVisible();
});
