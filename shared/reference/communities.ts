import data from './kosovo-municipalities.json';
import type { ReferenceLanguage } from './municipalities';

/**
 * Communities and places of displacement from ../shared/reference, with their names in each
 * language of the app. Unlike municipalities these have a proper English name, so English
 * shows that rather than the Albanian/Serbian pair.
 */
export interface TranslatedReference {
  code: string;
  en: string;
  sq: string;
  srLatn: string;
  srCyrl: string;
}

export const communities: readonly TranslatedReference[] = [
  { code: 'albanian', en: 'Albanian', sq: 'Shqiptarë', srLatn: 'Albanci', srCyrl: 'Албанци' },
  { code: 'serb', en: 'Serb', sq: 'Serbë', srLatn: 'Srbi', srCyrl: 'Срби' },
  { code: 'bosniak', en: 'Bosniak', sq: 'Boshnjakë', srLatn: 'Bošnjaci', srCyrl: 'Бошњаци' },
  { code: 'turkish', en: 'Turkish', sq: 'Turq', srLatn: 'Turci', srCyrl: 'Турци' },
  { code: 'roma', en: 'Roma', sq: 'Romë', srLatn: 'Romi', srCyrl: 'Роми' },
  { code: 'ashkali', en: 'Ashkali', sq: 'Ashkalinj', srLatn: 'Aškalije', srCyrl: 'Ашкалије' },
  { code: 'egyptian', en: 'Egyptian', sq: 'Egjiptianë', srLatn: 'Egipćani', srCyrl: 'Египћани' },
  { code: 'gorani', en: 'Gorani', sq: 'Goranë', srLatn: 'Goranci', srCyrl: 'Горанци' },
  { code: 'montenegrin', en: 'Montenegrin', sq: 'Malazezë', srLatn: 'Crnogorci', srCyrl: 'Црногорци' },
  { code: 'croat', en: 'Croat', sq: 'Kroatë', srLatn: 'Hrvati', srCyrl: 'Хрвати' },
  { code: 'other', en: 'Other', sq: 'Tjetër', srLatn: 'Ostali', srCyrl: 'Остали' },
];

export const placesOfDisplacement: readonly TranslatedReference[] = [
  {
    code: 'within-kosovo',
    en: 'Within Kosovo',
    sq: 'Brenda Kosovës',
    srLatn: 'Unutar Kosova',
    srCyrl: 'Унутар Косова',
  },
  { code: 'serbia', en: 'Serbia', sq: 'Serbi', srLatn: 'Srbija', srCyrl: 'Србија' },
  { code: 'montenegro', en: 'Montenegro', sq: 'Mal i Zi', srLatn: 'Crna Gora', srCyrl: 'Црна Гора' },
  {
    code: 'north-macedonia',
    en: 'North Macedonia',
    sq: 'Maqedoni e Veriut',
    srLatn: 'Severna Makedonija',
    srCyrl: 'Северна Македонија',
  },
  { code: 'other', en: 'Other', sq: 'Tjetër', srLatn: 'Drugo', srCyrl: 'Друго' },
];

/** The English names in the reference file, in the same order: a test keeps the lists aligned. */
export const referenceEnglishNames = {
  communities: data.communities,
  placesOfDisplacement: data.placesOfDisplacement,
};

export function translatedName(item: TranslatedReference, language: ReferenceLanguage): string {
  switch (language) {
    case 'en':
      return item.en;
    case 'sq':
      return item.sq;
    case 'sr-Latn':
      return item.srLatn;
    case 'sr-Cyrl':
      return item.srCyrl;
  }
}
