import { useCallback, useEffect, useRef, useState } from 'react';
import { referralLetterRefusal, type RefusalReason } from '../../../../shared/reports/buildReport';
import type { ReportOptions, ReportRequest } from '../../../../shared/reports/reportTypes';
import { useServices } from '../../app/AppServices';
import { ReportJobCancelled, ReportJobRefused, startReportJob, type ReportJob } from './reportWorkerClient';

export type ExportState =
  | { phase: 'idle' }
  | { phase: 'gathering' }
  | { phase: 'building'; fraction: number; pages: number }
  | { phase: 'saving' }
  | { phase: 'done'; location: string; outbox: 'none' | 'written' | 'failed'; outboxError?: string }
  | { phase: 'notSaved' }
  | { phase: 'cancelled' }
  | { phase: 'refused'; reason: RefusalReason }
  | { phase: 'notFound' }
  | { phase: 'failed'; message: string };

export const isBusy = (state: ExportState) =>
  state.phase === 'gathering' || state.phase === 'building' || state.phase === 'saving';

/**
 * One report export: gather the records, build the PDF in the worker (progress, cancel), save it
 * through the host (save dialog in Electron, download in the browser), optionally copy it to
 * the reports outbox, and log what was sent.
 */
export function useReportExport() {
  const { store, host } = useServices();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const job = useRef<ReportJob | null>(null);
  const run = useRef(0);

  // Leaving the page stops a report being built.
  useEffect(() => () => job.current?.cancel(), []);

  const start = useCallback(
    async (request: ReportRequest, options: ReportOptions, copyToOutbox: boolean) => {
      const current = ++run.current;
      const stale = () => run.current !== current;
      setState({ phase: 'gathering' });
      try {
        const input = await store.reports.gather(request);
        if (stale()) return;
        if (!input) return setState({ phase: 'notFound' });
        if (input.kind === 'referralLetter') {
          const reason = referralLetterRefusal(input.household);
          if (reason) return setState({ phase: 'refused', reason });
        }
        const branding = await store.reports.branding();
        if (stale()) return;
        setState({ phase: 'building', fraction: 0, pages: 0 });
        job.current = startReportJob({ input, options, branding, generatedAt: new Date().toISOString() }, (p) => {
          if (!stale()) setState({ phase: 'building', fraction: p.fraction, pages: p.pages });
        });
        const report = await job.current.result;
        job.current = null;
        if (stale()) return;

        setState({ phase: 'saving' });
        const saved = await host.saveFileWithDialog({
          suggestedName: report.fileName,
          data: report.bytes,
          filters: [{ name: 'PDF', extensions: ['pdf'] }],
        });
        let outbox: 'none' | 'written' | 'failed' = 'none';
        let outboxError: string | undefined;
        const folder = copyToOutbox ? await store.reports.outboxFolder() : null;
        if (folder) {
          const written = await host.writeFile({ folderId: folder.folderId, relativePath: report.fileName, data: report.bytes });
          outbox = written.ok ? 'written' : 'failed';
          if (!written.ok) outboxError = written.error.message;
        }
        if (!saved.ok && outbox !== 'written') {
          if (saved.error.code === 'cancelled') return setState({ phase: 'notSaved' });
          return setState({ phase: 'failed', message: saved.error.message });
        }
        const location = saved.ok ? saved.value.location : '';
        await store.reports.recordSent({
          kind: request.kind,
          title: report.title,
          fileName: report.fileName,
          language: options.language,
          redacted: options.redacted && request.kind !== 'periodSummary',
          location,
          outbox: outbox === 'written',
        });
        setState({ phase: 'done', location: location || report.fileName, outbox, outboxError });
      } catch (error) {
        job.current = null;
        if (stale()) return;
        if (error instanceof ReportJobCancelled) return setState({ phase: 'cancelled' });
        if (error instanceof ReportJobRefused) return setState({ phase: 'refused', reason: error.reason });
        setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    },
    [store, host],
  );

  const cancel = useCallback(() => {
    run.current += 1;
    job.current?.cancel();
    job.current = null;
    setState({ phase: 'cancelled' });
  }, []);

  const reset = useCallback(() => setState({ phase: 'idle' }), []);

  return { state, start, cancel, reset };
}
