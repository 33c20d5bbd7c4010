import { describe, expect, it } from 'vitest';
import { communities, placesOfDisplacement, referenceEnglishNames, translatedName } from './communities';
import { findMunicipality, localizedPlaceName, municipalities } from './municipalities';
import { normalizeForSearch } from '../text/normalize';

describe('reference data', () => {
  it('has the 38 municipalities with unique codes', () => {
    expect(municipalities).toHaveLength(38);
    expect(new Set(municipalities.map((m) => m.code)).size).toBe(38);
  });

  it('shows municipality names per language, the pair in English', () => {
    const gjakove = findMunicipality('gjakove')!;
    expect(localizedPlaceName(gjakove, 'en')).toBe('Gjakovë / Đakovica');
    expect(localizedPlaceName(gjakove, 'sq')).toBe('Gjakovë');
    expect(localizedPlaceName(gjakove, 'sr-Latn')).toBe('Đakovica');
    expect(localizedPlaceName(gjakove, 'sr-Cyrl')).toBe('Ђаковица');
    expect(localizedPlaceName(findMunicipality('junik')!, 'en')).toBe('Junik');
  });

  it("keeps each municipality's Serbian Latin and Cyrillic names the same word", () => {
    for (const m of municipalities) expect(normalizeForSearch(m.srCyrl)).toBe(normalizeForSearch(m.srLatn));
  });

  it('translates every community and place of displacement named in the reference file', () => {
    expect(communities.map((c) => c.en)).toEqual(referenceEnglishNames.communities);
    expect(placesOfDisplacement.map((p) => p.en)).toEqual(referenceEnglishNames.placesOfDisplacement);
    for (const item of [...communities, ...placesOfDisplacement]) {
      expect(normalizeForSearch(item.srCyrl)).toBe(normalizeForSearch(item.srLatn));
      expect(translatedName(item, 'sq')).not.toBe('');
    }
    expect(translatedName(communities[1]!, 'sr-Cyrl')).toBe('Срби');
  });
});
