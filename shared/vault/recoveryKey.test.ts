import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from './encoding';
import { VaultError, isVaultError } from './errors';
import {
  RECOVERY_KEY_BYTES,
  formatRecoveryKey,
  generateRecoveryKey,
  normalizeRecoveryKeyInput,
  parseRecoveryKey,
  recoveryKeyLines,
} from './recoveryKey';

const fixed = Uint8Array.from({ length: RECOVERY_KEY_BYTES }, (_, i) => (i * 37 + 11) & 0xff);

async function reasonOf(input: string): Promise<string | number | undefined> {
  try {
    await parseRecoveryKey(input);
    return undefined;
  } catch (error) {
    if (!isVaultError(error, 'invalid-recovery-key')) throw error;
    return error.details.reason;
  }
}

describe('recovery key', () => {
  it('prints as nine groups of four Crockford base32 characters', async () => {
    const { text, bytes } = await generateRecoveryKey();
    expect(bytes).toHaveLength(20);
    expect(text).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){8}$/);
    expect(recoveryKeyLines(text)).toEqual([text.slice(0, 14), text.slice(15, 29), text.slice(30)]);
    expect((await generateRecoveryKey()).text).not.toBe(text);
  });

  it('round-trips any 20 bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 20, maxLength: 20 }), async (bytes) => {
        expect(toHex(await parseRecoveryKey(await formatRecoveryKey(bytes)))).toBe(toHex(bytes));
      }),
    );
  });

  it('forgives case, spacing, dashes and look-alike letters', async () => {
    const text = await formatRecoveryKey(fixed);
    const variants = [
      text.toLowerCase(),
      text.replace(/-/g, ' '),
      text.replace(/-/g, ''),
      `  ${text.replace(/-/g, ' – ')}\n`,
      text.replace(/0/g, 'O').replace(/1/g, 'l'),
      text.replace(/1/g, 'I'),
      // A Serbian Cyrillic keyboard or an OCR'd sheet: А В Е К М Н Р С Т Х look like Latin letters.
      text.replace(/A/g, 'А').replace(/E/g, 'е').replace(/K/g, 'К').replace(/P/g, 'Р').replace(/C/g, 'С'),
    ];
    for (const variant of variants) expect(toHex(await parseRecoveryKey(variant))).toBe(toHex(fixed));
  });

  it('catches every single mistyped character', async () => {
    const compact = normalizeRecoveryKeyInput(await formatRecoveryKey(fixed));
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (let i = 0; i < compact.length; i++) {
      for (const ch of alphabet) {
        if (ch === compact[i]) continue;
        const typo = compact.slice(0, i) + ch + compact.slice(i + 1);
        expect(await reasonOf(typo)).toBe('checksum');
      }
    }
  });

  it('catches every swap of two neighbouring characters', async () => {
    const compact = normalizeRecoveryKeyInput(await formatRecoveryKey(fixed));
    for (let i = 0; i + 1 < compact.length; i++) {
      if (compact[i] === compact[i + 1]) continue;
      const swapped = compact.slice(0, i) + compact[i + 1] + compact[i] + compact.slice(i + 2);
      expect(await reasonOf(swapped)).toBe('checksum');
    }
  });

  it('says which group has an impossible character, and when characters are missing', async () => {
    const text = await formatRecoveryKey(fixed);
    const groups = text.split('-');
    groups[3] = `${groups[3]!.slice(0, 3)}U`;
    const error = await parseRecoveryKey(groups.join('-')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultError);
    expect(error).toMatchObject({ code: 'invalid-recovery-key', details: { reason: 'character', group: 4 } });
    expect(await reasonOf(text.slice(0, -1))).toBe('length');
    expect(await reasonOf(`${text}7`)).toBe('length');
    expect(await reasonOf('')).toBe('length');
  });
});
