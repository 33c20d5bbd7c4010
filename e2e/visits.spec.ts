import { test, expect } from './support/fixtures';
import { completeFirstRun, createShelter, reloadAndUnlock, unlock } from './support/flows';
import { registerHousehold } from './support/referralFlows';
import {
  answerChoice,
  fillShelterVisit,
  isoDaysFromToday,
  questionGroup,
  recordShelterVisit,
  shownDate,
  visitsRegion,
} from './support/visitFlows';

const SHELTER = 'Qendra kolektive Shipol';

test('shelter visits: record two, listed newest first; bad input saves nothing', async ({ app }) => {
  const { page } = app;
  await completeFirstRun(page);
  await createShelter(page, {
    name: SHELTER,
    municipality: 'Mitrovicë e Jugut / Južna Mitrovica',
    capacity: '40',
    residents: '31',
  });
  await expect(visitsRegion(page)).toContainText('No visits recorded yet.');

  // The older visit is recorded first, so the list order comes from the dates, not from entry order.
  const older = isoDaysFromToday(-12);
  const newer = isoDaysFromToday(-3);
  await recordShelterVisit(page, {
    date: older,
    residents: {
      childrenFemale: '3',
      childrenMale: '2',
      adultsFemale: '5',
      adultsMale: '4',
      olderFemale: '2',
      olderMale: '1',
    },
    conditions: { Heating: 'Critical', 'Water and sanitation': 'Needs attention', Electricity: 'Adequate' },
    notes: { Heating: 'Boiler broken since December; residents use wood stoves.' },
    needs: ['Civil documentation', 'Health care'],
    observations: 'Two older residents without ID cards.',
  });
  await expect(page.getByRole('status')).toContainText('Visit saved.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Shelter visit on ${shownDate(older)}`);
  await expect(page.getByText('Monitors: Arta Berisha')).toBeVisible();
  const conditions = page.getByRole('region', { name: 'Conditions checklist' });
  await expect(conditions.getByRole('row', { name: /^Heating/ })).toContainText('Critical');
  await expect(conditions.getByRole('row', { name: /^Heating/ })).toContainText(
    'Boiler broken since December',
  );
  await expect(page.getByRole('region', { name: 'Residents met' })).toContainText(
    '17 residents met in total',
  );
  await expect(page.getByRole('region', { name: 'Findings and follow-up' })).toContainText(
    'Civil documentation, Health care',
  );

  // Edit: the form opens with what was saved; the change shows in the visit's history.
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('spinbutton', { name: 'Adults — female', exact: true })).toHaveValue('5');
  await fillShelterVisit(page, { conditions: { Heating: 'Critical', Overcrowding: 'Needs attention' } });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const history = page.getByRole('region', { name: 'Change history' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history).toContainText('Changed by Arta Berisha');
  await expect(history).toContainText('Conditions checklist');
  await expect(conditions.getByRole('row', { name: /^Overcrowding/ })).toContainText('Needs attention');

  await page.getByRole('link', { name: `← ${SHELTER}` }).click();
  await recordShelterVisit(page, { date: newer, residents: { adultsFemale: '6', adultsMale: '3' } });
  await page.getByRole('link', { name: `← ${SHELTER}` }).click();

  const rows = visitsRegion(page).getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText(shownDate(newer));
  await expect(rows.nth(1)).toContainText('9');
  await expect(rows.nth(2)).toContainText(shownDate(older));
  await expect(rows.nth(2)).toContainText('17');
  await expect(rows.nth(2)).toContainText('1 critical');

  // A future date for a visit that already happened: a clear message, and nothing is saved.
  await visitsRegion(page).getByRole('link', { name: 'New visit' }).click();
  await fillShelterVisit(page, { date: isoDaysFromToday(2), residents: { adultsFemale: '2' } });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(
    page.getByText('This date is in the future. A visit or event already happened: check the date.'),
  ).toBeVisible();
  await expect(page.getByLabel(/^Date of the visit/)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('The visit was not saved. Check the fields marked below.')).toBeVisible();

  // A negative count: its own message, beside the count.
  await fillShelterVisit(page, { date: isoDaysFromToday(-1), residents: { adultsMale: '-2' } });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const negative = page.getByRole('spinbutton', { name: 'Adults — male', exact: true });
  await expect(negative).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('The number cannot be negative.')).toBeVisible();
  await expect(page.getByText('This date is in the future.', { exact: false })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'New shelter visit' })).toBeVisible();

  // Escape cancels; the shelter still has its two visits only, also after a reload.
  await negative.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: SHELTER })).toBeVisible();
  await reloadAndUnlock(page);
  await expect(visitsRegion(page).getByRole('row')).toHaveCount(3);
});

