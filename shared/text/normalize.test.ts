import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchesSearch, normalizeForSearch, searchTokens } from './normalize';

describe('normalizeForSearch', () => {
  it('folds Serbian Latin, Cyrillic and ASCII spellings together', () => {
    expect(normalizeForSearch('Đakovica')).toBe('djakovica');
    expect(normalizeForSearch('Ђаковица')).toBe('djakovica');
    expect(normalizeForSearch('Djakovica')).toBe('djakovica');
  });

  it('removes Albanian and Serbian diacritics', () => {
    expect(normalizeForSearch('Mitrovicë')).toBe('mitrovice');
    expect(normalizeForSearch('Graçanicë')).toBe('gracanice');
    expect(normalizeForSearch('Čačak Šid Žabalj Ćuprija')).toBe('cacak sid zabalj cuprija');
  });

  it('transliterates the Serbian digraph letters', () => {
    expect(normalizeForSearch('Љубовија Њиван Џеп')).toBe('ljubovija njivan dzep');
    expect(normalizeForSearch('Džep')).toBe('dzep');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = normalizeForSearch(s);
        expect(normalizeForSearch(once)).toBe(once);
      }),
    );
  });
});

describe('searchTokens and matchesSearch', () => {
  const tokens = searchTokens('Qendra kolektive "Mitrovicë" / Колективни центар');

  it('splits on punctuation and deduplicates', () => {
    expect(tokens).toEqual(['qendra', 'kolektive', 'mitrovice', 'kolektivni', 'centar']);
  });

  it('matches every query token as a prefix', () => {
    expect(matchesSearch(tokens, 'Mitrovice')).toBe(true);
    expect(matchesSearch(tokens, 'колект центар')).toBe(true);
    expect(matchesSearch(tokens, 'mitrovica')).toBe(false);
    expect(matchesSearch(tokens, 'kolektive peja')).toBe(false);
  });
});
