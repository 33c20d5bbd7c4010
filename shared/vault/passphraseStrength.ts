import { normalizeForSearch, searchTokens } from '../text/normalize';

/**
 * A small passphrase strength estimator for the setup and change-passphrase forms.
 *
 * Why hand-written: no estimator is installed (`zxcvbn` and `@zxcvbn-ts/*` are not in
 * node_modules) and the issue forbids adding one now. zxcvbn itself is unmaintained since 2017
 * and ships ~800 kB of English dictionaries; `@zxcvbn-ts/core` is maintained but has no Albanian
 * or Serbian word lists. The meter is guidance: what protects the data is the minimum below plus
 * the KDF cost. If `@zxcvbn-ts/core` is adopted later, keep `assessPassphrase`'s result shape.
 *
 * The estimate is deliberately conservative (it under-rates random letter strings rather than
 * over-rating words): each token is scored as a dictionary word, a year, a name from the setup
 * form, or by brute force with penalties for repeats and runs like "abc", "123".
 */
export const PASSPHRASE_MIN_LENGTH = 12;
export const PASSPHRASE_MIN_WORDS = 4;
/**
 * Score 3 ≈ 45 bits. Against a stolen laptop the attacker guesses offline: with PBKDF2 at 600,000
 * iterations a GPU tries roughly 10^4 guesses a second, so 45 bits takes one GPU several decades
 * and a hundred GPUs most of a year. Lower scores fall in days or weeks to that hardware.
 */
export const PASSPHRASE_MIN_SCORE = 3;

/** i18n keys; the catalogs need one string per key. */
export const passphraseReasons = [
  'passphrase.reason.tooShort',
  'passphrase.reason.common',
  'passphrase.reason.personalInfo',
  'passphrase.reason.repeated',
  'passphrase.reason.sequence',
  'passphrase.reason.repeatedWords',
  'passphrase.reason.year',
  'passphrase.reason.addWords',
] as const;
export type PassphraseReason = (typeof passphraseReasons)[number];
export type PassphraseScore = 0 | 1 | 2 | 3 | 4;

export interface PassphraseAssessment {
  /** 0 very weak … 4 strong, for the meter. */
  score: PassphraseScore;
  /** Rough log2 of the guesses an informed attacker needs. */
  estimatedBits: number;
  /** The form may only continue when this is true. */
  meetsMinimum: boolean;
  /** Problems first, then the suggestion to add words; empty for a strong passphrase. */
  reasons: PassphraseReason[];
}

/** Folded like `normalizeForSearch` and then the usual digit/symbol-for-letter swaps. */
const commonWords = [
  // everywhere
  'password',
  'passwort',
  'letmein',
  'welcome',
  'admin',
  'administrator',
  'login',
  'secret',
  'monkey',
  'dragon',
  'iloveyou',
  'football',
  'master',
  'shadow',
  'sunshine',
  'princess',
  'computer',
  'laptop',
  'hello',
  'default',
  'test',
  'mama',
  'tata',
  'baba',
  // this app and its users
  'protection',
  'protect',
  'monitor',
  'monitoring',
  'unhcr',
  'unicef',
  'osce',
  'humanitarian',
  'refugee',
  'returnee',
  // Albanian and Serbian
  'parola',
  'fjalekalim',
  'fjalekalimi',
  'lozinka',
  'sifra',
  'dashuri',
  'dashuria',
  'zemra',
  'zemer',
  'familja',
  'shqiperia',
  'shqiptar',
  'ljubav',
  'srce',
  'volim',
  'volimte',
  'srbija',
  'nena',
  'babi',
  // places
  'kosova',
  'kosove',
  'kosovo',
  'prishtina',
  'prishtine',
  'pristina',
  'mitrovica',
  'mitrovice',
  'prizren',
  'peja',
  'peje',
  'gjakova',
  'gjakove',
  'djakovica',
  'ferizaj',
  'urosevac',
  'gjilan',
  'gjilani',
  'gnjilane',
  'podujeva',
  'vushtrri',
  'vucitrn',
  'zvecan',
  'leposavic',
  'gracanica',
  'strpce',
  'beograd',
  'belgrade',
  'tirana',
  'albania',
  'serbia',
];
const keyboardRuns = ['qwertyuiop', 'qwertzuiop', 'asdfghjkl', 'zxcvbnm', 'yxcvbnm', 'azertyuiop', 'qazwsx'];
const leet: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};
const SEPARATORS = /[\s\-_.,;:+/\\|]+/u;

