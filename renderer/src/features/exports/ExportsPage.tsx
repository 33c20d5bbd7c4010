import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { exportRecordTypes, type ExportFormat, type ExportRecordType } from '../../../../shared/exports/exportTypes';
import { useAppLanguage } from '../../hooks/useAppLanguage';
import { isExportBusy, useDataExport, type DataExportState } from './useDataExport';

/**
 * "Export data": the records of this database as CSV files (in one zip) or one XLSX workbook,
 * for analysts. Pseudonymised by default; headers in the UI language (docs/exports.md).
 */
export function ExportsPage() {
  const { t } = useTranslation();
  const language = useAppLanguage();
  const id = useId();
  const [types, setTypes] = useState<ExportRecordType[]>([...exportRecordTypes]);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [pseudonymise, setPseudonymise] = useState(true);
  const { state, start, cancel } = useDataExport();
  const busy = isExportBusy(state);
  const nothingChosen = types.length === 0;

  const toggle = (type: ExportRecordType, on: boolean) =>
    setTypes((current) => (on ? [...current, type] : current.filter((t) => t !== type)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy || nothingChosen) return;
    void start({ types, format, pseudonymise, language });
  };

  return (
    <article aria-labelledby={`${id}-title`} className="reports-page">
      <h1 id={`${id}-title`}>{t('exports.title')}</h1>
      <p className="summary">{t('exports.intro')}</p>
      <form className="report-exporter" onSubmit={submit} aria-busy={busy}>
        <fieldset className="services-fieldset" disabled={busy}>
          <legend>{t('exports.typesLegend')}</legend>
          {exportRecordTypes.map((type) => (
            <label key={type} className="checkbox-label">
              <input type="checkbox" checked={types.includes(type)} onChange={(e) => toggle(type, e.target.checked)} />
              {t(`exports.types.${type}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="services-fieldset" disabled={busy}>
          <legend>{t('exports.format.legend')}</legend>
          <label className="checkbox-label">
            <input type="radio" name={`${id}-format`} checked={format === 'csv'} onChange={() => setFormat('csv')} />
            {t('exports.format.csv', { csv: 'CSV', zip: 'ZIP' })}
          </label>
          <label className="checkbox-label">
            <input type="radio" name={`${id}-format`} checked={format === 'xlsx'} onChange={() => setFormat('xlsx')} />
            {t('exports.format.xlsx', { excel: 'Excel', xlsx: 'XLSX' })}
          </label>
        </fieldset>
        <div className="field">
          <label className="checkbox-label">
            <input
              type="checkbox"
              checked={pseudonymise}
              disabled={busy}
              aria-describedby={`${id}-pseudonymise-hint`}
              onChange={(e) => setPseudonymise(e.target.checked)}
            />
            {t('exports.pseudonymise')}
          </label>
          <p id={`${id}-pseudonymise-hint`} className="hint">
            {t('exports.pseudonymiseHint')}
          </p>
        </div>
        {!pseudonymise && <p className="report-warning">{t('exports.personalWarning')}</p>}
        {nothingChosen && (
          <p role="alert" className="form-error">
            {t('exports.chooseType')}
          </p>
        )}
        <ExportProgress state={state} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || nothingChosen}>
            {t('exports.export')}
          </button>
          {busy && (
            <button type="button" onClick={cancel} disabled={state.phase === 'saving'}>
              {t('exports.cancel')}
            </button>
          )}
        </div>
      </form>
    </article>
  );
}

function ExportProgress({ state }: { state: DataExportState }) {
  const { t } = useTranslation();
  const message = statusMessage(state, t);
  const isError = state.phase === 'failed';
  const showBar = state.phase !== 'idle' && state.phase !== 'failed' && state.phase !== 'cancelled';
  // Indeterminate (no value) until the total is known, and while the file itself is written.
  const value =
    state.phase === 'reading'
      ? state.total > 0
        ? Math.round((state.done / state.total) * 100)
        : undefined
      : state.phase === 'writing'
        ? undefined
        : 100;
  return (
    <div className="report-progress">
      {showBar && (
        <progress max={100} value={value} aria-label={t('exports.progressLabel')} aria-valuetext={message || undefined} />
      )}
      <p role={isError ? 'alert' : 'status'} className={isError ? 'form-error' : 'report-status'}>
        {message}
      </p>
    </div>
  );
}

function statusMessage(state: DataExportState, t: (key: string, options?: Record<string, unknown>) => string): string {
  switch (state.phase) {
    case 'idle':
      return '';
    case 'reading':
      return t('exports.status.reading', { done: state.done, total: state.total });
    case 'writing':
      return t('exports.status.writing');
    case 'saving':
      return t('exports.status.saving');
    case 'done':
      return t('exports.status.done', { location: state.location, count: state.records });
    case 'notSaved':
      return t('exports.status.notSaved');
    case 'cancelled':
      return t('exports.status.cancelled');
    case 'failed':
      return t('exports.status.failed', { message: state.message });
  }
}
