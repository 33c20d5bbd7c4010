import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ReportFonts } from '../../renderer/src/features/reports/pdf/renderReportPdf';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
export const ARTIFACTS = path.join(root, 'test-results/report-pages');

let fonts: Promise<ReportFonts> | undefined;
/** The same TTF files the worker loads as assets. */
export function loadFonts(): Promise<ReportFonts> {
  fonts ??= Promise.all([
    readFile(path.join(root, 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    readFile(path.join(root, 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  ]).then(([regular, bold]) => ({ regular: new Uint8Array(regular), bold: new Uint8Array(bold) }));
  return fonts;
}

let workDir: Promise<string> | undefined;
const tempDir = () => (workDir ??= mkdtemp(path.join(tmpdir(), 'pm-reports-')));

/** Writes the PDF to a temporary folder; returns its path. */
export async function writePdf(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(await tempDir(), `${name}.pdf`);
  await writeFile(file, bytes);
  return file;
}

/** The text poppler reads out of the PDF (reading order, or `-layout`). */
export async function pdfText(file: string, { layout = false, page }: { layout?: boolean; page?: number } = {}) {
  const args = [...(layout ? ['-layout'] : []), ...(page ? ['-f', String(page), '-l', String(page)] : []), '-enc', 'UTF-8', file, '-'];
  const { stdout } = await run('pdftotext', args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

export async function pdfPageCount(file: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [file]);
  return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1] ?? 0);
}

/** Renders page 1 to PNG at 60 dpi and keeps it under test-results/report-pages/. */
export async function keepFirstPagePng(file: string, name: string): Promise<string> {
  const prefix = path.join(await tempDir(), `${name}-page`);
  await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
  await mkdir(ARTIFACTS, { recursive: true });
  const target = path.join(ARTIFACTS, `${name}.png`);
  await copyFile(`${prefix}.png`, target);
  return target;
}

/** Whitespace folded to single spaces: wrapped lines still match. */
export const flat = (text: string) => text.replace(/\s+/g, ' ');
