import type { Random } from './seededRandom';

/**
 * Name pools for the synthetic data set: Albanian names (with ë and ç), Serbian names (with č,
 * ć, š, ž, đ, written in Latin or in Cyrillic) and Bosniak names. Common first names and
 * surnames of Kosovo's communities; combined at random, so no generated person is a real one.
 */
export const albanianNames = {
  male: [
    'Agron',
    'Ardian',
    'Arben',
    'Arsim',
    'Bajram',
    'Bekim',
    'Besnik',
    'Blerim',
    'Burim',
    'Dardan',
    'Driton',
    'Egzon',
    'Endrit',
    'Fadil',
    'Fatmir',
    'Fitim',
    'Gazmend',
    'Granit',
    'Hasan',
    'Ilir',
    'Kushtrim',
    'Labinot',
    'Liridon',
    'Lulzim',
    'Mentor',
    'Mërgim',
    'Naim',
    'Përparim',
    'Qëndrim',
    'Ramadan',
    'Rinor',
    'Shaban',
    'Shpend',
    'Skënder',
    'Valon',
    'Visar',
    'Xhevdet',
    'Xhemajl',
    'Ylber',
    'Zenel',
  ],
  female: [
    'Albana',
    'Ardita',
    'Arta',
    'Besa',
    'Blerta',
    'Burbuqe',
    'Diellza',
    'Donjeta',
    'Drita',
    'Edona',
    'Elira',
    'Erëza',
    'Fatime',
    'Fjolla',
    'Flutura',
    'Ganimete',
    'Gresa',
    'Hana',
    'Hatixhe',
    'Jehona',
    'Kaltrina',
    'Lirie',
    'Lumnije',
    'Mimoza',
    'Mirlinda',
    'Njomza',
    'Qëndresa',
    'Rrezarta',
    'Shkurte',
    'Shqipe',
    'Teuta',
    'Valbona',
    'Vlora',
    'Xhemile',
    'Yllka',
    'Zana',
  ],
  surnames: [
    'Ahmeti',
    'Avdiu',
    'Bajrami',
    'Berisha',
    'Bislimi',
    'Bytyqi',
    'Çitaku',
    'Demaj',
    'Dërmaku',
    'Dobruna',
    'Gashi',
    'Gjoka',
    'Halili',
    'Haxhiu',
    'Hoxha',
    'Hyseni',
    'Ibrahimi',
    'Ismaili',
    'Jashari',
    'Kastrati',
    'Kelmendi',
    'Krasniqi',
    'Kryeziu',
    'Llapashtica',
    'Morina',
    'Musliu',
    'Mustafa',
    'Osmani',
    'Pllana',
    'Rama',
    'Rexhepi',
    'Rrahmani',
    'Sadiku',
    'Salihu',
    'Shala',
    'Sylejmani',
    'Thaçi',
    'Xhaferi',
    'Zeqiri',
    'Zymberi',
  ],
} as const;

