/**
 * Pure checks of i18next (JSON v4) catalogs against the English reference catalog.
 *
 * No imports on purpose: the tests use these functions, and `scripts/i18n/sync-sr-cyrl.mjs`
 * loads this file (transpiled by esbuild) to regenerate the Serbian Cyrillic catalog with the
 * very transliteration the test enforces.
 */

export type Catalog = { [key: string]: string | Catalog };
export type FlatCatalog = Record<string, string>;

const PLURAL_SUFFIX = /^(.*)_(zero|one|two|few|many|other)$/;
/** Interpolations ({{count}}, {{value, datetime(dateStyle: medium)}}) and nestings ($t(key)). */
const PLACEHOLDER = /\{\{[^{}]*\}\}|\$t\([^()]*\)/g;

/** Leaf strings by dotted key. Non-string leaves are kept as a marker so they are reported. */
export function flatten(catalog: Catalog, prefix = ''): FlatCatalog {
  const out: FlatCatalog = {};
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      Object.assign(out, flatten(value, path));
    else out[path] = typeof value === 'string' ? value : `\u0000not a string: ${JSON.stringify(value)}`;
  }
  return out;
}

export function pluralCategories(language: string): string[] {
  return [...new Intl.PluralRules(language).resolvedOptions().pluralCategories];
}

/** Base keys that English pluralises, with the suffixes English uses for each. */
export function pluralBases(reference: FlatCatalog): Map<string, Set<string>> {
  const bases = new Map<string, Set<string>>();
  for (const key of Object.keys(reference)) {
    const m = PLURAL_SUFFIX.exec(key);
    if (m && `${m[1]}_other` in reference) {
      const forms = bases.get(m[1]!) ?? new Set<string>();
      forms.add(m[2]!);
      bases.set(m[1]!, forms);
    }
  }
  return bases;
}

/**
 * The keys a catalog in `language` must have: English's non-plural keys as they are, and for
 * each plural base the forms `Intl.PluralRules(language)` distinguishes (plus any non-CLDR
 * form English adds on purpose, such as i18next's optional `_zero`).
 */
export function expectedKeys(
  reference: FlatCatalog,
  referenceLanguage: string,
  language: string,
): Set<string> {
  const bases = pluralBases(reference);
  const referenceCategories = new Set(pluralCategories(referenceLanguage));
  const categories = pluralCategories(language);
  const expected = new Set<string>();
  for (const key of Object.keys(reference)) {
    const m = PLURAL_SUFFIX.exec(key);
    if (!(m && bases.has(m[1]!))) expected.add(key);
  }
  for (const [base, forms] of bases) {
    for (const category of categories) expected.add(`${base}_${category}`);
    for (const form of forms) if (!referenceCategories.has(form)) expected.add(`${base}_${form}`);
  }
  return expected;
}

export interface KeyDiff {
  missing: string[];
  extra: string[];
  /** Keys whose value is not a non-empty string. */
  invalid: string[];
}

export function compareKeys(
  reference: Catalog,
  referenceLanguage: string,
  catalog: Catalog,
  language: string,
): KeyDiff {
  const ref = flatten(reference);
  const flat = flatten(catalog);
  const expected = expectedKeys(ref, referenceLanguage, language);
  return {
    missing: [...expected].filter((k) => !(k in flat)).sort(),
    extra: Object.keys(flat)
      .filter((k) => !expected.has(k))
      .sort(),
    invalid: Object.entries(flat)
      .filter(([, v]) => v.trim() === '' || v.startsWith('\u0000'))
      .map(([k]) => k)
      .sort(),
  };
}

export function placeholders(text: string): string[] {
  return text.match(PLACEHOLDER) ?? [];
}

/** The English string a translated key renders: the same key, or the `_other` form of its base. */
export function referenceFor(ref: FlatCatalog, key: string): string | undefined {
  if (key in ref) return ref[key];
  const m = PLURAL_SUFFIX.exec(key);
  return m ? ref[`${m[1]}_other`] : undefined;
}

export interface PlaceholderProblem {
  key: string;
  missing: string[];
  unexpected: string[];
}

/**
 * Every `{{…}}` of the English string must appear verbatim in the translation, and the
 * translation must not introduce one English does not pass (it would render literally).
 */
