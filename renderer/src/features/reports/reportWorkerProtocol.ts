import type { RefusalReason } from '../../../../shared/reports/buildReport';
import type { GenerateReportArgs } from './generateReport';
import type { ReportFonts } from './pdf/renderReportPdf';

/**
 * Messages between the UI and the report worker. Plain data: they cross by structured clone.
 * The page fetches the font files (an asset request it owns, cached by the browser) and hands
 * their bytes over; the worker starts once it has both the job and the fonts.
 */
export type ReportWorkerRequest =
  | { type: 'run'; args: Omit<GenerateReportArgs, 'fonts'> }
  | { type: 'fonts'; fonts: ReportFonts };

export type ReportWorkerMessage =
  | { type: 'progress'; stage: 'loading' | 'rendering'; fraction: number; pages: number }
  | { type: 'done'; bytes: ArrayBuffer; pageCount: number; fileName: string; title: string }
  | { type: 'refused'; reason: RefusalReason }
  | { type: 'failed'; message: string };
