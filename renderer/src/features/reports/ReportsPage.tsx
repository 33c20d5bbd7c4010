import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportRequest } from '../../../../shared/reports/reportTypes';
import { isoDate, localToday } from '../../../../shared/validation/fields';
import { useServices } from '../../app/AppServices';
import { useLiveResult } from '../../hooks/useLiveResult';
import { useMunicipalityOptions } from '../../hooks/useReferenceNames';
import { ReportExporter } from './ReportExporter';

/** The first day of the month two months back: a quarter up to today by default. */
function defaultFrom(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const month = m - 2 <= 0 ? m + 10 : m - 2;
  const year = m - 2 <= 0 ? y - 1 : y;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

export function ReportsPage() {
  const { t } = useTranslation();
  return (
    <article aria-labelledby="reports-title" className="reports-page">
      <h1 id="reports-title">{t('reports.ui.pageTitle')}</h1>
      <p className="summary">{t('reports.ui.pageIntro')}</p>
      <PeriodSummarySection />
      <OutboxSection />
    </article>
  );
}

function PeriodSummarySection() {
  const { t } = useTranslation();
  const id = useId();
  const today = localToday();
  const [from, setFrom] = useState(() => defaultFrom(today));
  const [to, setTo] = useState(today);
  const [selected, setSelected] = useState<string[]>([]);
  const [includeVisitLog, setIncludeVisitLog] = useState(false);
  const municipalities = useMunicipalityOptions();

  const problem = !isoDate.safeParse(from).success || !isoDate.safeParse(to).success
    ? t('reports.ui.period.invalidDate')
    : to < from
      ? t('reports.ui.period.invalidRange')
      : null;
  const request = useMemo<ReportRequest>(
    () => ({ kind: 'periodSummary', period: { from, to, municipalities: selected, includeVisitLog } }),
    [from, to, selected, includeVisitLog],
  );
  const toggle = (code: string, on: boolean) =>
    setSelected((current) => (on ? [...current, code] : current.filter((c) => c !== code)));

  return (
    <section aria-labelledby={`${id}-title`} className="report-section">
      <h2 id={`${id}-title`}>{t('reports.ui.period.title')}</h2>
      <p className="hint">{t('reports.ui.period.intro')}</p>
      <ReportExporter request={problem ? null : request} problem={problem}>
        <div className="report-period">
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('reports.ui.period.from')}</label>
            <input id={`${id}-from`} type="date" value={from} max={today} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('reports.ui.period.to')}</label>
            <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </div>
        </div>
        <fieldset className="report-municipalities">
          <legend>
            {t('reports.ui.period.municipalities')}{' '}
            <span className="hint">
              {selected.length
                ? t('reports.ui.period.selectedCount', { count: selected.length })
                : t('reports.ui.period.allSelected')}
            </span>
          </legend>
          <div className="report-municipality-list">
            {municipalities.map((m) => (
              <label key={m.code} className="checkbox-label">
                <input type="checkbox" checked={selected.includes(m.code)} onChange={(e) => toggle(m.code, e.target.checked)} />
                {m.label}
              </label>
            ))}
          </div>
          {selected.length > 0 && (
            <button type="button" className="link-button" onClick={() => setSelected([])}>
              {t('reports.ui.period.clearMunicipalities')}
            </button>
          )}
        </fieldset>
        <label className="checkbox-label">
          <input type="checkbox" checked={includeVisitLog} onChange={(e) => setIncludeVisitLog(e.target.checked)} />
          {t('reports.ui.period.includeLog')}
        </label>
      </ReportExporter>
    </section>
  );
}

function OutboxSection() {
  const { t } = useTranslation();
  const { store, host, appInfo } = useServices();
  const id = useId();
  const { data: folder } = useLiveResult(() => store.reports.outboxFolder(), [store]);
  const { data: sent } = useLiveResult(() => store.reports.listSent(), [store]);
  const [error, setError] = useState<string | null>(null);

  const choose = async () => {
    setError(null);
    const picked = await host.pickFolder();
    if (picked.ok) await store.reports.setOutboxFolder(picked.value);
    else if (picked.error.code === 'unsupported') setError(t('reports.ui.outbox.unsupported'));
    else if (picked.error.code !== 'cancelled') setError(t('reports.ui.outbox.chooseFailed', { message: picked.error.message }));
  };

  return (
    <section aria-labelledby={`${id}-title`} className="report-section">
      <h2 id={`${id}-title`}>{t('reports.ui.outbox.title')}</h2>
      <p className="hint">
        {t('reports.ui.outbox.intro')} {appInfo.host === 'browser' && t('reports.ui.outbox.browserNote')}
      </p>
      <div className="report-outbox">
        <p>
          {folder ? t('reports.ui.outbox.folder', { folder: folder.displayName }) : t('reports.ui.outbox.noFolder')}
        </p>
        <button type="button" onClick={choose}>
          {folder ? t('reports.ui.outbox.change') : t('reports.ui.outbox.choose')}
        </button>
        {folder && (
          <button type="button" className="link-button" onClick={() => void store.reports.setOutboxFolder(null)}>
            {t('reports.ui.outbox.stop')}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <h3>{t('reports.ui.outbox.sentTitle')}</h3>
      {!sent?.length ? (
        <p className="empty">{t('reports.ui.outbox.sentEmpty')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('reports.ui.outbox.sentTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.ui.outbox.columns.date')}</th>
              <th scope="col">{t('reports.ui.outbox.columns.report')}</th>
              <th scope="col">{t('reports.ui.outbox.columns.language')}</th>
              <th scope="col">{t('reports.ui.outbox.columns.redacted')}</th>
              <th scope="col">{t('reports.ui.outbox.columns.savedTo')}</th>
            </tr>
          </thead>
          <tbody>
            {sent.map((s) => (
              <tr key={s.id}>
                <td>{t('format.dateTime', { value: new Date(s.at) })}</td>
                <th scope="row">
                  {t(`reports.ui.kind.${s.kind}`)}
                  {s.location !== s.fileName && <span className="report-file">{s.fileName}</span>}
                </th>
                <td>{t(`language.${s.language}`)}</td>
                <td>{s.kind === 'periodSummary' ? '—' : s.redacted ? t('reports.ui.yes') : t('reports.ui.no')}</td>
                <td>
                  {s.location}
                  {s.outbox && <span className="badge">{t('reports.ui.outbox.inOutbox')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
