import { buildReportDocument } from '../../../../shared/reports/buildReport';
import type { ReportBranding, ReportInput, ReportOptions } from '../../../../shared/reports/reportTypes';
import { renderReportPdf, type RenderHooks, type ReportFonts } from './pdf/renderReportPdf';
import { createReportTranslator } from './reportI18n';

export interface GenerateReportArgs {
  input: ReportInput;
  options: ReportOptions;
  branding: ReportBranding;
  /** ISO date-time; the header prints it and "overdue" is judged against it. */
  generatedAt: string;
  fonts: ReportFonts;
}

export interface GeneratedReport {
  bytes: Uint8Array<ArrayBuffer>;
  pageCount: number;
  fileName: string;
  title: string;
}

/**
 * The whole pipeline from gathered input to PDF bytes: translate, build the model, render.
 * Runs in the report worker and, unchanged, in the Node tests and the bench.
 */
export async function generateReport(args: GenerateReportArgs, hooks: RenderHooks = {}): Promise<GeneratedReport> {
  const t = await createReportTranslator(args.options.language);
  const model = buildReportDocument(args.input, t, {
    options: args.options,
    branding: args.branding,
    generatedAt: args.generatedAt,
  });
  const { bytes, pageCount } = renderReportPdf(model, args.fonts, hooks);

  return { bytes, pageCount, fileName: `${model.fileBaseName}.pdf`, title: model.title };
}