export const serbianNames = {
  male: [
    'Aleksandar',
    'Bogdan',
    'Bojan',
    'Branko',
    'Časlav',
    'Dejan',
    'Dragan',
    'Dragoljub',
    'Dušan',
    'Đorđe',
    'Goran',
    'Jovan',
    'Lazar',
    'Ljubiša',
    'Marko',
    'Milan',
    'Miloš',
    'Milutin',
    'Miroslav',
    'Momčilo',
    'Nebojša',
    'Nemanja',
    'Njegoš',
    'Nikola',
    'Petar',
    'Predrag',
    'Radovan',
    'Ratko',
    'Saša',
    'Slobodan',
    'Srđan',
    'Stefan',
    'Svetozar',
    'Uroš',
    'Vladimir',
    'Vuk',
    'Vukašin',
    'Zoran',
    'Žarko',
    'Živojin',
  ],
  female: [
    'Ana',
    'Anđela',
    'Biljana',
    'Bojana',
    'Branka',
    'Danica',
    'Desanka',
    'Dragana',
    'Dušanka',
    'Đurđa',
    'Gordana',
    'Ivana',
    'Jelena',
    'Jovana',
    'Katarina',
    'Kosara',
    'Ljiljana',
    'Ljubica',
    'Marija',
    'Milena',
    'Mileva',
    'Milica',
    'Mirjana',
    'Nada',
    'Nataša',
    'Nevena',
    'Olivera',
    'Radmila',
    'Sanja',
    'Slavica',
    'Snežana',
    'Stana',
    'Svetlana',
    'Tanja',
    'Tijana',
    'Vera',
    'Vesna',
    'Zorica',
    'Željka',
    'Živka',
  ],
  surnames: [
    'Čolić',
    'Denić',
    'Đokić',
    'Đorđević',
    'Đurić',
    'Ilić',
    'Janjić',
    'Jovanović',
    'Kecman',
    'Kostić',
    'Kovačević',
    'Lazić',
    'Lukić',
    'Marković',
    'Milenković',
    'Milošević',
    'Mitić',
    'Mladenović',
    'Nešić',
    'Nikolić',
    'Pavlović',
    'Perić',
    'Petrović',
    'Popović',
    'Radosavljević',
    'Ristić',
    'Savić',
    'Simić',
    'Spasić',
    'Stanković',
    'Stefanović',
    'Stojanović',
    'Stošić',
    'Šćekić',
    'Tasić',
    'Todorović',
    'Trajković',
    'Vasić',
    'Vučković',
    'Živković',
  ],
} as const;

export const bosniakNames = {
  male: ['Adnan', 'Amir', 'Edin', 'Emir', 'Haris', 'Kenan', 'Mirza', 'Samir', 'Sead', 'Senad'],
  female: ['Aida', 'Amra', 'Azra', 'Elma', 'Emina', 'Lejla', 'Merima', 'Mirela', 'Sabina', 'Selma'],
  surnames: [
    'Alić',
    'Begović',
    'Ferizović',
    'Hadžić',
    'Hodžić',
    'Kurtović',
    'Mehmedović',
    'Mujić',
    'Ramić',
    'Salihović',
  ],
} as const;

export type NamePool = {
  readonly male: readonly string[];
  readonly female: readonly string[];
  readonly surnames: readonly string[];
};

/** How a person's name is written: Albanian or Serbian/Bosniak in Latin, or Serbian in Cyrillic. */
export type NameScript = 'latin' | 'cyrillic';

// Serbian Latin to Cyrillic is one letter (or one digraph) to one letter.
const digraphs: Record<string, string> = { lj: 'љ', nj: 'њ', dž: 'џ' };
const letters: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  č: 'ч',
  ć: 'ћ',
  d: 'д',
  đ: 'ђ',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'ј',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  r: 'р',
  s: 'с',
  š: 'ш',
  t: 'т',
  u: 'у',
  v: 'в',
  z: 'з',
  ž: 'ж',
};

/** A Serbian name in Latin script, written in Cyrillic ("Đorđević" → "Ђорђевић"). */
export function toSerbianCyrillic(latin: string): string {
  let out = '';
  for (let i = 0; i < latin.length; i++) {
    const pair = latin.slice(i, i + 2);
    const lowerPair = pair.toLowerCase();
    const upper = pair[0] !== pair[0]!.toLowerCase();
    const digraph = digraphs[lowerPair];
    if (digraph) {
      out += upper ? digraph.toUpperCase() : digraph;
      i++;
      continue;
    }
    const ch = latin[i]!;
    const mapped = letters[ch.toLowerCase()];
    out += mapped ? (ch !== ch.toLowerCase() ? mapped.toUpperCase() : mapped) : ch;
  }
  return out;
}

/** The pool a community's names are drawn from (Roma families use Albanian or Serbian names). */
export function namePoolFor(community: string, random: Random): NamePool {
  switch (community) {
    case 'albanian':
    case 'ashkali':
    case 'egyptian':
      return albanianNames;
    case 'serb':
    case 'montenegrin':
    case 'croat':
      return serbianNames;
    case 'bosniak':
    case 'gorani':
    case 'turkish':
      return bosniakNames;
    default:
      return random.chance(0.5) ? albanianNames : serbianNames;
  }
}

export function writeName(name: string, script: NameScript): string {
  return script === 'cyrillic' ? toSerbianCyrillic(name) : name;
}
