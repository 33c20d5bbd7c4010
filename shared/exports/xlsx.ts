import writeXlsxFile, { type Row, type Sheet } from 'write-excel-file/universal';
import type { Cell } from './exportTypes';

/**
 * One workbook, one sheet per record type, through write-excel-file (MIT, maintained; the
 * `universal` build runs in the browser, in the Electron renderer and in Node tests). Text is
 * written as shared strings, never as formulas, so a cell starting with "=" is not run: unlike
 * the CSV, the XLSX needs no apostrophe. The whole workbook is built in memory: for very large
 * exports, CSV streams.
 */
export interface WorksheetData {
  name: string;
  header: readonly string[];
  rows: readonly (readonly Cell[])[];
}

const MAX_SHEET_NAME = 31;

/** Excel's rules: at most 31 characters, none of []:*?/\, unique within the workbook. */
export function sheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, index) => {
    const base = raw.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, MAX_SHEET_NAME) || `Sheet${index + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${base.slice(0, MAX_SHEET_NAME - 3)} ${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

const width = (header: string) => Math.min(40, Math.max(10, header.length + 2));

export async function writeWorkbook(sheets: readonly WorksheetData[]): Promise<Uint8Array<ArrayBuffer>> {
  const names = sheetNames(sheets.map((s) => s.name));
  const workbook: Sheet<Blob>[] = sheets.map((sheet, i) => ({
    sheet: names[i]!,
    stickyRowsCount: 1,
    columns: sheet.header.map((h) => ({ width: width(h) })),
    data: [
      sheet.header.map((h) => ({ value: h, fontWeight: 'bold' as const })),
      ...sheet.rows.map((row): Row => row.map((c) => c)),
    ],
  }));
  const blob = await writeXlsxFile(workbook).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
