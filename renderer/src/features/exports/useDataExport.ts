import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportRecordType } from '../../../../shared/exports/exportTypes';
import { ExportCancelled, runExport, type ExportRequest } from '../../../../shared/exports/runExport';
import { localToday } from '../../../../shared/validation/fields';
import { useServices } from '../../app/AppServices';

export type DataExportState =
  | { phase: 'idle' }
  | { phase: 'reading'; done: number; total: number }
  | { phase: 'writing' }
  | { phase: 'saving' }
  | { phase: 'done'; location: string; records: number }
  | { phase: 'notSaved' }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

export const isExportBusy = (state: DataExportState) =>
  state.phase === 'reading' || state.phase === 'writing' || state.phase === 'saving';

/** Lets the page paint and take a click (Cancel) between two chunks of records. */
const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * One analysts' export (shared/exports/runExport.ts): read the chosen record types through the
 * export repository chunk by chunk, with progress and Cancel, then save the zip or workbook
 * through the host (save dialog in Electron, a download in the browser). Headers and sheet
 * names are in the UI language.
 */
export function useDataExport() {
  const { store, host } = useServices();
  const { t } = useTranslation();
  const [state, setState] = useState<DataExportState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);

  // Leaving the page stops an export being read.
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (request: ExportRequest) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setState({ phase: 'reading', done: 0, total: 0 });
      try {
        const file = await runExport(store.exports, request, {
          header: (key) => t(`exports.column.${key}`),
          sheetName: (type: ExportRecordType) => t(`exports.types.${type}`),
          today: localToday(),
          signal: current.signal,
          yieldToUi,
          onProgress: (p) =>
            setState(p.phase === 'reading' ? { phase: 'reading', done: p.done, total: p.total } : { phase: 'writing' }),
        });
        if (current.signal.aborted) return;
        setState({ phase: 'saving' });
        const saved = await host.saveFileWithDialog({
          suggestedName: file.fileName,
          data: file.data,
          // File type names, the same in every language (as 'PDF' for reports).
          filters: [request.format === 'csv' ? { name: 'ZIP', extensions: ['zip'] } : { name: 'XLSX', extensions: ['xlsx'] }],
        });
        if (controller.current !== current) return;
        controller.current = null;
        if (!saved.ok) {
          setState(saved.error.code === 'cancelled' ? { phase: 'notSaved' } : { phase: 'failed', message: saved.error.message });
          return;
        }
        const records = Object.values(file.rowCounts).reduce((a, b) => a + b, 0);
        setState({ phase: 'done', location: saved.value.location, records });
      } catch (error) {
        if (controller.current !== current) return;
        controller.current = null;
        if (error instanceof ExportCancelled) setState({ phase: 'cancelled' });
        else setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    },
    [store, host, t],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState({ phase: 'cancelled' });
  }, []);

  return { state, start, cancel };
}
