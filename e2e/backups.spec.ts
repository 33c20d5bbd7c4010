import { readFile } from 'node:fs/promises';
import { test, expect } from './support/fixtures';
import { completeFirstRun, createShelter, openSection, reloadAndUnlock } from './support/flows';

const SHELTER = {
  name: 'Qendra kolektive Shipol',
  municipality: 'Mitrovicë e Jugut / Južna Mitrovica',
  settlement: 'Shipol',
  capacity: '40',
  residents: '31',
};

test('a backup made by hand restores the records as they were, and survives a restart', async ({ app }) => {
  const { page } = app;
  await completeFirstRun(page);
  await createShelter(page, SHELTER);

  await openSection(page, 'Settings');
  const backups = page.getByRole('region', { name: 'Backups' });
  await backups.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status')).toContainText('Backup saved.');
  const manual = backups.getByRole('row').filter({ hasText: 'By hand' });
  await expect(manual).toHaveCount(1);

  // A change after the backup, which the restore takes back.
  await createShelter(page, { ...SHELTER, name: 'Qendra e re pas kopjes' });

  await openSection(page, 'Settings');
  await manual.getByRole('button', { name: /^Restore the backup of / }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(backups.getByTestId('backup-status')).toContainText(
    /^The backup of .+ was restored: \d+ entries\./,
  );
  const shelters = backups
    .getByTestId('backup-status')
    .locator('div')
    .filter({ has: page.getByRole('term').getByText('Collective shelters', { exact: true }) });
  await expect(shelters.getByRole('definition')).toHaveText('1');
  // The state before the restore was kept as a backup of its own.
  await expect(backups.getByRole('row').filter({ hasText: 'Before a restore' })).toHaveCount(1);

  await openSection(page, 'Collective shelters');
  await expect(page.getByRole('link', { name: SHELTER.name })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Qendra e re pas kopjes' })).toHaveCount(0);

  // The vault now opens the restored database, after a reload as before it.
  await reloadAndUnlock(page);
  await openSection(page, 'Collective shelters');
  await expect(page.getByRole('link', { name: SHELTER.name })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Qendra e re pas kopjes' })).toHaveCount(0);
});

test('a backup saved to a file restores; a cut-off copy of it is refused and nothing changes', async ({
  app,
}) => {
  const { page } = app;
  await completeFirstRun(page);
  await createShelter(page, SHELTER);

  await openSection(page, 'Settings');
  const backups = page.getByRole('region', { name: 'Backups' });
  const download = page.waitForEvent('download');
  await backups.getByRole('button', { name: 'Back up to file…' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^protection-monitor-backup-.*\.pmbackup$/);
  const file = await readFile((await saved.path())!);

  const chooser = page.waitForEvent('filechooser');
  await backups.getByRole('button', { name: 'Restore from file…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'cut.pmbackup',
    mimeType: 'application/octet-stream',
    buffer: file.subarray(0, file.length - 40),
  });
  await expect(backups.getByRole('alert')).toHaveText(
    /^This backup file is incomplete.*Nothing was changed\./,
  );
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const again = page.waitForEvent('filechooser');
  await backups.getByRole('button', { name: 'Restore from file…' }).click();
  await (
    await again
  ).setFiles({ name: 'whole.pmbackup', mimeType: 'application/octet-stream', buffer: file });
  await page
    .getByRole('dialog', { name: 'Restore this backup?' })
    .getByRole('button', { name: 'Restore' })
    .click();
  await expect(backups.getByTestId('backup-status')).toContainText('was restored');

  await openSection(page, 'Collective shelters');
  await expect(page.getByRole('link', { name: SHELTER.name })).toBeVisible();
});
