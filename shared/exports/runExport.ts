import { Zip, ZipDeflate } from 'fflate';
import { questionnaires, type QuestionnaireRegistry } from '../questionnaires/registry';
import type { ReferenceLanguage } from '../reference/municipalities';
import type { ColumnId } from './columnIds';
import { exportColumns } from './columns';
import { CSV_BOM, csvRecord } from './csv';
import {
  csvFileNames,
  exportRecordTypes,
  type Cell,
  type ExportColumn,
  type ExportFormat,
  type ExportRecords,
  type ExportRecordType,
  type ValueContext,
} from './exportTypes';
import { createPseudonymiser, randomPseudonymKey, type Pseudonymiser } from './pseudonym';
import type { WorksheetData } from './xlsx';

/**
 * One export for analysts: read each chosen record type chunk by chunk, turn every live record
 * into a row of its columns (without the personal ones and with pseudonyms for ids when
 * pseudonymised), and write a zip of CSV files or one XLSX workbook. Pure apart from its
 * source: the renderer gives it the repository, tests an array.
 */
export interface ExportSource {
  /** How many rows the type's table holds, tombstones included: the progress bar's total. */
  count(type: ExportRecordType): Promise<number>;
  /** Every stored record of the type, tombstones included, a chunk at a time. */
  chunks<T extends ExportRecordType>(type: T, size: number): AsyncIterable<readonly ExportRecords[T][]>;
  /** Partner organisations' names by id, for the referrals' organisation column. */
  organisationNames(): Promise<ReadonlyMap<string, string>>;
}

export interface ExportRequest {
  types: readonly ExportRecordType[];
  format: ExportFormat;
  pseudonymise: boolean;
  /** Headers, sheet names, municipality names and question labels are in this language. */
  language: ReferenceLanguage;
}

export interface ExportProgress {
  phase: 'reading' | 'writing';
  /** Records read so far, and the estimate of all there are. */
  done: number;
  total: number;
}

export interface ExportOptions {
  /** The translated header of a column. */
  header(key: ColumnId): string;
  /** The translated name of a record type (XLSX sheet names). */
  sheetName(type: ExportRecordType): string;
  /** YYYY-MM-DD: in the file name, and the day ages are computed on. */
  today: string;
  registry?: QuestionnaireRegistry;
  chunkSize?: number;
  onProgress?(progress: ExportProgress): void;
  signal?: AbortSignal;
  /** Awaited after each chunk, so the page can paint and take clicks in between. */
  yieldToUi?(): Promise<void>;
  /** Tests only: a fixed key instead of a random one. */
  pseudonymKey?: Uint8Array;
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  data: Uint8Array<ArrayBuffer>;
  /** Records written per type. */
  rowCounts: Partial<Record<ExportRecordType, number>>;
}

export class ExportCancelled extends Error {
  constructor() {
    super('Export cancelled');
    this.name = 'ExportCancelled';
  }
}

export const DEFAULT_CHUNK_SIZE = 500;
export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A record as the cells of its columns; ids replaced by pseudonyms when there is a pseudonymiser. */
export function exportRow<R>(
  columns: readonly ExportColumn<R>[],
  record: R,
  ctx: ValueContext,
  pseudonym: Pseudonymiser | null,
): Cell[] {
  return columns.map((column) => {
    if (pseudonym && column.kind === 'personal') return null;
    const value = column.value(record, ctx);
    return pseudonym && column.kind === 'id' && typeof value === 'string' ? pseudonym(value) : value;
  });
}

export function exportFileName(request: Pick<ExportRequest, 'format' | 'pseudonymise'>, today: string): string {
  const kind = request.pseudonymise ? 'export-pseudonymised' : 'export';
  return `protection-monitor-${kind}-${today}.${request.format === 'csv' ? 'zip' : 'xlsx'}`;
}

interface Sink {
  begin(type: ExportRecordType, header: string[]): void;
  add(rows: Cell[][]): void;
  end(): void;
  finish(): Promise<Uint8Array<ArrayBuffer>>;
}