export function comparePlaceholders(reference: Catalog, catalog: Catalog): PlaceholderProblem[] {
  const ref = flatten(reference);
  const flat = flatten(catalog);
  const problems: PlaceholderProblem[] = [];
  for (const [key, value] of Object.entries(flat)) {
    const english = referenceFor(ref, key);
    if (english === undefined) continue; // an extra key: compareKeys reports it
    const m = PLURAL_SUFFIX.exec(key);
    // Any placeholder that some English form of the key uses may appear in a translated form.
    const allowed = new Set(
      Object.entries(ref)
        .filter(([k]) => k === key || (m && PLURAL_SUFFIX.exec(k)?.[1] === m[1]))
        .flatMap(([, v]) => placeholders(v)),
    );
    const present = placeholders(value);
    const missing = [...new Set(placeholders(english))].filter((p) => !present.includes(p));
    const unexpected = [...new Set(present)].filter((p) => !allowed.has(p));
    if (missing.length || unexpected.length) problems.push({ key, missing, unexpected });
  }
  return problems.sort((a, b) => a.key.localeCompare(b.key));
}

/** True when a string has nothing to translate: only placeholders, digits, punctuation, space. */
export function isTranslationNeutral(text: string): boolean {
  return !/\p{L}/u.test(text.replace(PLACEHOLDER, ''));
}

export interface CopyReport {
  /** Keys whose translation is identical to English. */
  identical: string[];
  /** How many keys were compared (neutral strings and ignored keys are left out). */
  compared: number;
  ratio: number;
}

export function identicalToReference(
  reference: Catalog,
  catalog: Catalog,
  ignoreKeys: readonly string[] = [],
): CopyReport {
  const ref = flatten(reference);
  const flat = flatten(catalog);
  const identical: string[] = [];
  let compared = 0;
  for (const [key, value] of Object.entries(flat)) {
    const english = referenceFor(ref, key);
    if (english === undefined || ignoreKeys.includes(key) || isTranslationNeutral(english)) continue;
    compared += 1;
    if (value.trim() === english.trim()) identical.push(key);
  }
  return { identical: identical.sort(), compared, ratio: compared === 0 ? 0 : identical.length / compared };
}

// ---------------------------------------------------------------------------------------------
// Serbian: the Cyrillic catalog is the Latin catalog transliterated, letter for letter.
// ---------------------------------------------------------------------------------------------

const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  č: 'ч',
  ć: 'ћ',
  d: 'д',
  dž: 'џ',
  đ: 'ђ',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'ј',
  k: 'к',
  l: 'л',
  lj: 'љ',
  m: 'м',
  n: 'н',
  nj: 'њ',
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

/**
 * Words where "lj", "nj" or "dž" are two letters, not one (a prefix meets a root). Rare; listed
 * as the Latin stem with a "|" where the letters split.
 */
const DIGRAPH_EXCEPTIONS = ['in|jekc', 'kon|jug', 'kon|junk', 'nad|živ', 'pod|žanr', 'od|žal', 'van|jez'];

/**
 * Written in Latin script in the Cyrillic catalog too: the product's name and technical names
 * users see as such on their files and screens. Serbian acronyms (NVO → НВО) are transliterated.
 */
export const LATIN_IN_CYRILLIC: readonly string[] = ['Protection Monitor', 'JPEG', 'PNG', 'WebP', 'PDF'];

export const SERBIAN_CYRILLIC_LETTERS = 'АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШабвгдђежзијклљмнњопрстћуфхцчџш';

function transliterateWord(word: string): string {
  let out = '';
  const lower = word.toLowerCase();
  const splits = new Set<number>();
  for (const exception of DIGRAPH_EXCEPTIONS) {
    const stem = exception.replace('|', '');
    for (let at = lower.indexOf(stem); at >= 0; at = lower.indexOf(stem, at + 1))
      splits.add(at + exception.indexOf('|'));
  }
  for (let i = 0; i < word.length; i += 1) {
    const pair = lower.slice(i, i + 2);
    const isDigraph = (pair === 'lj' || pair === 'nj' || pair === 'dž') && !splits.has(i + 1);
    const source = isDigraph ? word.slice(i, i + 2) : word[i]!;
    const letter = LATIN_TO_CYRILLIC[isDigraph ? pair : source.toLowerCase()];
    if (letter === undefined) out += source;
    else out += source[0] === source[0]!.toLowerCase() ? letter : letter.toUpperCase();
    if (isDigraph) i += 1;
  }
  return out;
}

