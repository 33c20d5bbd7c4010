import { test, expect } from './support/fixtures';
import { completeFirstRun, openSection, reloadAndUnlock } from './support/flows';
import {
  fillReferralForm,
  isoDaysFromToday,
  referFromHousehold,
  referralsRegion,
  registerHousehold,
  statusRegion,
} from './support/referralFlows';

test('refer a household member to a service and move the referral open → accepted → completed', async ({
  app,
}) => {
  const { page } = app;
  await completeFirstRun(page);
  await registerHousehold(page);
  await referralsRegion(page).getByRole('link', { name: 'Refer to a service' }).click();

  // The form names the household and offers its members, or the whole household.
  await expect(page.getByText('Household: Dragan Đorđević')).toBeVisible();
  const person = page.getByRole('combobox', { name: 'Person referred' });
  await expect(person.getByRole('option')).toHaveText([
    'The whole household',
    'Dragan Đorđević',
    'Милица Ђорђевић',
    'Stefan Đorđević',
  ]);

  // Organisations are those offering the chosen service.
  await page.getByRole('combobox', { name: /^Service/ }).selectOption({ label: 'Civil documentation' });
  const organisation = page.getByRole('combobox', { name: /^Organisation/ });
  await expect(organisation.getByRole('option', { name: 'Civil Rights Program Kosovo (CRP/K)' })).toHaveCount(
    1,
  );
  await expect(organisation.getByRole('option', { name: 'Red Cross of Kosova' })).toHaveCount(0);

  // Bad input: a due date before the referral date is refused with a message, nothing saved.
  await fillReferralForm(page, {
    person: 'Stefan Đorđević',
    service: 'Civil documentation',
    organisation: 'Civil Rights Program Kosovo (CRP/K)',
    urgency: 'High',
    dueDate: isoDaysFromToday(-3),
    reason: 'No birth certificate: late registration needed',
  });
  await page.getByRole('button', { name: 'Save referral' }).click();
  await expect(page.getByText('The due date is before the referral date.')).toBeVisible();

  // Enter in a field saves.
  const dueDate = page.getByLabel(/^Due date/);
  await dueDate.fill(isoDaysFromToday(14));
  await dueDate.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Referral: Civil documentation' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Referral saved.');
  const details = page.getByRole('region', { name: 'Referral details' });
  await expect(details).toContainText('Stefan Đorđević');
  await expect(details).toContainText('Civil Rights Program Kosovo (CRP/K)');
  await expect(details).toContainText('High');

  const status = statusRegion(page);
  await expect(status).toContainText('Open');
  await expect(status.getByRole('button', { name: 'Mark completed' })).toHaveCount(0);
  await status.getByRole('button', { name: 'Mark accepted' }).click();
  await expect(status).toContainText('Accepted');
  await status.getByRole('button', { name: 'Mark completed' }).click();
  await expect(status).toContainText('Completed');
  await expect(status.getByRole('button')).toHaveCount(0);

  const history = page.getByRole('region', { name: 'Status history' });
  await expect(history.getByRole('listitem')).toHaveCount(3);
  await expect(history.getByRole('listitem').last()).toContainText('Completed');
  await expect(page.getByRole('region', { name: 'Change history' }).getByRole('listitem')).toHaveCount(3);

  // The household page lists it; after a reload it is all still there.
  await page.getByRole('link', { name: 'Dragan Đorđević' }).click();
  await expect(referralsRegion(page).getByRole('listitem')).toContainText(['Civil documentation']);
  await expect(referralsRegion(page)).toContainText('Completed');
  await reloadAndUnlock(page);
  await expect(referralsRegion(page)).toContainText('Completed');
});

