import { strFromU8, unzipSync } from 'fflate';

/**
 * Readers for the files an export writes, independent of the writers: an RFC 4180 parser and
 * a look at the XML inside an XLSX. Tests only.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
      } else {
        field += c;
        i += 1;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i += 1;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '"' || c === '\r' || c === '\n') {
      throw new Error(`Unquoted ${JSON.stringify(c)} at ${i}`);
    } else {
      field += c;
      i += 1;
    }
  }
  if (field !== '' || row.length) throw new Error('The last record does not end with CRLF');
  return rows;
}

/** The CSV files of an export zip, as text (BOM checked and removed). */
export function readCsvZip(zip: Uint8Array): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(zip)).map(([name, bytes]) => {
      if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) throw new Error(`${name} has no byte order mark`);
      return [name, strFromU8(bytes.subarray(3))];
    }),
  );
}

/** Header and rows of each CSV file, as objects keyed by header. */
export function csvTables(zip: Uint8Array): Record<string, { header: string[]; rows: Record<string, string>[] }> {
  return Object.fromEntries(
    Object.entries(readCsvZip(zip)).map(([name, text]) => {
      const [header = [], ...rows] = parseCsv(text);
      return [name, { header, rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) }];
    }),
  );
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Sheet names and every text the workbook holds (shared strings and inline strings). */
export function readXlsx(bytes: Uint8Array): { sheets: string[]; strings: string[]; xml: string } {
  const files = unzipSync(bytes);
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  const sheets = [...text('xl/workbook.xml').matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => unescapeXml(m[1]!));
  const xml = Object.keys(files)
    .filter((n) => n.endsWith('.xml'))
    .map(text)
    .join('\n');
  const strings = [...xml.matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>/g)].map((m) => unescapeXml(m[1]!));
  return { sheets, strings, xml };
}
