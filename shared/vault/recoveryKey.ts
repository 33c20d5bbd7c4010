import { bytesEqual, concatBytes, randomBytes, utf8, type Bytes } from './encoding';
import { VaultError } from './errors';

/**
 * The printable recovery key shown once at setup: 160 random bits in Crockford base32 plus a
 * 20-bit checksum, printed as nine groups of four, e.g. `7GQ2-K9XM-…-T3VD`.
 *
 * - 160 bits: far beyond any search (the key is random, so it needs no slow KDF), yet short
 *   enough to type from paper: 36 characters, like a 1Password Secret Key.
 * - Crockford's alphabet has no I, L, O or U; parsing reads O as 0 and I or L as 1, ignores case,
 *   spaces, dashes and dots, and reads the Cyrillic letters that look like Latin ones (А В Е К
 *   М Н О Р С Т Х) as those, for a monitor typing on a Serbian Cyrillic layout.
 * - The checksum catches a mistyped key before any unwrap is tried (a miss is 1 in a million),
 *   so the UI can say "check the key" instead of "wrong key".
 */
export const RECOVERY_KEY_BYTES = 20;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DATA_CHARS = 32; // 160 bits / 5
const CHECK_CHARS = 4; // 20 bits
export const RECOVERY_KEY_LENGTH = DATA_CHARS + CHECK_CHARS;
const GROUP = 4;
const CHECKSUM_DOMAIN = utf8('protection-monitor/recovery-key/v1');

function toBase32(bytes: Uint8Array, chars: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      bits -= 5;
      out += ALPHABET[(buffer >>> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}

function fromBase32(text: string): Bytes {
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const ch of text) {
    buffer = (buffer << 5) | ALPHABET.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >>> bits) & 0xff;
      buffer &= (1 << bits) - 1;
    }
  }
  return out;
}

async function checksumChars(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', concatBytes(CHECKSUM_DOMAIN, bytes)));
  return toBase32(digest.subarray(0, 3), CHECK_CHARS); // first 20 of 24 bits
}

function group(text: string): string {
  return text.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? '';
}

export async function formatRecoveryKey(bytes: Uint8Array): Promise<string> {
  if (bytes.byteLength !== RECOVERY_KEY_BYTES) throw new RangeError('A recovery key has 20 bytes');
  return group(toBase32(bytes, DATA_CHARS) + (await checksumChars(bytes)));
}

export interface RecoveryKey {
  bytes: Bytes;
  /** `XXXX-XXXX-…`, to show and print once; never stored. */
  text: string;
}

export async function generateRecoveryKey(): Promise<RecoveryKey> {
  const bytes = randomBytes(RECOVERY_KEY_BYTES);
  return { bytes, text: await formatRecoveryKey(bytes) };
}

/** The key in lines of `groupsPerLine` groups, for the printed sheet. */
export function recoveryKeyLines(text: string, groupsPerLine = 3): string[] {
  const groups = text.split('-');
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += groupsPerLine)
    lines.push(groups.slice(i, i + groupsPerLine).join('-'));
  return lines;
}

const lookAlikes: Record<string, string> = {
  O: '0',
  I: '1',
  L: '1',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: '0',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  Ј: 'J',
  Ѕ: 'S',
};

/** What the user typed, reduced to the 36 significant characters (or fewer/more, if mistyped). */
export function normalizeRecoveryKeyInput(input: string): string {
  let out = '';
  for (const ch of input.normalize('NFKC').toUpperCase()) {
    if (/[\s\-‐‑‒–—_.·]/u.test(ch)) continue;
    out += lookAlikes[ch] ?? ch;
  }
  return out;
}

/**
 * The 20 key bytes of a typed or pasted recovery key. Throws `invalid-recovery-key` with
 * `details.reason` = `character` (and the 1-based `group`), `length` or `checksum`.
 */
export async function parseRecoveryKey(input: string): Promise<Bytes> {
  const text = normalizeRecoveryKeyInput(input);
  for (let i = 0; i < text.length; i++) {
    if (!ALPHABET.includes(text[i]!)) {
      throw new VaultError('invalid-recovery-key', 'Recovery key has a character outside its alphabet', {
        reason: 'character',
        group: Math.floor(i / GROUP) + 1,
      });
    }
  }
  if (text.length !== RECOVERY_KEY_LENGTH) {
    throw new VaultError('invalid-recovery-key', 'Recovery key has the wrong length', {
      reason: 'length',
      expected: RECOVERY_KEY_LENGTH,
      actual: text.length,
    });
  }
  const bytes = fromBase32(text.slice(0, DATA_CHARS));
  const expected = await checksumChars(bytes);
  if (!bytesEqual(utf8(expected), utf8(text.slice(DATA_CHARS)))) {
    throw new VaultError('invalid-recovery-key', 'Recovery key checksum does not match', {
      reason: 'checksum',
    });
  }
  return bytes;
}