/**
 * Serbian Latin → Serbian Cyrillic. Placeholders and the `keep` terms (whole words) stay as
 * they are; letters outside the Serbian Latin alphabet (q, w, x, y) are left for the checks below
 * to report.
 */
export function latinToCyrillic(text: string, keep: readonly string[] = LATIN_IN_CYRILLIC): string {
  const escaped = keep.map((k) => `(?<!\\p{L})${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`);
  const protectedPart = new RegExp([PLACEHOLDER.source, ...escaped].join('|'), 'gu');
  let out = '';
  let last = 0;
  for (const m of text.matchAll(protectedPart)) {
    out += text.slice(last, m.index).replace(/\p{L}+/gu, transliterateWord) + m[0];
    last = m.index + m[0].length;
  }
  return out + text.slice(last).replace(/\p{L}+/gu, transliterateWord);
}

export interface ScriptProblem {
  key: string;
  problem: string;
}

/**
 * A Cyrillic catalog may hold Latin letters only inside placeholders and the `keep` terms, and
 * only letters of the Serbian Cyrillic alphabet (no Russian й, ы, щ…; no Latin "j" for "ј").
 */
export function cyrillicScriptProblems(
  catalog: Catalog,
  keep: readonly string[] = LATIN_IN_CYRILLIC,
): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const sorted = [...keep].sort((a, b) => b.length - a.length);
  for (const [key, value] of Object.entries(flatten(catalog))) {
    let text = value.replace(PLACEHOLDER, ' ');
    for (const term of sorted) text = text.split(term).join(' ');
    const latin = text.match(/[\p{Script=Latin}]/gu);
    if (latin) problems.push({ key, problem: `Latin letters: ${[...new Set(latin)].join('')}` });
    const foreign = text.match(/\p{Script=Cyrillic}/gu)?.filter((c) => !SERBIAN_CYRILLIC_LETTERS.includes(c));
    if (foreign?.length)
      problems.push({ key, problem: `not Serbian Cyrillic: ${[...new Set(foreign)].join('')}` });
  }
  return problems;
}

/** Keys where the Cyrillic catalog is not the transliteration of the Latin one. */
export function transliterationMismatches(
  latin: Catalog,
  cyrillic: Catalog,
  options: { keep?: readonly string[]; exemptKeys?: (key: string) => boolean } = {},
): { key: string; expected: string; actual: string | undefined }[] {
  const flatCyrillic = flatten(cyrillic);
  return Object.entries(flatten(latin))
    .filter(([key]) => !options.exemptKeys?.(key))
    .map(([key, value]) => ({
      key,
      expected: latinToCyrillic(value, options.keep ?? LATIN_IN_CYRILLIC),
      actual: flatCyrillic[key],
    }))
    .filter((m) => m.expected !== m.actual);
}

/**
 * The language menu: each option must show the language's own name (its endonym), so users
 * find their language whatever the interface language is. The endonym is the English catalog's
 * entry up to " (", e.g. "Shqip (Albanian)" → "Shqip".
 */
export function endonymProblems(reference: Catalog, catalog: Catalog, section = 'language'): string[] {
  const ref = flatten(reference);
  const flat = flatten(catalog);
  const problems: string[] = [];
  for (const [key, english] of Object.entries(ref)) {
    if (!key.startsWith(`${section}.`) || key === `${section}.label`) continue;
    const endonym = english.split(' (')[0]!.trim();
    if (!flat[key]?.startsWith(endonym))
      problems.push(`${key} should start with "${endonym}", is "${flat[key]}"`);
  }
  return problems;
}

/** Whether a dotted key names a string (or a plural family) or, with `object`, a section. */
export function hasKey(catalog: Catalog, key: string, language = 'en'): boolean {
  const flat = flatten(catalog);
  if (key in flat) return true;
  return pluralCategories(language).some((c) => `${key}_${c}` in flat);
}

export function hasSection(catalog: Catalog, path: string): boolean {
  let node: string | Catalog | undefined = catalog;
  for (const part of path.split('.')) {
    if (node === undefined || typeof node === 'string') return false;
    node = node[part];
  }
  return node !== undefined && typeof node === 'object';
}
