import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { completeFirstRun, openSection, reloadAndUnlock } from './support/flows';
import {
  fillMember,
  fillMembers,
  fillReturnee,
  giveConsent,
  member,
  openRegistration,
  registerReturneeHousehold,
  THREE_MEMBERS,
} from './support/householdFlows';

const householdsTable = (page: Page) => page.getByRole('table', { name: 'Households' });
const draftRegion = (page: Page) => page.getByRole('region', { name: 'Unfinished draft' });
const headName = (page: Page) => member(page, 1).getByRole('textbox', { name: /^Full name/ });

test('register a returnee household with three members and consent; find it by any member, after a reload', async ({
  app,
}) => {
  const { page } = app;
  await completeFirstRun(page);
  await openSection(page, 'Households');
  await expect(page.getByText('No households registered yet.')).toBeVisible();
  await openRegistration(page);

  // Consent comes first; it is recorded by this monitor unless changed.
  await expect(page.getByRole('textbox', { name: /^Recorded by/ })).toHaveValue('Arta Berisha');
  await giveConsent(page);
  await fillReturnee(page);
  await page.getByRole('textbox', { name: 'Phone' }).fill('+383 44 555 010');
  await fillMembers(page, THREE_MEMBERS);
  // Enter in a field saves the form.
  await member(page, 3)
    .getByRole('textbox', { name: /^Full name/ })
    .press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Dragan Đorđević' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Household registered.');
  const members = page.getByRole('table', { name: 'Members of the household' }).getByRole('row');
  await expect(members).toHaveCount(4);
  await expect(members.nth(2)).toContainText('Милица Ђорђевић');
  await expect(members.nth(3)).toContainText('about 17 years');
  await expect(members.nth(3)).toContainText('Disability');
  const history = page.getByRole('region', { name: 'Displacement history' });
  await expect(history).toContainText('Serbia – Kraljevo');
  await expect(history).toContainText('Drsnik, Klinë / Klina');
  await expect(page.getByRole('region', { name: 'Informed consent' })).toContainText(
    'Data collection, Referral to services',
  );

  // In the list, and found by a member's Cyrillic name typed in Latin without diacritics.
  await openSection(page, 'Households');
  const rows = householdsTable(page).getByRole('row');
  await expect(rows).toHaveCount(2);
  for (const text of ['Dragan Đorđević', 'Returned', 'Serb', 'Klinë / Klina'])
    await expect(rows.nth(1)).toContainText(text);
  const search = page.getByRole('searchbox', { name: 'Search by name' });
  await search.fill('stefan nobody');
  await expect(page.getByText('No household matches these filters.')).toBeVisible();
  await expect(rows).toHaveCount(0);
  // "Милица Ђорђевић", typed in Latin without diacritics.
  await search.fill('milica djordjevic');
  await expect(page.getByText('1 household', { exact: true })).toBeVisible();
  await expect(rows.nth(1)).toContainText('Dragan Đorđević');
  await search.fill('Ђорђевић');
  await expect(page.getByText('1 household', { exact: true })).toBeVisible();
  await search.fill('milica');
  await expect(page.getByText('1 household', { exact: true })).toBeVisible();

  await reloadAndUnlock(page);
  await expect(search).toHaveValue('milica');
  await expect(rows).toHaveCount(2);
  await rows.nth(1).getByRole('link', { name: 'Dragan Đorđević' }).click();
  await expect(members).toHaveCount(4);
  await expect(history).toContainText('Drsnik, Klinë / Klina');
  await expect(page.getByRole('region', { name: 'Household details' })).toContainText('+383 44 555 010');
});

