import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvDocument, csvField, csvRecord, csvText } from './csv';
import type { Cell } from './exportTypes';
import { parseCsv } from './testing/readExport';

const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  // The characters that matter to CSV and to spreadsheets, often.
  fc.string({ unit: fc.constantFrom('a', 'ë', 'Ђ', ',', '"', '\r', '\n', '=', '+', '-', '@', '\t', ' ', "'") }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const rowsArb = fc.array(fc.array(cellArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });

describe('CSV writer', () => {
  it('quotes fields with a comma, a quote or a line break, doubling quotes, and ends records with CRLF', () => {
    expect(csvRecord(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\ronly', null, 3, true])).toBe(
      'plain,"a,b","say ""hi""","two\nlines","cr\ronly",,3,true\r\n',
    );
  });

  it('starts the document with a UTF-8 byte order mark and keeps Albanian and Serbian letters', () => {
    const doc = csvDocument([['Emri'], ['Qëndresa Çeku'], ['Ђорђе Јовановић']]);
    expect(doc.startsWith(CSV_BOM)).toBe(true);
    expect(new TextEncoder().encode(doc).subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(doc.slice(1)).toBe('Emri\r\nQëndresa Çeku\r\nЂорђе Јовановић\r\n');
  });

  it.each([
    ['=HYPERLINK("http://x","click")', `"'=HYPERLINK(""http://x"",""click"")"`],
    ['+38344123456', "'+38344123456"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTab', "'\tTab"],
    ['\rCR', `"'\rCR"`],
  ])('neutralises text a spreadsheet would run as a formula: %j', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it('writes numbers as numbers, negative ones included, and leaves safe text alone', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField(2.5)).toBe('2.5');
    expect(csvField('2025-06-12')).toBe('2025-06-12');
    expect(csvField("it's")).toBe("it's");
    expect(csvField(false)).toBe('false');
  });

  it('round-trips any table through an RFC 4180 parser (text as written, formulas neutralised)', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const doc = csvDocument(rows);
        expect(doc.startsWith(CSV_BOM)).toBe(true);
        expect(parseCsv(doc.slice(1))).toEqual(rows.map((r) => r.map(csvText)));
      }),
    );
  });

  it('never lets a text cell start with a formula character', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const parsed = parseCsv(csvDocument(rows).slice(1));
        rows.forEach((row, r) =>
          row.forEach((value, c) => {
            if (typeof value === 'string') expect(parsed[r]![c]!).not.toMatch(/^[=+\-@\t\r]/);
          }),
        );
      }),
    );
  });
});

describe('the test parser', () => {
  it('rejects what is not RFC 4180, so the round trip can fail', () => {
    expect(() => parseCsv('a,b\n')).toThrow();
    expect(() => parseCsv('a,"b\r\n')).toThrow();
    expect(parseCsv('a,"b,""c"""\r\n')).toEqual([['a', 'b,"c"']]);
  });
});
