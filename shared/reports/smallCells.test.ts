import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protectedBars, protectList, protectTable, suppressCount } from './smallCells';

describe('suppressCount', () => {
  it('shows 0 and 5 or more, hides 1 to 4', () => {
    expect([0, 1, 2, 3, 4, 5, 12].map((n) => suppressCount(n))).toEqual(['0', '<5', '<5', '<5', '<5', '5', '12']);
  });
});

describe('protectList', () => {
  it('hides a small count and, so the total does not give it away, the next smallest', () => {
    expect(protectList([3, 10, 20, 0])).toEqual({
      cells: ['<5', '≥5', '20', '0'],
      hidden: [true, true, false, false],
      total: '33',
    });
  });

  it('needs no second cell when two small counts already hide each other', () => {
    expect(protectList([3, 2, 20]).cells).toEqual(['<5', '<5', '20']);
  });

  it('hides a small total too', () => {
    expect(protectList([0, 3, 0])).toEqual({ cells: ['0', '<5', '0'], hidden: [false, true, false], total: '<5' });
  });
});

describe('protectTable', () => {
  const matrix = fc.array(fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 })
    .map((rows) => rows.map((r) => Array.from({ length: rows[0]!.length }, (_, i) => r[i] ?? 0)));

  it('never leaves a row or column with exactly one hidden entry, hides every 1–4, shows every other count exactly', () => {
    fc.assert(
      fc.property(matrix, (m) => {
        const t = protectTable(m, { rows: true, columns: true });
        const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
        const hiddenText = (s: string) => s === '<5' || s === '≥5';
        const rowLines = m.map((row, r) => [...t.cells[r]!, t.rowTotals[r]!]);
        const colLines = m[0]!.map((_, c) => [...m.map((_, r) => t.cells[r]![c]!), t.columnTotals[c]!]);
        const totalsLine = [...t.columnTotals, t.grandTotal];
        const totalsColumn = [...t.rowTotals, t.grandTotal];
        for (const line of [...rowLines, ...colLines, totalsLine, totalsColumn]) {
          expect(line.filter(hiddenText).length).not.toBe(1);
        }
        m.forEach((row, r) =>
          row.forEach((v, c) => {
            const shown = t.cells[r]![c]!;
            if (v >= 1 && v <= 4) expect(shown).toBe('<5');
            else if (!hiddenText(shown)) expect(shown).toBe(String(v));
            else expect(shown).toBe('≥5');
          }),
        );
        const grand = sum(m.flat());
        if (!hiddenText(t.grandTotal)) expect(t.grandTotal).toBe(String(grand));
      }),
      { numRuns: 300 },
    );
  });

  it('prefers hiding a total that protects two lines over a cell that would expose another', () => {
    // Row 1 has one small cell; hiding its total instead of the 23 keeps the Serb column exact.
    const t = protectTable(
      [
        [23, 3, 0],
        [0, 0, 3],
        [0, 8, 3],
      ],
      { rows: true, columns: true },
    );
    expect(t.cells[0]).toEqual(['23', '<5', '0']);
    expect(t.columnTotals[0]).toBe('23');
  });
});

describe('protectedBars', () => {
  it('draws hidden counts at a fixed length that says nothing about them', () => {
    const bars = protectedBars([
      { label: 'a', value: 1 },
      { label: 'b', value: 4 },
      { label: 'c', value: 40 },
    ]);
    expect(bars.map((b) => [b.display, b.value, b.suppressed])).toEqual([
      ['<5', 2.5, true],
      ['<5', 2.5, true],
      ['40', 40, false],
    ]);
  });
});
