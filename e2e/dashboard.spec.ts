import { test, expect } from './support/fixtures';
import { completeFirstRun, createShelter, openSection } from './support/flows';
import { isoDaysFromToday, referFromHousehold, registerHousehold } from './support/referralFlows';

const figure = (page: import('@playwright/test').Page, label: RegExp) =>
  page.getByRole('link', { name: label });

test('the dashboard is the home page and its shelter figures follow a new shelter to the filtered list', async ({
  app,
}) => {
  const { page } = app;
  await completeFirstRun(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(figure(page, /^\d+\s*open shelters?$/)).toHaveText(/^0/);
  await expect(figure(page, /residents? in open shelters/)).toHaveText(/^0/);

  await createShelter(page, {
    name: 'Qendra kolektive Shipol',
    municipality: 'Pejë / Peć',
    capacity: '40',
    residents: '31',
  });
  await createShelter(page, {
    name: 'Closed centre',
    municipality: 'Pejë / Peć',
    capacity: '20',
    residents: '0',
    status: 'Closed',
  });
  await openSection(page, 'Dashboard');
  await expect(figure(page, /^\d+\s*open shelters?$/)).toHaveText(/^1\s*open shelter$/);
  const residents = figure(page, /residents? in open shelters/);
  await expect(residents).toHaveText(/^31\s*residents in open shelters$/);

  await residents.click();
  await expect(page).toHaveURL(/#\/shelters\?status=open$/);
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('open');
  const rows = page.getByRole('table', { name: 'Collective shelters' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Qendra kolektive Shipol');

  // Visits this month: the figure opens the month's list.
  await openSection(page, 'Dashboard');
  await figure(page, /^\d+\s*shelter visits?$/).click();
  await expect(page).toHaveURL(
    /#\/dashboard\/visits\?kind=shelter&from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}$/,
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Shelter visits' })).toBeVisible();
  await expect(page.getByText('No visits in this period.')).toBeVisible();
});

test('household, community and follow-up figures link to their filtered lists', async ({ app }) => {
  const { page } = app;
  await completeFirstRun(page);
  await registerHousehold(page);

  // Two follow-ups on a referral: one overdue, one due today (this week).
  await referFromHousehold(page, {
    service: 'Health',
    organisation: 'Mother Teresa Society',
    dueDate: isoDaysFromToday(10),
  });
  const followUps = page.getByRole('region', { name: 'Follow-ups' });
  await followUps.getByRole('textbox', { name: 'Task' }).fill('Call the health house about the appointment');
  await followUps.getByLabel('Due date').fill(isoDaysFromToday(-2));
  await followUps.getByRole('button', { name: 'Add follow-up' }).click();
  await expect(followUps.getByRole('listitem')).toHaveCount(1);
  await followUps.getByRole('textbox', { name: 'Task' }).fill('Visit the family');
  await followUps.getByLabel('Due date').fill(isoDaysFromToday(0));
  await followUps.getByLabel('Due date').press('Enter');
  await expect(followUps.getByRole('listitem')).toHaveCount(2);
  await expect(followUps.getByRole('listitem').first()).toContainText('Overdue');
  await expect(followUps.getByRole('listitem').last()).not.toContainText('Overdue');

  await openSection(page, 'Dashboard');
  await expect(figure(page, /^\d+\s*returned$/)).toHaveText(/^1/);
  await expect(figure(page, /^\d+\s*displaced$/)).toHaveText(/^0/);
  await expect(figure(page, /due this week/)).toHaveText(/^1/);
  await expect(figure(page, /overdue follow-ups?$/)).toHaveText(/^1\s*overdue follow-up$/);

  await figure(page, /^\d+\s*Serb$/).click();
  await expect(page).toHaveURL(/#\/households\?community=serb$/);
  await expect(page.getByRole('link', { name: 'Dragan Đorđević' })).toBeVisible();

  await openSection(page, 'Dashboard');
  await figure(page, /overdue follow-ups?$/).click();
  await expect(page).toHaveURL(/#\/follow-ups\?due=overdue$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Overdue follow-ups' })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Follow-up tasks' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Call the health house about the appointment');
  await expect(rows.nth(1)).toContainText('Overdue');
  await expect(rows.nth(1)).toContainText('Health — Dragan Đorđević');

  // Done: it leaves the overdue list and the dashboard figure.
  await rows
    .nth(1)
    .getByRole('button', { name: 'Mark done: Call the health house about the appointment' })
    .click();
  await expect(page.getByText('No follow-ups here.')).toBeVisible();
  await openSection(page, 'Dashboard');
  await expect(figure(page, /overdue follow-ups?$/)).toHaveText(/^0/);
  await figure(page, /due this week/).click();
  await expect(page).toHaveURL(/#\/follow-ups\?due=thisWeek$/);
  await expect(page.getByRole('table', { name: 'Follow-up tasks' })).toContainText('Visit the family');
});
