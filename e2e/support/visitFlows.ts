import { expect, type Page } from '@playwright/test';

/** A date `days` from today (negative: in the past), as date inputs take it. */
export function isoDaysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const offsetMs = date.getTimezoneOffset() * 60_000;
  return new Date(date.getTime() - offsetMs).toISOString().slice(0, 10);
}

/** A YYYY-MM-DD date as the English UI shows it ("Mar 4, 2026"). */
export const shownDate = (iso: string) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(`${iso}T00:00:00`));

export const visitsRegion = (page: Page) =>
  page.getByRole('region', { name: 'Monitoring visits', exact: true });

export interface ResidentsMet {
  childrenFemale?: string;
  childrenMale?: string;
  adultsFemale?: string;
  adultsMale?: string;
  olderFemale?: string;
  olderMale?: string;
}

const residentLabels: Record<keyof ResidentsMet, string> = {
  childrenFemale: 'Children — female',
  childrenMale: 'Children — male',
  adultsFemale: 'Adults — female',
  adultsMale: 'Adults — male',
  olderFemale: 'Older persons — female',
  olderMale: 'Older persons — male',
};

export interface ShelterVisitValues {
  date?: string;
  residents?: ResidentsMet;
  /** Condition name → rating label, e.g. { Heating: 'Critical' }. */
  conditions?: Record<string, string>;
  notes?: Record<string, string>;
  needs?: string[];
  observations?: string;
}

export async function fillShelterVisit(page: Page, values: ShelterVisitValues) {
  if (values.date !== undefined) await page.getByLabel(/^Date of the visit/).fill(values.date);
  for (const [key, count] of Object.entries(values.residents ?? {})) {
    await page
      .getByRole('spinbutton', { name: residentLabels[key as keyof ResidentsMet], exact: true })
      .fill(count);
  }
  for (const [condition, rating] of Object.entries(values.conditions ?? {})) {
    await page
      .getByRole('radiogroup', { name: condition, exact: true })
      .getByRole('radio', { name: rating })
      .check();
  }
  for (const [condition, note] of Object.entries(values.notes ?? {})) {
    await page.getByRole('textbox', { name: `Note on ${condition}` }).fill(note);
  }
  for (const need of values.needs ?? [])
    await page.getByRole('checkbox', { name: need, exact: true }).check();
  if (values.observations !== undefined)
    await page.getByRole('textbox', { name: 'Protection observations' }).fill(values.observations);
}

/** From the shelter page: "New visit", fill, save; ends on the visit's page. */
export async function recordShelterVisit(page: Page, values: ShelterVisitValues) {
  await visitsRegion(page).getByRole('link', { name: 'New visit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New shelter visit' })).toBeVisible();
  await fillShelterVisit(page, values);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Shelter visit on / })).toBeVisible();
}

/** A question of the questionnaire runner shown as a group (yes/no, choices), by the start of its text. */
export const questionGroup = (page: Page, question: string) =>
  page.getByRole('group', { name: new RegExp(`^${question.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });

export async function answerChoice(page: Page, question: string, ...options: string[]) {
  for (const option of options) {
    const control = questionGroup(page, question).getByLabel(option, { exact: true });
    await control.check();
  }
}
