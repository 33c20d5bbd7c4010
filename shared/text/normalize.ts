/**
 * Search normalization shared by every list and by the (later) blind index: lower case,
 * Serbian Cyrillic transliterated to Latin, diacritics removed, and đ folded to "dj" so that
 * "Ђаковица", "Đakovica" and "Djakovica" all become "djakovica".
 *
 * Written by hand because no maintained library does Serbian-specific transliteration plus
 * folding in one small, dependency-free function that also runs in main and in workers.
 */
const cyrillicToLatin: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ђ: 'dj',
  е: 'e',
  ж: 'z',
  з: 'z',
  и: 'i',
  ј: 'j',
  к: 'k',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ћ: 'c',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'c',
  џ: 'dz',
  ш: 's',
};

/** Letters NFD does not decompose into base + combining mark. */
const specialFolds: Record<string, string> = { đ: 'dj', ð: 'd', ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss' };

export function normalizeForSearch(text: string): string {
  const lower = text.toLocaleLowerCase('und');
  let out = '';
  for (const ch of lower) {
    out += cyrillicToLatin[ch] ?? specialFolds[ch] ?? ch;
  }
  return out
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/dž/g, 'dz');
}

/** Distinct normalized word tokens of a text, for a multi-entry index. */
export function searchTokens(text: string): string[] {
  const tokens = normalizeForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
  return [...new Set(tokens)];
}

/**
 * True when every token of the query is a prefix of some token of the text, so "mitrov kol"
 * finds `Qendra kolektive "Mitrovicë"`.
 */
export function matchesSearch(textTokens: readonly string[], query: string): boolean {
  const queryTokens = searchTokens(query);
  return queryTokens.every((q) => textTokens.some((t) => t.startsWith(q)));
}
