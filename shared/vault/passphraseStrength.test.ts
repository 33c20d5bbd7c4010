import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessPassphrase, passphraseReasons } from './passphraseStrength';

const setupForm = ['Caritas Kosova', 'Arta Berisha', 'LAPTOP-07'];

describe('assessPassphrase', () => {
  it('accepts four or more ordinary words, and long random strings', () => {
    for (const good of [
      'correct horse battery staple',
      'sunce mesec reka more',
      'Ujë i ftohtë në mal të lartë',
      'тамо далеко где цвета лимун жут',
      'bluefish-garden-violin-4821',
      'k7#Pq9!xL2@m',
    ]) {
      expect(assessPassphrase(good, setupForm), good).toMatchObject({ meetsMinimum: true });
    }
    expect(assessPassphrase('violet river lantern orchard harbour').score).toBe(4);
  });

  it('refuses the usual weak choices and says why', () => {
    const cases: [string, string][] = [
      ['password', 'passphrase.reason.tooShort'],
      ['Password123!', 'passphrase.reason.common'],
      ['P4ssw0rd2024', 'passphrase.reason.common'],
      ['Kosova2024!!', 'passphrase.reason.year'],
      ['aaaaaaaaaaaa', 'passphrase.reason.repeated'],
      ['abcdefghijkl', 'passphrase.reason.sequence'],
      ['qwertyuiop12', 'passphrase.reason.sequence'],
      ['Prishtina#Mitrovica#2024', 'passphrase.reason.common'],
      ['arta berisha caritas', 'passphrase.reason.personalInfo'],
      ['monkey monkey monkey monkey', 'passphrase.reason.repeatedWords'],
      ['Ab1!x', 'passphrase.reason.tooShort'],
    ];
    for (const [weak, reason] of cases) {
      const result = assessPassphrase(weak, setupForm);
      expect(result.meetsMinimum, weak).toBe(false);
      expect(result.score, weak).toBeLessThanOrEqual(2);
      expect(result.reasons, weak).toContain(reason);
    }
  });

  it('rates a too-short passphrase weak however random it is', () => {
    const result = assessPassphrase('k7#Pq9!xL2@');
    expect(result).toMatchObject({ meetsMinimum: false, score: 1 });
    expect(result.reasons[0]).toBe('passphrase.reason.tooShort');
  });

  it('treats one name in two scripts as the same guess', () => {
    expect(assessPassphrase('Ђорђе').estimatedBits).toBe(assessPassphrase('Đorđe').estimatedBits);
  });

  it('never lowers the estimate when a word is added', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.stringMatching(/^[a-z]{1,10}$/), (start, word) => {
        expect(assessPassphrase(`${start} ${word}`).estimatedBits).toBeGreaterThanOrEqual(
          assessPassphrase(start).estimatedBits,
        );
      }),
    );
  });

  it('returns a score from 0 to 4 and only known i18n keys, for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: 'grapheme' }), (text) => {
        const result = assessPassphrase(text);
        expect([0, 1, 2, 3, 4]).toContain(result.score);
        for (const reason of result.reasons) expect(passphraseReasons).toContain(reason);
        expect(result.meetsMinimum).toBe(
          result.score >= 3 && !result.reasons.includes('passphrase.reason.tooShort'),
        );
      }),
    );
  });
});
