import { expect, type Page } from '@playwright/test';
import {
  fillMembers,
  fillReturnee,
  giveConsent,
  openRegistration,
  THREE_MEMBERS,
  type MemberValues,
} from './householdFlows';

/** A date `days` from today (negative: in the past), as the date inputs take it. */
export function isoDaysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const offsetMs = date.getTimezoneOffset() * 60_000;
  return new Date(date.getTime() - offsetMs).toISOString().slice(0, 10);
}

/** Registers a returnee household through the household form; ends on the household page. */
export async function registerHousehold(
  page: Page,
  options: { consentScopes?: string[]; members?: MemberValues[] } = {},
) {
  const members = options.members ?? THREE_MEMBERS;
  await openRegistration(page);
  await giveConsent(page, options.consentScopes);
  await fillReturnee(page);
  await fillMembers(page, members);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: members[0]!.fullName })).toBeVisible();
}

export const referralsRegion = (page: Page) => page.getByRole('region', { name: 'Referrals', exact: true });

export interface ReferralValues {
  person?: string;
  service: string;
  organisation: string;
  urgency?: string;
  referredOn?: string;
  dueDate: string;
  reason?: string;
}

/** From the household page: "Refer to a service", fill the form, save; ends on the referral page. */
export async function referFromHousehold(page: Page, values: ReferralValues) {
  await referralsRegion(page).getByRole('link', { name: 'Refer to a service' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Refer to a service' })).toBeVisible();
  await fillReferralForm(page, values);
  await page.getByRole('button', { name: 'Save referral' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Referral: ${values.service}` })).toBeVisible();
}

export async function fillReferralForm(page: Page, values: ReferralValues) {
  if (values.person)
    await page.getByRole('combobox', { name: 'Person referred' }).selectOption({ label: values.person });
  await page.getByRole('combobox', { name: /^Service/ }).selectOption({ label: values.service });
  await page.getByRole('combobox', { name: /^Organisation/ }).selectOption({ label: values.organisation });
  if (values.urgency)
    await page.getByRole('combobox', { name: /^Urgency/ }).selectOption({ label: values.urgency });
  if (values.referredOn) await page.getByLabel(/^Referred on/).fill(values.referredOn);
  await page.getByLabel(/^Due date/).fill(values.dueDate);
  if (values.reason !== undefined)
    await page.getByRole('textbox', { name: 'Reason for referral' }).fill(values.reason);
}

export const statusRegion = (page: Page) => page.getByRole('region', { name: 'Status', exact: true });
