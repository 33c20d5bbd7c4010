import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { holdsPersonalData, type ReportLanguage, type ReportRequest } from '../../../../shared/reports/reportTypes';
import { useStore } from '../../app/AppServices';
import { useAppLanguage } from '../../hooks/useAppLanguage';
import { useLiveResult } from '../../hooks/useLiveResult';
import { supportedLanguages } from '../../i18n/languages';
import { isBusy, useReportExport, type ExportState } from './useReportExport';

interface ReportExporterProps {
  /** What to export; null while the form around it is incomplete. */
  request: ReportRequest | null;
  /** Shown instead of exporting when the request is not ready. */
  problem?: string | null;
  /** Extra controls (the period form) placed before the export options. */
  children?: ReactNode;
  onFinished?: () => void;
}

/**
 * The export controls shared by the report dialog and the Reports page: language of the report
 * (independent of the UI), redaction, copy to the outbox, then a progress bar and Cancel.
 */
export function ReportExporter({ request, problem, children, onFinished }: ReportExporterProps) {
  const { t } = useTranslation();
  const store = useStore();
  const uiLanguage = useAppLanguage();
  const id = useId();
  const [language, setLanguage] = useState<ReportLanguage>(uiLanguage);
  const [redacted, setRedacted] = useState(false);
  const [toOutbox, setToOutbox] = useState(true);
  const { state, start, cancel } = useReportExport();
  const { data: folder } = useLiveResult(() => store.reports.outboxFolder(), [store]);
  const busy = isBusy(state);
  const personal = request ? holdsPersonalData(request.kind) : false;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!request || problem || busy) return;
    void start(request, { language, redacted: personal && redacted }, toOutbox && Boolean(folder));
  };

  return (
    <form className="report-exporter" onSubmit={submit} aria-busy={busy}>
      {children}
      <div className="report-options">
        <div className="field">
          <label htmlFor={`${id}-language`}>{t('reports.ui.language')}</label>
          <select
            id={`${id}-language`}
            value={language}
            disabled={busy}
            aria-describedby={`${id}-language-hint`}
            onChange={(e) => setLanguage(e.target.value as ReportLanguage)}
          >
            {supportedLanguages.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
          <p id={`${id}-language-hint`} className="hint">
            {t('reports.ui.languageHint')}
          </p>
        </div>
        {personal && (
          <div className="field">
            <label className="checkbox-label">
              <input
                type="checkbox"
                checked={redacted}
                disabled={busy}
                aria-describedby={`${id}-redact-hint`}
                onChange={(e) => setRedacted(e.target.checked)}
              />
              {t('reports.ui.redact')}
            </label>
            <p id={`${id}-redact-hint`} className="hint">
              {t('reports.ui.redactHint')}
            </p>
          </div>
        )}
        {folder && (
          <label className="checkbox-label">
            <input type="checkbox" checked={toOutbox} disabled={busy} onChange={(e) => setToOutbox(e.target.checked)} />
            {t('reports.ui.outboxCopy', { folder: folder.displayName })}
          </label>
        )}
      </div>
      {personal && !redacted && <p className="report-warning">{t('reports.ui.personalWarning')}</p>}
      {problem && (
        <p role="alert" className="form-error">
          {problem}
        </p>
      )}
      <ExportProgress state={state} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !request || Boolean(problem)}>
          {t('reports.ui.create')}
        </button>
        {busy ? (
          <button type="button" onClick={cancel} disabled={state.phase === 'saving'}>
            {t('reports.ui.cancel')}
          </button>
        ) : (
          onFinished && (
            <button type="button" onClick={onFinished}>
              {t('reports.ui.close')}
            </button>
          )
        )}
      </div>
    </form>
  );
}

function ExportProgress({ state }: { state: ExportState }) {
  const { t } = useTranslation();
  const message = statusMessage(state, t);
  const showBar = state.phase !== 'idle' && state.phase !== 'refused' && state.phase !== 'notFound';
  const value =
    state.phase === 'building'
      ? Math.round(state.fraction * 100)
      : state.phase === 'saving' || state.phase === 'done' || state.phase === 'notSaved'
        ? 100
        : state.phase === 'gathering'
          ? undefined
          : 0;
  const isError = state.phase === 'failed' || state.phase === 'refused' || state.phase === 'notFound';
  return (
    <div className="report-progress">
      {showBar && (
        <progress
          max={100}
          value={value}
          aria-label={t('reports.ui.progressLabel')}
          aria-valuetext={message || undefined}
        />
      )}
      <p role={isError ? 'alert' : 'status'} className={isError ? 'form-error' : 'report-status'}>
        {message}
      </p>
    </div>
  );
}

function statusMessage(state: ExportState, t: (key: string, options?: Record<string, unknown>) => string): string {
  switch (state.phase) {
    case 'idle':
      return '';
    case 'gathering':
      return t('reports.ui.progress.gathering');
    case 'building':
      return state.pages > 0
        ? t('reports.ui.progress.rendering', { percent: Math.round(state.fraction * 100), count: state.pages })
        : t('reports.ui.progress.starting');
    case 'saving':
      return t('reports.ui.progress.saving');
    case 'done':
      if (state.outbox === 'written') return t('reports.ui.savedOutbox', { location: state.location });
      if (state.outbox === 'failed') return t('reports.ui.outboxFailed', { location: state.location, message: state.outboxError ?? '' });
      return t('reports.ui.saved', { location: state.location });
    case 'notSaved':
      return t('reports.ui.notSaved');
    case 'cancelled':
      return t('reports.ui.cancelled');
    case 'refused':
      return t(`reports.ui.refused.${state.reason}`);
    case 'notFound':
      return t('reports.ui.notFound');
    case 'failed':
      return t('reports.ui.failed', { message: state.message });
  }
}