test('household visit: the returnee questionnaire shows follow-up questions as answers change', async ({
  app,
}) => {
  const { page } = app;
  await completeFirstRun(page);
  await registerHousehold(page);
  const household = await page.getByRole('heading', { level: 1 }).innerText();
  await expect(visitsRegion(page)).toContainText('No monitoring visits to this household yet.');
  await visitsRegion(page).getByRole('link', { name: 'New monitoring visit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New monitoring visit' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: /^Questionnaire/ })).toHaveValue('returnee-monitoring');
  await expect(page.getByRole('combobox', { name: /^Questionnaire/ }).locator('option:checked')).toHaveText(
    'Returnee monitoring (version 2)',
  );
  await expect(
    page.getByRole('heading', { level: 3, name: 'Security and freedom of movement' }),
  ).toBeVisible();

  // Yes → the follow-up questions appear; a second level follows its own answer; No → all go.
  const incident = 'Has any household member experienced a security incident since return?';
  const kinds = questionGroup(page, 'What kind of incident?');
  const reported = questionGroup(page, 'Was it reported to the police?');
  const police = questionGroup(page, 'How did the police respond?');
  await expect(kinds).toHaveCount(0);
  await answerChoice(page, incident, 'Yes');
  await expect(kinds).toBeVisible();
  await expect(reported).toBeVisible();
  await expect(police).toHaveCount(0);
  await answerChoice(page, 'Was it reported to the police?', 'Yes');
  await expect(police).toBeVisible();
  await answerChoice(page, 'How did the police respond?', 'No action taken');
  await answerChoice(page, incident, 'No');
  await expect(kinds).toHaveCount(0);
  await expect(reported).toHaveCount(0);
  await expect(police).toHaveCount(0);
  await answerChoice(page, incident, 'Yes');
  await expect(police).toBeVisible();
  await expect(police.getByLabel('No action taken')).toBeChecked();

  // Saving with required answers missing: a message at each question, nothing saved.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('The visit was not saved. Check the fields marked below.')).toBeVisible();
  await expect(kinds.getByText('This field is required.')).toBeVisible();
  await expect(questionGroup(page, 'How safe do household members feel')).toHaveAttribute(
    'aria-invalid',
    'true',
  );

  await answerChoice(page, 'How safe do household members feel', 'Mostly safe');
  await answerChoice(
    page,
    'What kind of incident?',
    'Threats or intimidation',
    'Damage to house or property',
  );
  await page.getByLabel('Date of the most recent incident').fill(isoDaysFromToday(-40));
  await answerChoice(page, 'Was it reported to the police?', 'No');
  await expect(police).toHaveCount(0);
  await answerChoice(page, 'Why was it not reported?', 'Fear of reprisal');
  await answerChoice(page, 'Do household members avoid going', 'No');
  await answerChoice(page, 'Are all household members registered', 'All are registered');
  await page
    .getByRole('spinbutton', { name: /^How many adult members have no valid Kosovo ID card/ })
    .fill('1');
  await answerChoice(page, 'Is there a child in the household whose birth', 'No');
  await page
    .getByRole('combobox', { name: /^Where does the household live now/ })
    .selectOption({ label: 'House rebuilt with return assistance' });
  await answerChoice(page, 'Condition of the dwelling', 'Needs repairs');
  await answerChoice(page, 'Is any property the household owned before displacement', 'Yes');
  await answerChoice(page, 'Has the household filed a claim', 'Claim pending');
  await page.getByLabel('Date the claim was filed').fill('2021-04-12');
  await answerChoice(page, 'Can household members get health care', 'Yes, with difficulty');
  await answerChoice(page, 'Do the school-age children attend school?', 'All attend');
  await answerChoice(page, "What are the household's sources of income?", 'Farming or livestock', 'Pension');
  await answerChoice(page, 'How are relations with neighbours', 'Good');
  await answerChoice(page, 'Has any household member been treated unfairly', 'No');
  await answerChoice(page, 'Are any family members still separated', 'No');
  await answerChoice(page, 'What does the household intend to do?', 'Stay in the place of return');
  await answerChoice(page, 'What stands in the way of this intention?', 'No livelihood');
  await page
    .getByRole('textbox', { name: 'Protection observations' })
    .fill('The roof leaks; the household plans to stay.');
  await page.getByRole('checkbox', { name: 'Livelihoods and employment', exact: true }).check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  await expect(page.getByRole('status')).toContainText('Monitoring visit saved.');
  await expect(
    page.getByRole('heading', { level: 1, name: `Monitoring visit on ${shownDate(isoDaysFromToday(0))}` }),
  ).toBeVisible();
  const answers = page.getByRole('region', { name: 'Answers', exact: true });
  const row = (question: string) =>
    answers.locator('div', { has: page.getByText(question, { exact: true }) }).last();
  await expect(page.getByText('Returnee monitoring (version 2)')).toBeVisible();
  await expect(row('What kind of incident?')).toContainText(
    'Threats or intimidation, Damage to house or property',
  );
  await expect(row('Why was it not reported?')).toContainText('Fear of reprisal');
  await expect(row("What are the household's sources of income?")).toContainText(
    'Farming or livestock, Pension',
  );
  await expect(row('Date the claim was filed')).toContainText(shownDate('2021-04-12'));
  // The police-response answer was given while "reported" was yes; the question is hidden now, so it is not kept.
  await expect(answers.getByText('How did the police respond?')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Referrals', exact: true })).toBeVisible();

  // Still there after a restart, and listed on the household's page.
  await app.restart();
  await unlock(app.page);
  await app.page.getByRole('navigation').getByRole('link', { name: 'Households', exact: true }).click();
  await app.page.getByRole('link', { name: household }).click();
  const visitRows = visitsRegion(app.page).getByRole('row');
  await expect(visitRows).toHaveCount(2);
  await expect(visitRows.nth(1)).toContainText('Returnee monitoring (version 2)');
  await visitRows.nth(1).getByRole('link').click();
  await expect(app.page.getByRole('region', { name: 'Answers', exact: true })).toContainText(
    'Fear of reprisal',
  );
});

