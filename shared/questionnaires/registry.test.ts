import { describe, expect, it } from 'vitest';
import returneeV1 from './definitions/returnee-monitoring.v1.json';
import returneeV2 from './definitions/returnee-monitoring.v2.json';
import shelterV1 from './definitions/shelter-resident-monitoring.v1.json';
import { allQuestions, validateAnswers, visibleQuestions } from './questionnaireEngine';
import { questionnaireSchema, questionTypes, type Questionnaire } from './questionnaireSchema';
import {
  availableQuestionnaires,
  createQuestionnaireRegistry,
  installedDefinitions,
  latestQuestionnaire,
  questionnaireVersion,
} from './registry';

const definitions = {
  'returnee-monitoring.v1': returneeV1,
  'returnee-monitoring.v2': returneeV2,
  'shelter-resident-monitoring.v1': shelterV1,
};
const question = (q: Questionnaire, id: string) => allQuestions(q).find((x) => x.id === id);

describe.each(Object.entries(definitions))('definition %s', (name, raw) => {
  const parsed = questionnaireSchema.safeParse(raw);

  it('passes questionnaireSchema', () => {
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('is named for its id and version', () => {
    expect(`${parsed.data!.id}.v${parsed.data!.version}`).toBe(name);
  });

  it('has every condition pointing at a question with that answer', () => {
    for (const q of allQuestions(parsed.data!)) {
      if (!q.showIf) continue;
      const target = question(parsed.data!, q.showIf.question)!;
      const values = target.type === 'yesNo' ? [true, false] : (target.choices ?? []).map((c) => c.value);
      for (const v of q.showIf.anyOf ?? [q.showIf.equals])
        expect(values, `${q.id} → ${target.id}`).toContain(v);
    }
  });

  it('has unique choice values and translated labels', () => {
    for (const q of allQuestions(parsed.data!)) {
      const values = (q.choices ?? []).map((c) => c.value);
      expect(new Set(values).size).toBe(values.length);
      for (const text of [q.label, ...(q.choices ?? []).map((c) => c.label)]) {
        expect(text['sr-Cyrl']).not.toMatch(/[a-zA-Z]/);
        expect(text['sr-Latn']).not.toBe(text.en);
      }
    }
  });
});

describe('returnee monitoring', () => {
  const v1 = questionnaireSchema.parse(returneeV1);
  const v2 = questionnaireSchema.parse(returneeV2);

  it('uses all six question types and the IASC-based sections', () => {
    expect(new Set(allQuestions(v1).map((q) => q.type))).toEqual(new Set(questionTypes));
    expect(v1.sections.map((s) => s.id)).toEqual([
      'security',
      'documents',
      'property',
      'services',
      'relations',
      'intentions',
    ]);
  });

  it('v2 adds questions, rewords one, changes a choice list and removes one', () => {
    const ids1 = new Set(allQuestions(v1).map((q) => q.id));
    const ids2 = new Set(allQuestions(v2).map((q) => q.id));
    expect([...ids2].filter((id) => !ids1.has(id))).toEqual([
      'legalAidAware',
      'familySeparated',
      'separatedWhere',
      'tracingWanted',
    ]);
    expect([...ids1].filter((id) => !ids2.has(id))).toEqual(['monthlyIncome']);
    expect(question(v2, 'propertyOccupied')!.label.en).not.toBe(question(v1, 'propertyOccupied')!.label.en);
    const housing = (q: Questionnaire) => question(q, 'housingSituation')!.choices!.map((c) => c.value);
    expect(housing(v1)).toContain('temporaryInformal');
    expect(housing(v2)).not.toContain('temporaryInformal');
    expect(housing(v2)).toContain('socialHousing');
  });

  it('an answer valid in v1 is not valid in v2, which is why a visit keeps its version', () => {
    const answers = { housingSituation: 'temporaryInformal', monthlyIncome: 120 };
    const issues = (q: Questionnaire) =>
      validateAnswers(q, answers, '2026-01-01').filter((i) => i.questionId in answers);
    expect(issues(v1)).toEqual([]);
    expect(issues(v2)).toEqual([
      { questionId: 'monthlyIncome', message: 'validation.unknownQuestion' },
      { questionId: 'housingSituation', message: 'validation.choose' },
    ]);
  });

  it('follows the security-incident chain: yes → kind and reporting → police response', () => {
    const shown = (answers: Parameters<typeof visibleQuestions>[1]) =>
      visibleQuestions(v1, answers).map((q) => q.id);
    expect(shown({ securityIncident: false })).not.toContain('incidentTypes');
    expect(shown({ securityIncident: true })).toEqual(
      expect.arrayContaining(['incidentTypes', 'incidentReported']),
    );
    expect(shown({ securityIncident: true, incidentReported: true })).toContain('policeResponse');
    expect(shown({ securityIncident: true, incidentReported: false })).toContain('notReportedReasons');
    expect(shown({ securityIncident: false, incidentReported: true })).not.toContain('policeResponse');
  });
});

describe('registry', () => {
  it('keeps every installed version and offers only the latest of each for new visits', () => {
    expect(latestQuestionnaire('returnee-monitoring')!.version).toBe(2);
    expect(questionnaireVersion('returnee-monitoring', 1)!.version).toBe(1);
    expect(questionnaireVersion('returnee-monitoring', 1)).toBe(
      questionnaireVersion('returnee-monitoring', 1),
    );
    expect(questionnaireVersion('returnee-monitoring', 3)).toBeUndefined();
    expect(latestQuestionnaire('nope')).toBeUndefined();
    expect(availableQuestionnaires().map((q) => `${q.id}@${q.version}`)).toEqual([
      'returnee-monitoring@2',
      'shelter-resident-monitoring@1',
    ]);
  });

  it("returns a v1 visit's questions from v1 before and after v2 is installed", () => {
    const before = createQuestionnaireRegistry([returneeV1]);
    const after = createQuestionnaireRegistry(installedDefinitions);
    expect(before.latestQuestionnaire('returnee-monitoring')!.version).toBe(1);
    expect(after.latestQuestionnaire('returnee-monitoring')!.version).toBe(2);
    expect(after.questionnaireVersion('returnee-monitoring', 1)).toEqual(
      before.questionnaireVersion('returnee-monitoring', 1),
    );
  });

  it('refuses an invalid definition or the same version twice', () => {
    expect(() =>
      createQuestionnaireRegistry([{ ...returneeV1, sections: [] }, returneeV1, returneeV1]),
    ).toThrow(/twice/);
    expect(() => createQuestionnaireRegistry([{ id: 'x', version: 0 }])).toThrow();
  });
});
