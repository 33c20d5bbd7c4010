import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import returneeV1 from '../../../../shared/questionnaires/definitions/returnee-monitoring.v1.json';
import {
  createQuestionnaireRegistry,
  installedDefinitions,
  type QuestionnaireRegistry,
} from '../../../../shared/questionnaires/registry';
import { catalogs } from '../../i18n/catalogs';
import type { AppLanguage } from '../../i18n/languages';
import { VisitAnswers } from './VisitAnswers';

async function render(
  visit: Parameters<typeof VisitAnswers>[0]['visit'],
  registry: QuestionnaireRegistry,
  lng: AppLanguage = 'en',
) {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    resources: { [lng]: { translation: catalogs[lng] } },
    lng,
    interpolation: { escapeValue: false },
  });
  const html = renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <VisitAnswers visit={visit} registry={registry} />
    </I18nextProvider>,
  );
  // Plain text, one line per answer row, so expectations read like the page.
  return html
    .replace(/<\/(dd|h3|p)>/g, '\n')
    .replace(/<\/dt>/g, ' = ')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'");
}

/** Made while the app had only version 1: v1's own choice and a question v2 no longer asks. */
const v1Visit = {
  questionnaireId: 'returnee-monitoring',
  questionnaireVersion: 1,
  answers: {
    feelsSafe: 'unsafe',
    securityIncident: true,
    incidentTypes: ['threats', 'propertyDamage'],
    incidentDate: '2025-11-02',
    incidentReported: true,
    policeResponse: 'noAction',
    housingSituation: 'temporaryInformal',
    propertyOccupied: true,
    kpcvaClaim: 'pending',
    monthlyIncome: 180,
    intention: 'undecided',
    decisionHelp: 'Repairs to the roof before winter.',
  },
};

describe('VisitAnswers', () => {
  it('shows a v1 visit with v1 questions after v2 is installed, every answer intact', async () => {
    const onlyV1 = await render(v1Visit, createQuestionnaireRegistry([returneeV1]));
    const withV2 = await render(v1Visit, createQuestionnaireRegistry(installedDefinitions));
    expect(withV2).toBe(onlyV1);

    expect(withV2).toContain('How safe do household members feel in their place of return? = Unsafe');
    expect(withV2).toContain('What kind of incident? = Threats or intimidation, Damage to house or property');
    expect(withV2).toContain('Date of the most recent incident = Nov 2, 2025');
    expect(withV2).toContain('How did the police respond? = No action taken');
    // v1's choice, which v2's list no longer has, and v1's wording of a question v2 rewords.
    expect(withV2).toContain('Where does the household live now? = Temporary or informal shelter');
    expect(withV2).toContain('Is any property of the household occupied, damaged or usurped? = Yes');
    // A question v2 removed.
    expect(withV2).toContain('Approximate monthly household income (in euros) = 180');
    expect(withV2).toContain('What would help the household decide? = Repairs to the roof before winter.');
    // Nothing from v2 leaks in.
    expect(withV2).not.toContain('Family reunification');
    expect(withV2).not.toContain('free legal aid');
    // Questions hidden by the answers are not listed; shown but unanswered ones say so.
    expect(withV2).not.toContain('Why was it not reported?');
    expect(withV2).toContain('Do household members avoid going to some places');
    expect(withV2).toMatch(/Condition of the dwelling = Not answered/);
  });

  it('shows the labels in the current UI language', async () => {
    const text = await render(v1Visit, createQuestionnaireRegistry(installedDefinitions), 'sr-Cyrl');
    expect(text).toContain('Безбедност и слобода кретања');
    expect(text).toContain('Где домаћинство сада живи? = Привремени или неформални смештај');
    expect(text).toContain('Да ли је инцидент пријављен полицији? = Да');
  });

  it('keeps the answers of a version this build does not have, shown as recorded', async () => {
    const text = await render(
      { ...v1Visit, questionnaireVersion: 7 },
      createQuestionnaireRegistry(installedDefinitions),
    );
    expect(text).toContain('version 7');
    expect(text).toContain('housingSituation = temporaryInformal');
    expect(text).toContain('monthlyIncome = 180');
  });
});