test('a half-filled shelter visit survives a reload; Enter saves it', async ({ app }) => {
  const { page } = app;
  await completeFirstRun(page);
  await createShelter(page, { name: SHELTER, municipality: 'Pejë / Peć', capacity: '20', residents: '12' });
  await visitsRegion(page).getByRole('link', { name: 'New visit' }).click();
  await fillShelterVisit(page, {
    date: isoDaysFromToday(-1),
    residents: { olderFemale: '2' },
    conditions: { Privacy: 'Critical' },
    observations: 'No lock on the women’s shower.',
  });
  await expect(page.getByText(/^Draft saved at /)).toBeVisible();

  await reloadAndUnlock(page);
  const draft = page.getByRole('region', { name: 'Unfinished draft' });
  await draft.getByRole('button', { name: 'Resume draft' }).click();
  await expect(page.getByRole('spinbutton', { name: 'Older persons — female' })).toHaveValue('2');
  await expect(
    page.getByRole('radiogroup', { name: 'Privacy' }).getByRole('radio', { name: 'Critical' }),
  ).toBeChecked();
  await page.getByRole('textbox', { name: /^Monitors present/ }).fill('Arta Berisha, Milica Jovanović');
  await page.getByRole('textbox', { name: /^Monitors present/ }).press('Enter');

  await expect(
    page.getByRole('heading', { level: 1, name: `Shelter visit on ${shownDate(isoDaysFromToday(-1))}` }),
  ).toBeVisible();
  await expect(page.getByText('Monitors: Arta Berisha, Milica Jovanović')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Findings and follow-up' })).toContainText(
    'No lock on the women’s shower.',
  );

  // Saved: the form leaves no draft behind.
  await page.getByRole('link', { name: `← ${SHELTER}` }).click();
  await visitsRegion(page).getByRole('link', { name: 'New visit' }).click();
  await reloadAndUnlock(page);
  await expect(page.getByRole('heading', { level: 1, name: 'New shelter visit' })).toBeVisible();
  await expect(page.getByRole('spinbutton', { name: 'Older persons — female' })).toHaveValue('0');
  // Autosave runs only when no older draft is waiting, so "Draft saved" proves none was offered.
  await fillShelterVisit(page, { residents: { olderMale: '1' } });
  await expect(page.getByText(/^Draft saved at /)).toBeVisible();
  await expect(draft).toHaveCount(0);
});