test('bad input gets a clear message and saves nothing', async ({ app }) => {
  const { page } = app;
  await completeFirstRun(page);
  await openSection(page, 'Households');
  await openRegistration(page);
  await fillReturnee(page);
  await fillMembers(page, THREE_MEMBERS);

  // No consent recorded: refused with a message that says why.
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(
    page.getByText('Please correct the highlighted fields. Nothing has been saved yet.'),
  ).toBeVisible();
  await expect(
    page.getByText(
      "Record the household's informed consent, or why it could not be obtained, before saving personal data.",
    ),
  ).toBeVisible();

  // A return before the displacement.
  await giveConsent(page);
  await page.getByLabel('Date of return').fill('1998-01-10');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('The return date is before the displacement date.')).toBeVisible();
  await page.getByLabel('Date of return').fill('2018-05-20');

  // A date of birth in the future.
  const nextYear = `${new Date().getFullYear() + 1}-01-15`;
  await member(page, 2).getByLabel('Date of birth').fill(nextYear);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(member(page, 2).getByText('This date is in the future.', { exact: false })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Register a household' })).toBeVisible();

  // Escape leaves the form; nothing was saved, even after a reload.
  await member(page, 2)
    .getByRole('textbox', { name: /^Full name/ })
    .press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Households' })).toBeVisible();
  await reloadAndUnlock(page);
  await expect(page.getByText('No households registered yet.')).toBeVisible();
});

test('an abandoned registration survives a reload as a draft: resumed and saved, or discarded', async ({
  app,
}) => {
  const { page } = app;
  await completeFirstRun(page);
  await openSection(page, 'Households');
  await openRegistration(page);
  await expect(draftRegion(page)).toHaveCount(0);
  await fillMember(page, 1, { fullName: 'Shpresa Gashi' });
  await page.getByRole('button', { name: 'Add member' }).click();
  await fillMember(page, 2, { fullName: 'Ђорђе Петровић' });
  await expect(page.getByText(/^Draft saved at /)).toBeVisible();

  await reloadAndUnlock(page);
  await expect(draftRegion(page)).toContainText('You have an unfinished draft of this form');
  await expect(headName(page)).toHaveValue('');
  await expect(member(page, 2)).toHaveCount(0);
  await draftRegion(page).getByRole('button', { name: 'Resume draft' }).click();
  await expect(draftRegion(page)).toHaveCount(0);
  await expect(headName(page)).toHaveValue('Shpresa Gashi');
  await expect(member(page, 2).getByRole('textbox', { name: /^Full name/ })).toHaveValue('Ђорђе Петровић');

  await giveConsent(page, ['Data collection']);
  await fillReturnee(page);
  await fillMember(page, 1, {
    fullName: 'Shpresa Gashi',
    sex: 'Female',
    estimatedAge: '52',
    community: 'Serb',
  });
  await fillMember(page, 2, {
    fullName: 'Ђорђе Петровић',
    sex: 'Male',
    relationship: 'Grandchild',
    dateOfBirth: '2015-09-01',
    community: 'Serb',
  });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Shpresa Gashi' })).toBeVisible();

  // The saved registration left no draft behind.
  await openRegistration(page);
  await reloadAndUnlock(page);
  await expect(headName(page)).toHaveValue('');
  await expect(draftRegion(page)).toHaveCount(0);

  // A second abandoned form, discarded: empty, and not offered again.
  await fillMember(page, 1, { fullName: 'Ardian Berisha' });
  await expect(page.getByText(/^Draft saved at /)).toBeVisible();
  await reloadAndUnlock(page);
  await draftRegion(page).getByRole('button', { name: 'Discard draft' }).click();
  await expect(draftRegion(page)).toHaveCount(0);
  await expect(headName(page)).toHaveValue('');
  await reloadAndUnlock(page);
  await expect(headName(page)).toBeVisible();
  await expect(draftRegion(page)).toHaveCount(0);
  await openSection(page, 'Households');
  await expect(householdsTable(page).getByRole('row')).toHaveCount(2);
});

