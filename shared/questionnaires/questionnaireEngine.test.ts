import { describe, expect, it } from 'vitest';
import { conditionHolds, pruneHiddenAnswers, validateAnswers, visibleQuestions } from './questionnaireEngine';
import { questionnaireSchema, type Answers } from './questionnaireSchema';

const text = (en: string) => ({ en, sq: en, 'sr-Latn': en, 'sr-Cyrl': en });
const choices = (...values: string[]) => values.map((value) => ({ value, label: text(value) }));

/** A small questionnaire with a three-level chain and every question type. */
const fixture = questionnaireSchema.parse({
  id: 'fixture',
  version: 1,
  title: text('Fixture'),
  sections: [
    {
      id: 'a',
      title: text('A'),
      questions: [
        { id: 'incident', type: 'yesNo', label: text('Incident?'), required: true },
        {
          id: 'kinds',
          type: 'multipleChoice',
          label: text('Kinds'),
          required: true,
          showIf: { question: 'incident', equals: true },
          choices: choices('threats', 'assault', 'other'),
        },
        {
          id: 'otherKind',
          type: 'text',
          label: text('Other kind'),
          required: true,
          showIf: { question: 'kinds', equals: 'other' },
        },
        {
          id: 'reported',
          type: 'yesNo',
          label: text('Reported?'),
          required: true,
          showIf: { question: 'incident', equals: true },
        },
        {
          id: 'response',
          type: 'singleChoice',
          label: text('Response'),
          required: true,
          showIf: { question: 'reported', equals: true },
          choices: choices('good', 'poor'),
        },
      ],
    },
    {
      id: 'b',
      title: text('B'),
      questions: [
        {
          id: 'intention',
          type: 'singleChoice',
          label: text('Intention'),
          choices: choices('stay', 'relocate', 'undecided'),
        },
        {
          id: 'obstacles',
          type: 'text',
          label: text('Obstacles'),
          showIf: { question: 'intention', anyOf: ['stay', 'relocate'] },
        },
        { id: 'members', type: 'number', label: text('Members'), min: 0, max: 40 },
        { id: 'since', type: 'date', label: text('Since') },
      ],
    },
  ],
});
const ids = (answers: Answers) => visibleQuestions(fixture, answers).map((q) => q.id);
const TODAY = '2026-03-10';

describe('conditionHolds', () => {
  it('compares yes/no and single answers, and looks inside multiple-choice answers', () => {
    expect(conditionHolds({ question: 'x', equals: true }, { x: true })).toBe(true);
    expect(conditionHolds({ question: 'x', equals: true }, { x: false })).toBe(false);
    expect(conditionHolds({ question: 'x', equals: true }, {})).toBe(false);
    expect(conditionHolds({ question: 'x', equals: 'other' }, { x: ['threats', 'other'] })).toBe(true);
    expect(conditionHolds({ question: 'x', anyOf: ['a', 'b'] }, { x: 'b' })).toBe(true);
    expect(conditionHolds({ question: 'x', anyOf: ['a', 'b'] }, { x: ['c', 'a'] })).toBe(true);
    expect(conditionHolds({ question: 'x', anyOf: ['a', 'b'] }, { x: 'c' })).toBe(false);
  });
});

describe('visibleQuestions', () => {
  it('shows unconditional questions and follow-ups only when their condition holds', () => {
    expect(ids({})).toEqual(['incident', 'intention', 'members', 'since']);
    expect(ids({ incident: true })).toEqual([
      'incident',
      'kinds',
      'reported',
      'intention',
      'members',
      'since',
    ]);
    expect(ids({ incident: true, kinds: ['other'], reported: true })).toEqual([
      'incident',
      'kinds',
      'otherKind',
      'reported',
      'response',
      'intention',
      'members',
      'since',
    ]);
    expect(ids({ intention: 'relocate' })).toContain('obstacles');
    expect(ids({ intention: 'undecided' })).not.toContain('obstacles');
  });

  it('hides a whole chain when its first answer changes, even if later answers remain', () => {
    const stale = { incident: false, kinds: ['other'], otherKind: 'x', reported: true, response: 'good' };
    expect(ids(stale)).toEqual(['incident', 'intention', 'members', 'since']);
  });
});

describe('pruneHiddenAnswers', () => {
  it('drops answers to hidden questions and empty answers, keeps the rest', () => {
    const answers: Answers = {
      incident: false,
      kinds: ['threats'],
      reported: true,
      response: 'good',
      members: 3,
      since: '',
      intention: null,
    };
    expect(pruneHiddenAnswers(fixture, answers)).toEqual({ incident: false, members: 3 });
  });

  it('keeps false and zero, which are answers', () => {
    expect(pruneHiddenAnswers(fixture, { incident: true, reported: false, members: 0 })).toEqual({
      incident: true,
      reported: false,
      members: 0,
    });
  });
});

describe('validateAnswers', () => {
  it('requires visible required questions only', () => {
    expect(validateAnswers(fixture, {}, TODAY)).toEqual([
      { questionId: 'incident', message: 'validation.required' },
    ]);
    expect(validateAnswers(fixture, { incident: false }, TODAY)).toEqual([]);
    expect(validateAnswers(fixture, { incident: true }, TODAY).map((i) => i.questionId)).toEqual([
      'kinds',
      'reported',
    ]);
  });

  it('follows chained conditions', () => {
    const issues = validateAnswers(fixture, { incident: true, kinds: ['other'], reported: true }, TODAY);
    expect(issues).toEqual([
      { questionId: 'otherKind', message: 'validation.required' },
      { questionId: 'response', message: 'validation.required' },
    ]);
    // The chain's head turns to "no": nothing below it is required any more.
    expect(validateAnswers(fixture, { incident: false, kinds: ['other'], reported: true }, TODAY)).toEqual(
      [],
    );
  });

  it('checks each answer against its type, choices and limits', () => {
    const issues = validateAnswers(
      fixture,
      { incident: 'yes', intention: 'leave', members: -1, since: '2026-03-11' },
      TODAY,
    );
    expect(issues).toEqual([
      { questionId: 'incident', message: 'validation.invalid' },
      { questionId: 'intention', message: 'validation.choose' },
      { questionId: 'members', message: 'validation.notNegative' },
      { questionId: 'since', message: 'validation.dateInFuture' },
    ]);
    expect(
      validateAnswers(fixture, { incident: true, kinds: ['threats', 'nope'], reported: false }, TODAY),
    ).toEqual([{ questionId: 'kinds', message: 'validation.choose' }]);
    expect(validateAnswers(fixture, { incident: false, members: 41, since: '10.03.2026' }, TODAY)).toEqual([
      { questionId: 'members', message: 'validation.tooLarge' },
      { questionId: 'since', message: 'validation.date' },
    ]);
  });

  it('flags answers that do not belong to the questionnaire', () => {
    expect(validateAnswers(fixture, { incident: false, monthlyIncome: 100 }, TODAY)).toEqual([
      { questionId: 'monthlyIncome', message: 'validation.unknownQuestion' },
    ]);
  });
});