interface Match {
  start: number;
  end: number;
  bits: number;
  reason: PassphraseReason;
}

function codePoints(text: string): string[] {
  return Array.from(text);
}

function classOf(ch: string): 'letter' | 'digit' | 'symbol' {
  if (/\p{L}/u.test(ch)) return 'letter';
  if (/\p{N}/u.test(ch)) return 'digit';
  return 'symbol';
}

const cardinality = { letter: 26, digit: 10, symbol: 33 } as const;

/** Brute-force bits of a run of one character class, with repeats and ±1 runs nearly free. */
function runBits(
  chars: readonly string[],
  cls: keyof typeof cardinality,
  reasons: Set<PassphraseReason>,
): number {
  const perChar = Math.log2(cardinality[cls]);
  let bits = 0;
  let repeat = 1;
  let sequence = 1;
  chars.forEach((ch, i) => {
    const prev = chars[i - 1];
    const code = ch.codePointAt(0)!;
    const diff = prev === undefined ? Number.NaN : code - prev.codePointAt(0)!;
    const prevDiff = i >= 2 ? prev!.codePointAt(0)! - chars[i - 2]!.codePointAt(0)! : Number.NaN;
    repeat = diff === 0 ? repeat + 1 : 1;
    sequence = Math.abs(diff) === 1 && (i < 2 || diff === prevDiff) ? sequence + 1 : 1;
    if (repeat >= 2) {
      bits += 1;
      if (repeat === 3) reasons.add('passphrase.reason.repeated');
    } else if (sequence >= 3) {
      bits += 1;
      if (sequence === 3) reasons.add('passphrase.reason.sequence');
    } else bits += perChar;
  });
  return bits;
}

/**
 * A pronounceable letters-only run is probably a word, or words run together: scored as drawn
 * from a large word list (≈13 bits a word, ≈2.5 bits a letter beyond). A run with almost no
 * vowels ("xkqjvmtp") is not a word and keeps its brute-force estimate.
 */
function looksLikeWords(run: readonly string[]): boolean {
  const vowels = run.filter((ch) => 'aeiouy'.includes(ch)).length;
  return vowels / run.length >= 0.2;
}

function wordBits(length: number): number {
  if (length <= 3) return 8;
  if (length <= 5) return 11;
  if (length <= 8) return 13;
  return 13 + 2.5 * (length - 8);
}

function findMatches(folded: string, normalized: string, personal: readonly string[]): Match[] {
  const matches: Match[] = [];
  const taken = new Array<boolean>(folded.length).fill(false);
  const claim = (start: number, end: number, bits: number, reason: PassphraseReason) => {
    for (let i = start; i < end; i++) if (taken[i]) return;
    for (let i = start; i < end; i++) taken[i] = true;
    matches.push({ start, end, bits, reason });
  };
  const candidates: { word: string; bits: number; reason: PassphraseReason }[] = [
    ...personal.map((word) => ({ word, bits: 3, reason: 'passphrase.reason.personalInfo' as const })),
    ...commonWords.map((word) => ({ word, bits: 6, reason: 'passphrase.reason.common' as const })),
  ];
  // Any 4+ letter stretch of a keyboard row counts, in either direction.
  for (const row of keyboardRuns) {
    for (const r of [row, [...row].reverse().join('')]) {
      for (let len = r.length; len >= 4; len--) {
        for (let i = 0; i + len <= r.length; i++) {
          candidates.push({ word: r.slice(i, i + len), bits: 4, reason: 'passphrase.reason.sequence' });
        }
      }
    }
  }
  candidates.sort((a, b) => b.word.length - a.word.length);
  for (const { word, bits, reason } of candidates) {
    let at = folded.indexOf(word);
    while (at >= 0) {
      claim(at, at + word.length, bits, reason);
      at = folded.indexOf(word, at + 1);
    }
  }
  for (const m of normalized.matchAll(/(?:19|20)\d\d/g)) {
    claim(m.index, m.index + 4, 7, 'passphrase.reason.year');
  }
  return matches.sort((a, b) => a.start - b.start);
}

