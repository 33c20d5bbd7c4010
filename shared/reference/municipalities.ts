import data from './kosovo-municipalities.json';

export interface Municipality {
  code: string;
  sq: string;
  srLatn: string;
  srCyrl: string;
}

export const municipalities: readonly Municipality[] = data.municipalities;
export const municipalityCodes = municipalities.map((m) => m.code) as [string, ...string[]];

const byCode = new Map(municipalities.map((m) => [m.code, m]));

export function findMunicipality(code: string): Municipality | undefined {
  return byCode.get(code);
}

export type ReferenceLanguage = 'en' | 'sq' | 'sr-Latn' | 'sr-Cyrl';

/** A place name as shown in a language: Albanian, Serbian, or the pair for English. */
export function localizedPlaceName(place: Omit<Municipality, 'code'>, language: ReferenceLanguage): string {
  switch (language) {
    case 'sq':
      return place.sq;
    case 'sr-Latn':
      return place.srLatn;
    case 'sr-Cyrl':
      return place.srCyrl;
    case 'en':
      return place.sq === place.srLatn ? place.sq : `${place.sq} / ${place.srLatn}`;
  }
}
