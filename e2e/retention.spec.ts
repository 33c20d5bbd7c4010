import { test, expect } from './support/fixtures';
import { completeFirstRun, openSection } from './support/flows';
import { registerReturneeHousehold } from './support/householdFlows';

test('erase a person’s data on request: names gone, the household still counted, the erasure audited', async ({
  app,
}) => {
  const { page } = app;
  await completeFirstRun(page);
  await registerReturneeHousehold(page);
  const databases = () =>
    page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').sort());
  const before = await databases();
  await page.getByRole('button', { name: 'Erase personal data' }).click();
  const dialog = page.getByRole('dialog', { name: "Erase this household's personal data?" });
  await dialog.getByRole('button', { name: 'Erase for good' }).click();
  await expect(page.getByRole('status')).toContainText('Personal data of 3 persons erased.');
  await expect(page.getByRole('heading', { level: 1, name: '—' })).toBeVisible();
  await expect(page.getByText('Personal data erased').first()).toBeVisible();
  await expect(page.locator('main')).not.toContainText('Đorđević');
  await expect(page.getByText(/^Personal data erased by Arta Berisha/).first()).toBeVisible();
  // The vault moved to a fresh copy and the old database, whose files may still have held the
  // erased values' ciphertext, is gone.
  const oldVaultDatabases = async () =>
    (await databases()).filter(
      (name) => before.includes(name) && name.startsWith('protection-monitor-vault-'),
    );
  await expect.poll(oldVaultDatabases).toEqual([]);
  expect((await databases()).some((name) => name.startsWith('protection-monitor-vault-'))).toBe(true);

  await openSection(page, 'Households');
  await page.getByRole('searchbox', { name: /Search/ }).fill('Dragan');
  await expect(page.getByText('No household matches these filters.')).toBeVisible();
  await page.getByRole('searchbox', { name: /Search/ }).fill('');
  await expect(page.getByRole('link', { name: '—' })).toBeVisible();
});

test('settings set a retention period per record type; the review lists nothing recent', async ({ app }) => {
  const { page } = app;
  await completeFirstRun(page);
  await registerReturneeHousehold(page);
  await openSection(page, 'Settings');
  const period = page.getByRole('combobox', { name: 'Households and their members, visits and referrals' });
  await expect(period).toHaveValue('5');
  await period.selectOption({ label: '1 year after the last activity' });
  await expect(period).toHaveValue('1');
  await page.getByRole('link', { name: 'Review records past retention' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Records past their retention period' }),
  ).toBeVisible();
  await expect(page.getByText('No record has passed its retention period.')).toHaveCount(2);
});
