import boldFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import regularFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import type { RefusalReason } from '../../../../shared/reports/buildReport';
import type { GeneratedReport, GenerateReportArgs } from './generateReport';
import type { ReportWorkerMessage, ReportWorkerRequest } from './reportWorkerProtocol';

export interface JobProgress {
  stage: 'loading' | 'rendering';
  /** 0…1 */
  fraction: number;
  pages: number;
}

export class ReportJobCancelled extends Error {
  constructor() {
    super('Report cancelled');
    this.name = 'ReportJobCancelled';
  }
}

export class ReportJobRefused extends Error {
  constructor(readonly reason: RefusalReason) {
    super(`Report refused: ${reason}`);
    this.name = 'ReportJobRefused';
  }
}

export interface ReportJob {
  result: Promise<GeneratedReport>;
  /** Stops the worker at once; `result` rejects with ReportJobCancelled. */
  cancel(): void;
}

async function fetchFont(url: string): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetch(new URL(url, document.baseURI));
  if (!response.ok) throw new Error(`Font ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The font files, fetched fresh for each job (the browser caches them) and handed over. */
async function loadFonts() {
  const [regular, bold] = await Promise.all([fetchFont(regularFontUrl), fetchFont(boldFontUrl)]);
  return { regular, bold };
}

/** Starts a report in its own worker. The UI thread only posts the input and receives bytes. */
export function startReportJob(args: Omit<GenerateReportArgs, 'fonts'>, onProgress: (p: JobProgress) => void): ReportJob {
  const worker = new Worker(new URL('./reportWorker.ts', import.meta.url), { type: 'module' });
  let settle: { resolve: (r: GeneratedReport) => void; reject: (e: Error) => void } | undefined;
  const result = new Promise<GeneratedReport>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = (outcome: () => void) => {
    worker.terminate();
    outcome();
  };
  worker.onmessage = (event: MessageEvent<ReportWorkerMessage>) => {
    const message = event.data;
    switch (message.type) {
      case 'progress':
        onProgress({ stage: message.stage, fraction: message.fraction, pages: message.pages });
        return;
      case 'done':
        return finish(() =>
          settle?.resolve({
            bytes: new Uint8Array(message.bytes),
            pageCount: message.pageCount,
            fileName: message.fileName,
            title: message.title,
          }),
        );
      case 'refused':
        return finish(() => settle?.reject(new ReportJobRefused(message.reason)));
      case 'failed':
        return finish(() => settle?.reject(new Error(message.message)));
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    finish(() => settle?.reject(new Error(event.message || 'The report worker failed to start')));
  };
  const run: ReportWorkerRequest = { type: 'run', args };
  worker.postMessage(run);
  loadFonts().then(
    ({ regular, bold }) => {
      const message: ReportWorkerRequest = { type: 'fonts', fonts: { regular, bold } };
      worker.postMessage(message, [regular.buffer, bold.buffer]);
    },
    (error: unknown) => finish(() => settle?.reject(error instanceof Error ? error : new Error(String(error)))),
  );
  return {
    result,
    cancel: () => finish(() => settle?.reject(new ReportJobCancelled())),
  };
}
