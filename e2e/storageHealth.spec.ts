import { test, expect } from './support/fixtures';
import { completeFirstRun, openSection } from './support/flows';

test('Settings shows persistent storage, the data size and the free space', async ({ app }) => {
  const { page } = app;
  await completeFirstRun(page);
  await openSection(page, 'Settings');

  const storage = page.getByRole('region', { name: 'Storage on this computer' });
  await expect(storage.getByText('Persistent storage', { exact: true })).toBeVisible();
  await expect(storage.getByTestId('storage-persistence')).toHaveText(/^(Granted|Not granted|Not reported)/);

  await expect(storage.getByText('Data stored by the app', { exact: true })).toBeVisible();
  await expect(storage.getByTestId('storage-data-size')).toHaveText(/^[\d.,\s\u00a0]+ (B|KB|MB|GB)$/);

  await expect(storage.getByText(/^(Free disk space|Space left for this app)$/)).toBeVisible();
  await expect(storage.getByTestId('storage-free')).toHaveText(
    /^[\d.,\s\u00a0]+ (B|KB|MB|GB) free of [\d.,\s\u00a0]+ (B|KB|MB|GB)$/,
  );
});