/** CSV files deflated into a zip as they are written, so only the compressed bytes pile up. */
function csvZipSink(): Sink {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else parts.push(chunk);
  });
  let file: ZipDeflate | null = null;
  const check = () => {
    if (failure) throw failure;
  };
  return {
    begin(type, header) {
      file = new ZipDeflate(csvFileNames[type], { level: 6 });
      zip.add(file);
      file.push(encoder.encode(CSV_BOM + csvRecord(header)));
      check();
    },
    add(rows) {
      if (rows.length) file?.push(encoder.encode(rows.map(csvRecord).join('')));
      check();
    },
    end() {
      file?.push(new Uint8Array(0), true);
      file = null;
      check();
    },
    async finish() {
      zip.end();
      check();
      const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
      let offset = 0;
      for (const part of parts) {
        out.set(part, offset);
        offset += part.byteLength;
      }
      return out;
    },
  };
}

function xlsxSink(sheetName: (type: ExportRecordType) => string): Sink {
  const sheets: WorksheetData[] = [];
  let current: { name: string; header: string[]; rows: Cell[][] } | null = null;
  return {
    begin(type, header) {
      current = { name: sheetName(type), header, rows: [] };
    },
    add(rows) {
      for (const row of rows) current?.rows.push(row);
    },
    end() {
      if (current) sheets.push(current);
      current = null;
    },
    // Loaded on demand: the XLSX library stays out of the app's start-up bundle.
    finish: async () => (await import('./xlsx')).writeWorkbook(sheets),
  };
}

export async function runExport(
  source: ExportSource,
  request: ExportRequest,
  options: ExportOptions,
): Promise<ExportFile> {
  // Always in the same order, whatever order the types were ticked in.
  const types = exportRecordTypes.filter((t) => request.types.includes(t));
  if (!types.length) throw new Error('No record type to export');
  const { signal } = options;
  const checkCancelled = () => {
    if (signal?.aborted) throw new ExportCancelled();
  };
  const registry = options.registry ?? questionnaires;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  // The key lives only in this closure: once the export is written it is unreachable.
  const pseudonym = request.pseudonymise ? createPseudonymiser(options.pseudonymKey ?? randomPseudonymKey()) : null;
  const organisations = await source.organisationNames();
  const ctx: ValueContext = {
    language: request.language,
    today: options.today,
    organisationName: (id) => organisations.get(id) ?? '',
  };

  let total = 0;
  for (const type of types) total += await source.count(type);
  let done = 0;
  options.onProgress?.({ phase: 'reading', done, total });

  const sink = request.format === 'csv' ? csvZipSink() : xlsxSink(options.sheetName);
  const rowCounts: Partial<Record<ExportRecordType, number>> = {};

  async function exportType<T extends ExportRecordType>(type: T) {
    const columns: ExportColumn<ExportRecords[T]>[] = exportColumns(type, {
      registry,
      language: request.language,
      pseudonymise: request.pseudonymise,
    });
    sink.begin(
      type,
      columns.map((c) => ('key' in c.header ? options.header(c.header.key) : c.header.text)),
    );
    let written = 0;
    for await (const chunk of source.chunks(type, chunkSize)) {
      checkCancelled();
      const rows = chunk.filter((r) => r.deletedAt === null).map((r) => exportRow(columns, r, ctx, pseudonym));
      sink.add(rows);
      written += rows.length;
      done += chunk.length;
      options.onProgress?.({ phase: 'reading', done, total: Math.max(total, done) });
      await options.yieldToUi?.();
    }
    checkCancelled();
    sink.end();
    rowCounts[type] = written;
  }

  for (const type of types) await exportType(type);
  options.onProgress?.({ phase: 'writing', done, total: Math.max(total, done) });
  await options.yieldToUi?.();
  const data = await sink.finish();
  checkCancelled();
  return {
    fileName: exportFileName(request, options.today),
    mimeType: request.format === 'csv' ? 'application/zip' : XLSX_MIME_TYPE,
    data,
    rowCounts,
  };
}
