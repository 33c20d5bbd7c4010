import { describe, expect, it } from 'vitest';
import { intlDateLocale, intlNumberLocale } from './intlLocale';

describe('Intl locale for a UI language', () => {
  it('uses the language itself where Intl has it', () => {
    expect(intlDateLocale('sq', () => true)).toBe('sq');
    expect(intlNumberLocale('sr-Cyrl', () => true)).toBe('sr-Cyrl');
  });

  it('borrows Albanian conventions where Intl lacks Albanian', () => {
    const date = new Intl.DateTimeFormat(intlDateLocale('sq', () => false), { dateStyle: 'medium' });
    expect(date.format(new Date(2026, 10, 23))).toBe('23.11.2026');
    const number = new Intl.NumberFormat(intlNumberLocale('sq', () => false));
    expect(number.format(12345.5).replace(/\s/g, ' ')).toBe('12 345,5');
  });
});
