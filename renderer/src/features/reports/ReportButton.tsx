import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportRequest } from '../../../../shared/reports/reportTypes';
import { ReportExporter } from './ReportExporter';

/** The record reports a page can offer (the period summary has its own page). */
export type RecordReportRequest = Exclude<ReportRequest, { kind: 'periodSummary' }>;

/**
 * A button that opens the export dialog for one record's report, e.g.
 * `<ReportButton report={{ kind: 'shelterProfile', shelterId }} />`.
 */
export function ReportButton({ report }: { report: RecordReportRequest }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        {t(`reports.ui.button.${report.kind}`)}
      </button>
      {open && <ReportDialog report={report} onClose={() => setOpen(false)} />}
    </>
  );
}

function ReportDialog({ report, onClose }: { report: RecordReportRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className="report-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{t('reports.ui.dialogTitle', { report: t(`reports.ui.kind.${report.kind}`) })}</h2>
      <ReportExporter request={report} onFinished={onClose} />
    </dialog>
  );
}
