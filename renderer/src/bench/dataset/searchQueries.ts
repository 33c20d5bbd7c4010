import { normalizeForSearch } from '../../../../shared/text/normalize';
import type { Dataset } from './generateDataset';
import { toSerbianCyrillic } from './names';
import { seededRandom } from './seededRandom';

export interface SearchQuery {
  /** What a monitor types. */
  query: string;
  /** The household whose member the query was made from: it must be among the matches. */
  householdIndex: number;
  /** How the query differs from the stored name. */
  variant: 'otherScript' | 'noDiacritics' | 'asWritten' | 'prefix';
}

const isCyrillic = (text: string) => /[\u0400-\u04ff]/.test(text);
/** Albanian spelling (q, x, y, ë, ç…): such names are not written in Cyrillic here. */
const looksAlbanian = (text: string) => /[qxywëç]|dh|sh|zh|gj|ll|rr/i.test(text);
/** "Đorđević" → "Djordjevic", "Ђорђевић" → "Djordjevic": typed on a keyboard without the letters. */
const plainLatin = (text: string) =>
  normalizeForSearch(text)
    .split(' ')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');

/**
 * Name searches a monitor would type, drawn from the data set's own people: a surname, a full
 * name, or a surname and the start of a first name, half of them in the other script or
 * without diacritics, so the search has to be script- and diacritics-insensitive to find them.
 */
export function searchQueries(dataset: Dataset, count: number, seed = 7): SearchQuery[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const householdIndex = random.int(0, dataset.households.length - 1);
    const members = dataset.households[householdIndex]!.registration.members;
    const [first = '', ...rest] = random.pick(members).fullName.split(' ');
    const surname = rest.join(' ');
    const variant = random.weighted([
      ['otherScript', 3],
      ['noDiacritics', 3],
      ['asWritten', 2],
      ['prefix', 2],
    ] as const);
    const words =
      variant === 'prefix'
        ? `${surname} ${first.slice(0, Math.min(first.length, random.int(2, 4)))}`
        : random.chance(0.5)
          ? surname
          : `${first} ${surname}`;
    const query =
      variant === 'otherScript'
        ? isCyrillic(words) || looksAlbanian(words)
          ? plainLatin(words)
          : toSerbianCyrillic(words)
        : variant === 'noDiacritics'
          ? plainLatin(words)
          : words;
    return { query, householdIndex, variant };
  });
}
