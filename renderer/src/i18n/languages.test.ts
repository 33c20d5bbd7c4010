import { describe, expect, it } from 'vitest';
import { languageFromLocales } from './languages';

describe('languageFromLocales', () => {
  it.each([
    [['sq-XK'], 'sq'],
    [['sq_AL'], 'sq'],
    [['sr-Latn-RS'], 'sr-Latn'],
    [['sr-RS'], 'sr-Cyrl'],
    [['sr-Cyrl-XK'], 'sr-Cyrl'],
    [['de-DE', 'sr-Latn'], 'sr-Latn'],
    [['de-DE', 'fr'], 'en'],
    [['not a locale!', 'sq'], 'sq'],
    [[], 'en'],
  ] as const)('%j → %s', (locales, expected) => {
    expect(languageFromLocales(locales)).toBe(expected);
  });
});
