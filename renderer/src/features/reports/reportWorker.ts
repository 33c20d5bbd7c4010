import { ReportRefusedError } from '../../../../shared/reports/buildReport';
import { generateReport, type GenerateReportArgs } from './generateReport';
import type { ReportFonts } from './pdf/renderReportPdf';
import type { ReportWorkerMessage, ReportWorkerRequest } from './reportWorkerProtocol';

/**
 * The report worker: builds the PDF off the UI thread and streams its progress. One worker per
 * report; cancelling terminates it, which stops even a table in the middle of a page.
 */
const post = (message: ReportWorkerMessage, transfer: Transferable[] = []) => self.postMessage(message, { transfer });

let job: Omit<GenerateReportArgs, 'fonts'> | undefined;
let fonts: ReportFonts | undefined;

async function run(args: Omit<GenerateReportArgs, 'fonts'>, reportFonts: ReportFonts) {
  try {
    const report = await generateReport(
      { ...args, fonts: reportFonts },
      { onProgress: (p) => post({ type: 'progress', stage: 'rendering', fraction: p.fraction, pages: p.pages }) },
    );
    // A fresh buffer of exactly the PDF's bytes, handed over rather than copied.
    const bytes = report.bytes.slice().buffer;
    post({ type: 'done', bytes, pageCount: report.pageCount, fileName: report.fileName, title: report.title }, [bytes]);
  } catch (error) {
    if (error instanceof ReportRefusedError) post({ type: 'refused', reason: error.reason });
    else post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

self.onmessage = (event: MessageEvent<ReportWorkerRequest>) => {
  const message = event.data;
  if (message.type === 'run') {
    job = message.args;
    post({ type: 'progress', stage: 'loading', fraction: 0, pages: 0 });
  } else {
    fonts = message.fonts;
  }
  if (job && fonts) void run(job, fonts);
};