test('a referral past its due date is overdue on the dashboard, which links to the filtered list', async ({
  app,
}) => {
  const { page } = app;
  await completeFirstRun(page);
  await registerHousehold(page);
  await referFromHousehold(page, {
    service: 'Free legal aid',
    organisation: 'Ombudsperson Institution',
    referredOn: isoDaysFromToday(-20),
    dueDate: isoDaysFromToday(-1),
  });
  await expect(statusRegion(page).getByText('Overdue', { exact: true })).toBeVisible();
  // A second, not yet due referral must not be counted as overdue.
  await page.getByRole('link', { name: 'Dragan Đorđević' }).click();
  await referFromHousehold(page, {
    service: 'Health',
    organisation: 'Mother Teresa Society',
    dueDate: isoDaysFromToday(7),
  });

  await openSection(page, 'Dashboard');
  const overdue = page.getByRole('link', { name: /overdue referral/ });
  await expect(overdue).toHaveText(/^1\s*overdue referral$/);
  await expect(page.getByRole('link', { name: /not yet resolved/ })).toHaveText(/^2/);
  await overdue.click();

  await expect(page).toHaveURL(/#\/referrals\?overdue=1$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Overdue referrals' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Overdue only' })).toBeChecked();
  const rows = page.getByRole('table', { name: 'Referrals' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Free legal aid');
  await expect(rows.nth(1)).toContainText('Overdue');

  // Completing it takes it off the overdue figure.
  await rows.nth(1).getByRole('link', { name: 'Dragan Đorđević' }).click();
  await statusRegion(page).getByRole('button', { name: 'Mark accepted' }).click();
  await expect(statusRegion(page)).toContainText('Accepted');
  await expect(statusRegion(page).getByText('Overdue', { exact: true })).toBeVisible();
  await statusRegion(page).getByRole('button', { name: 'Mark completed' }).click();
  await expect(statusRegion(page).getByText('Overdue', { exact: true })).toHaveCount(0);
  await openSection(page, 'Dashboard');
  await expect(page.getByRole('link', { name: /overdue referral/ })).toHaveText(/^0/);
});

test('closing a referral unresolved requires a reason', async ({ app }) => {
  const { page } = app;
  await completeFirstRun(page);
  await registerHousehold(page);
  await referFromHousehold(page, {
    service: 'Housing and property',
    organisation: 'Kosovo Property Comparison and Verification Agency',
    dueDate: isoDaysFromToday(30),
  });

  await statusRegion(page).getByRole('button', { name: 'Close unresolved' }).click();
  const dialog = page.getByRole('dialog', { name: 'Close this referral unresolved?' });
  await dialog.getByRole('button', { name: 'Close referral' }).click();
  await expect(dialog.getByText('Give the reason the referral is closed unresolved.')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Reason' })).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(statusRegion(page)).toContainText('Open');

  await statusRegion(page).getByRole('button', { name: 'Close unresolved' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Reason' })).toHaveValue('');
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('The family left for Serbia before the hearing');
  await dialog.getByRole('button', { name: 'Close referral' }).click();
  await expect(dialog).toBeHidden();
  await expect(statusRegion(page)).toContainText('Closed unresolved');
  await expect(statusRegion(page).getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Referral details' })).toContainText(
    'The family left for Serbia before the hearing',
  );
});

test('a household whose consent does not cover referral cannot be referred', async ({ app }) => {
  const { page } = app;
  await completeFirstRun(page);
  await registerHousehold(page, { consentScopes: ['Data collection'] });
  await referralsRegion(page).getByRole('link', { name: 'Refer to a service' }).click();
  await expect(page.getByRole('alert')).toContainText("This household's consent does not cover referral");
  await expect(page.getByRole('button', { name: 'Save referral' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Open the household' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dragan Đorđević' })).toBeVisible();
});

test('an organisation added in Settings is offered in the referral form for its services only', async ({
  app,
}) => {
  const { page } = app;
  await completeFirstRun(page);
  await openSection(page, 'Settings');
  const settings = page.getByRole('region', { name: 'Referral organisations' });
  await settings.getByRole('button', { name: 'Add organisation' }).click();
  const form = settings.getByRole('form', { name: 'New organisation' });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Choose at least one option.')).toBeVisible();
  await form.getByRole('textbox', { name: /^Name of the organisation/ }).fill('Roma Versitas Kosovo');
  await form.getByRole('checkbox', { name: 'Education' }).check();
  await form.getByRole('textbox', { name: 'Contact' }).fill('+383 38 222 333');
  await form.getByRole('textbox', { name: 'Contact' }).press('Enter');
  await expect(page.getByRole('status')).toContainText('Roma Versitas Kosovo saved.');
  await expect(settings.getByRole('listitem').filter({ hasText: 'Roma Versitas Kosovo' })).toContainText(
    'Education',
  );

  await registerHousehold(page);
  await referralsRegion(page).getByRole('link', { name: 'Refer to a service' }).click();
  const service = page.getByRole('combobox', { name: /^Service/ });
  const organisation = page.getByRole('combobox', { name: /^Organisation/ });
  await service.selectOption({ label: 'Education' });
  await expect(organisation.getByRole('option', { name: 'Roma Versitas Kosovo' })).toHaveCount(1);
  await organisation.selectOption({ label: 'Roma Versitas Kosovo' });
  // Another service: the organisation is no longer offered, and the choice is cleared.
  await service.selectOption({ label: 'Health' });
  await expect(organisation.getByRole('option', { name: 'Roma Versitas Kosovo' })).toHaveCount(0);
  await expect(organisation).toHaveValue('');
  await organisation.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Dragan Đorđević' })).toBeVisible();

  // Deactivated in Settings: no longer offered.
  await openSection(page, 'Settings');
  await settings.getByRole('button', { name: 'Deactivate Roma Versitas Kosovo' }).click();
  await expect(settings.getByRole('listitem').filter({ hasText: 'Roma Versitas Kosovo' })).toContainText(
    'Inactive',
  );
  await page.goBack();
  await referralsRegion(page).getByRole('link', { name: 'Refer to a service' }).click();
  await page.getByRole('combobox', { name: /^Service/ }).selectOption({ label: 'Education' });
  await expect(
    page
      .getByRole('combobox', { name: /^Organisation/ })
      .getByRole('option', { name: 'Jesuit Refugee Service' }),
  ).toHaveCount(1);
  await expect(
    page
      .getByRole('combobox', { name: /^Organisation/ })
      .getByRole('option', { name: 'Roma Versitas Kosovo' }),
  ).toHaveCount(0);
});

test('a half-filled referral survives a reload and can be resumed', async ({ app }) => {
  const { page } = app;
  await completeFirstRun(page);
  await registerHousehold(page);
  await referralsRegion(page).getByRole('link', { name: 'Refer to a service' }).click();
  await page.getByRole('combobox', { name: /^Service/ }).selectOption({ label: 'Family tracing' });
  await page.getByRole('combobox', { name: /^Organisation/ }).selectOption({ label: 'Red Cross of Kosova' });
  await page.getByRole('textbox', { name: 'Reason for referral' }).fill('Missing father since 1999');
  await expect(page.getByText(/^Draft saved/)).toBeVisible();

  await reloadAndUnlock(page);
  const draft = page.getByRole('region', { name: 'Unfinished draft' });
  await draft.getByRole('button', { name: 'Resume draft' }).click();
  await expect(page.getByRole('combobox', { name: /^Organisation/ })).toHaveValue(/.+/);
  await expect(page.getByRole('textbox', { name: 'Reason for referral' })).toHaveValue(
    'Missing father since 1999',
  );
  await page.getByLabel(/^Due date/).fill(isoDaysFromToday(30));
  await page.getByRole('button', { name: 'Save referral' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Referral: Family tracing' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Referral details' })).toContainText('Red Cross of Kosova');

  // Saved: no draft is offered on the next referral for this household.
  await page.getByRole('link', { name: 'Dragan Đorđević' }).click();
  await referralsRegion(page).getByRole('link', { name: 'Refer to a service' }).click();
  // Autosave runs only once no older draft is pending, so "Draft saved" proves none was offered.
  await page.getByRole('textbox', { name: 'Reason for referral' }).fill('Another need');
  await expect(page.getByText(/^Draft saved/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Unfinished draft' })).toHaveCount(0);
});