function tokenBits(token: string, personal: readonly string[], reasons: Set<PassphraseReason>): number {
  // Work on the search-normalized form: "Ђорђе", "Đorđe" and "Djordje" are one guess.
  const normalized = normalizeForSearch(token);
  const folded = codePoints(normalized)
    .map((ch) => leet[ch] ?? ch)
    .join('');
  // The swaps map one character to one, so offsets in `folded` are offsets in `normalized`.
  const matches = findMatches(folded, normalized, personal);
  let bits = 0;
  let cursor = 0;
  const scoreGap = (gap: string) => {
    // Split the unmatched stretch into runs of one class.
    const chars = codePoints(gap);
    let i = 0;
    while (i < chars.length) {
      const cls = classOf(chars[i]!);
      let j = i;
      while (j < chars.length && classOf(chars[j]!) === cls) j++;
      const run = chars.slice(i, j);
      const brute = runBits(run, cls, reasons);
      bits += cls === 'letter' && looksLikeWords(run) ? Math.min(brute, wordBits(run.length)) : brute;
      i = j;
    }
  };
  for (const m of matches) {
    scoreGap(normalized.slice(cursor, m.start));
    bits += m.bits;
    reasons.add(m.reason);
    cursor = m.end;
  }
  scoreGap(normalized.slice(cursor));
  // Capitals: a leading capital is what everyone does; capitals elsewhere add a little.
  const letters = codePoints(token).filter((ch) => /\p{L}/u.test(ch));
  const upper = letters.filter((ch) => ch !== ch.toLocaleLowerCase('und'));
  if (upper.length > 0)
    bits += upper.length === letters.length || (upper.length === 1 && upper[0] === letters[0]) ? 1 : 2;
  if (folded !== normalized) bits += 1; // letter-for-digit swaps are among the first rules tried
  return bits;
}

function scoreFor(bits: number): PassphraseScore {
  if (bits < 25) return 0;
  if (bits < 35) return 1;
  if (bits < 45) return 2;
  if (bits < 60) return 3;
  return 4;
}

/**
 * @param userInputs what the setup form already knows (organisation, monitor and device
 *   names): using them in the passphrase earns almost nothing.
 */
export function assessPassphrase(
  passphrase: string,
  userInputs: readonly string[] = [],
): PassphraseAssessment {
  const text = passphrase.normalize('NFC');
  const length = codePoints(text).length;
  const personal = [...new Set(userInputs.flatMap((input) => searchTokens(input)))].filter(
    (t) => t.length >= 3,
  );
  const reasons = new Set<PassphraseReason>();

  // Words are separated by spaces or punctuation, or by a capital inside a word (camelCase).
  const tokens = text
    .split(SEPARATORS)
    .flatMap((part) => part.split(/(?<=\p{Ll})(?=\p{Lu})/u))
    .filter((t) => t.length > 0);
  const seen = new Set<string>();
  let bits = SEPARATORS.test(text) && tokens.length > 1 ? 2 : 0;
  for (const token of tokens) {
    const key = normalizeForSearch(token);
    if (seen.has(key)) {
      reasons.add('passphrase.reason.repeatedWords');
      bits += 1;
      continue;
    }
    seen.add(key);
    bits += tokenBits(token, personal, reasons);
  }
  bits = Math.round(bits * 10) / 10;

  const words = [...seen].filter((t) => /\p{L}/u.test(t) && codePoints(t).length >= 2).length;
  const longEnough = length >= PASSPHRASE_MIN_LENGTH || words >= PASSPHRASE_MIN_WORDS;
  let score = scoreFor(bits);
  if (!longEnough) {
    reasons.add('passphrase.reason.tooShort');
    score = score > 1 ? 1 : score;
  }
  const ordered = passphraseReasons.filter((r) => reasons.has(r));
  if (score < 4) ordered.push('passphrase.reason.addWords');
  return {
    score,
    estimatedBits: bits,
    meetsMinimum: longEnough && score >= PASSPHRASE_MIN_SCORE,
    reasons: ordered,
  };
}