test('on the household page: members added, refused, removed and restored; consent withdrawn; archived', async ({
  app,
}) => {
  const { page } = app;
  await completeFirstRun(page);
  await registerReturneeHousehold(page);
  const members = page.getByRole('table', { name: 'Members of the household' }).getByRole('row');
  await expect(members).toHaveCount(4);

  await page.getByRole('button', { name: 'Add member' }).click();
  let dialog = page.getByRole('dialog', { name: 'Add a member' });
  await dialog.getByRole('textbox', { name: /^Full name/ }).fill('Jelena Đorđević');
  await dialog.getByRole('combobox', { name: /^Sex/ }).selectOption({ label: 'Female' });
  await dialog.getByRole('combobox', { name: /^Relationship/ }).selectOption({ label: 'Grandchild' });
  await dialog.getByRole('spinbutton', { name: /^Estimated age/ }).fill('4');
  await dialog.getByRole('spinbutton', { name: /^Estimated age/ }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(members).toHaveCount(5);

  // A second head of household is refused, with the reason at the field.
  await page.getByRole('button', { name: 'Add member' }).click();
  dialog = page.getByRole('dialog', { name: 'Add a member' });
  await dialog.getByRole('textbox', { name: /^Full name/ }).fill('Goran Đorđević');
  await dialog.getByRole('combobox', { name: /^Sex/ }).selectOption({ label: 'Male' });
  await dialog.getByRole('combobox', { name: /^Relationship/ }).selectOption({ label: 'Head of household' });
  await dialog.getByRole('spinbutton', { name: /^Estimated age/ }).fill('40');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Exactly one member must be the head of household.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(members).toHaveCount(5);

  await page.getByRole('button', { name: 'Remove Jelena Đorđević' }).click();
  await page
    .getByRole('dialog', { name: 'Remove this member?' })
    .getByRole('button', { name: 'Remove member' })
    .click();
  await expect(members).toHaveCount(4);
  await page.getByText('Removed members (1)').click();
  await page.getByRole('button', { name: 'Restore Jelena Đorđević' }).click();
  await expect(members).toHaveCount(5);

  // Withdrawal of consent: not in the future; once recorded, referral and sharing are restricted.
  const consent = page.getByRole('region', { name: 'Informed consent' });
  await consent.getByRole('button', { name: 'Record withdrawal of consent' }).click();
  dialog = page.getByRole('dialog', { name: 'Record withdrawal of consent' });
  await dialog.getByLabel(/^Date of withdrawal/).fill(`${new Date().getFullYear() + 1}-01-01`);
  await dialog.getByRole('button', { name: 'Record withdrawal' }).click();
  await expect(dialog.getByText('This date is in the future.', { exact: false })).toBeVisible();
  await dialog.getByLabel(/^Date of withdrawal/).fill(new Date().toLocaleDateString('en-CA'));
  await dialog.getByRole('textbox', { name: /^Notes/ }).fill('Asked by phone to stop sharing.');
  await dialog.getByRole('button', { name: 'Record withdrawal' }).click();
  await expect(consent.getByRole('note')).toContainText(
    'Do not refer this household or share its data with partners.',
  );
  await expect(consent).toContainText('Withdrawn');
  await expect(consent).toContainText('Asked by phone to stop sharing.');
  await expect(consent.getByRole('button', { name: 'Record withdrawal of consent' })).toHaveCount(0);
  const history = page.getByRole('region', { name: 'Change history' });
  await expect(history).toContainText('Changed by Arta Berisha');
  await expect(history).toContainText('Informed consent');

  await reloadAndUnlock(page);
  await expect(members).toHaveCount(5);
  await expect(consent.getByRole('note')).toBeVisible();

  await page.getByRole('button', { name: 'Archive' }).click();
  await page
    .getByRole('dialog', { name: 'Archive this household?' })
    .getByRole('button', { name: 'Archive' })
    .click();
  await expect(page.getByRole('status')).toContainText('Household archived.');
  await expect(page.getByText('No households registered yet.')).toBeVisible();
  // The filter lives in the URL and the router applies it in a transition: click, then wait.
  const showArchived = page.getByRole('checkbox', { name: 'Show archived households' });
  await showArchived.click();
  await expect(showArchived).toBeChecked();
  await householdsTable(page).getByRole('link', { name: 'Dragan Đorđević' }).click();
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Edit' })).toBeVisible();
  await expect(history.getByRole('listitem').first()).toContainText('Restored by Arta Berisha');
});
