import { test, expect } from './support/fixtures';
import { completeFirstRun, createShelter, openSection } from './support/flows';

test('the audit log check in Settings finds every entry intact after real writes', async ({ app }) => {
  const { page } = app;
  await completeFirstRun(page);
  await openSection(page, 'Collective shelters');
  await createShelter(page, {
    name: 'Qendra kolektive Shipol',
    municipality: 'Mitrovicë e Jugut / Južna Mitrovica',
    settlement: 'Shipol',
    capacity: '40',
    residents: '31',
  });
  await expect(page.getByRole('status')).toContainText('Shelter saved.');

  await openSection(page, 'Settings');
  const section = page.getByRole('region', { name: 'Audit log' });
  await section.getByRole('button', { name: 'Verify the audit log' }).click();
  // The partner organisations seeded at first run and the shelter: all chained.
  await expect(section.getByTestId('audit-check-result')).toHaveText(/^All \d+ entries are intact\.$/);
});
