import { expect, type Page } from '@playwright/test';

export interface MemberValues {
  fullName: string;
  sex?: string;
  relationship?: string;
  dateOfBirth?: string;
  estimatedAge?: string;
  community?: string;
  specificNeeds?: string[];
  statelessnessRisk?: boolean;
}

export const member = (page: Page, number: number) =>
  page.getByRole('group', { name: `Member ${number}`, exact: true });

export async function openRegistration(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Households', exact: true }).click();
  await page.getByRole('link', { name: 'Register a household' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Register a household' })).toBeVisible();
}

export async function giveConsent(
  page: Page,
  scopes: string[] = ['Data collection', 'Referral to services'],
) {
  const consent = page.getByRole('group', { name: 'Informed consent' });
  await consent.getByRole('radio', { name: 'Given' }).check();
  for (const scope of scopes) await consent.getByRole('checkbox', { name: scope }).check();
}

export async function fillReturnee(page: Page) {
  const household = page.getByRole('group', { name: 'Household', exact: true });
  await household.getByRole('radio', { name: 'Returned' }).check();
  await household.getByRole('combobox', { name: /^Community/ }).selectOption({ label: 'Serb' });
  await household.getByRole('combobox', { name: /^Accommodation/ }).selectOption({ label: 'Own home' });
  const history = page.getByRole('group', { name: 'Displacement history' });
  await history.getByRole('combobox', { name: /^Displaced to/ }).selectOption({ label: 'Serbia' });
  await history.getByRole('textbox', { name: /^Place of displacement/ }).fill('Kraljevo');
  await history.getByLabel('Date of displacement').fill('1999-06-15');
  await history.getByLabel('Date of return').fill('2018-05-20');
  await history
    .getByRole('combobox', { name: /^Municipality of return/ })
    .selectOption({ label: 'Klinë / Klina' });
  await history.getByRole('textbox', { name: 'Settlement of return' }).fill('Drsnik');
}

export async function fillMember(page: Page, number: number, values: MemberValues) {
  const group = member(page, number);
  await group.getByRole('textbox', { name: /^Full name/ }).fill(values.fullName);
  if (values.sex) await group.getByRole('combobox', { name: /^Sex/ }).selectOption({ label: values.sex });
  if (values.relationship)
    await group.getByRole('combobox', { name: /^Relationship/ }).selectOption({ label: values.relationship });
  if (values.dateOfBirth !== undefined) await group.getByLabel('Date of birth').fill(values.dateOfBirth);
  if (values.estimatedAge !== undefined)
    await group.getByRole('spinbutton', { name: /^Estimated age/ }).fill(values.estimatedAge);
  if (values.community)
    await group.getByRole('combobox', { name: /^Community/ }).selectOption({ label: values.community });
  for (const need of values.specificNeeds ?? []) await group.getByRole('checkbox', { name: need }).check();
  if (values.statelessnessRisk)
    await group.getByRole('checkbox', { name: 'At risk of statelessness' }).check();
}

export const THREE_MEMBERS: MemberValues[] = [
  { fullName: 'Dragan Đorđević', sex: 'Male', dateOfBirth: '1961-03-14', community: 'Serb' },
  {
    fullName: 'Милица Ђорђевић',
    sex: 'Female',
    relationship: 'Spouse or partner',
    dateOfBirth: '1965-07-02',
    community: 'Serb',
  },
  {
    fullName: 'Stefan Đorđević',
    sex: 'Male',
    relationship: 'Child',
    estimatedAge: '17',
    community: 'Serb',
    specificNeeds: ['Disability'],
  },
];

/** Fills every member, adding a fieldset for each one after the first. */
export async function fillMembers(page: Page, members: MemberValues[]) {
  for (const [index, values] of members.entries()) {
    if (index > 0) await page.getByRole('button', { name: 'Add member' }).click();
    await fillMember(page, index + 1, values);
  }
}

/** Registers the Đorđević returnee household (three members, consent given) and opens its page. */
export async function registerReturneeHousehold(page: Page) {
  await openRegistration(page);
  await giveConsent(page);
  await fillReturnee(page);
  await fillMembers(page, THREE_MEMBERS);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dragan Đorđević' })).toBeVisible();
}
