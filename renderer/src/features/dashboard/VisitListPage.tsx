import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { localDate, localToday } from '../../../../shared/validation/fields';
import { useStore } from '../../app/AppServices';
import type { VisitKind } from '../../db/repositories/dashboardRepository';
import { useLiveResult } from '../../hooks/useLiveResult';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const visitPaths = { shelter: '/shelter-visits', household: '/household-visits' } as const;
const subjectPaths = { shelter: '/shelters', household: '/households' } as const;

/** /dashboard/visits?kind=shelter|household&from=&to=: the visits behind the dashboard figure. */
export function VisitListPage() {
  const { t } = useTranslation();
  const store = useStore();
  const [params] = useSearchParams();
  const kind: VisitKind = params.get('kind') === 'shelter' ? 'shelter' : 'household';
  const today = localToday();
  const from = ISO_DATE.test(params.get('from') ?? '') ? params.get('from')! : `${today.slice(0, 8)}01`;
  const to = ISO_DATE.test(params.get('to') ?? '') ? params.get('to')! : today;
  const { data, error } = useLiveResult(
    () => store.dashboard.visits(kind, from, to),
    [store, kind, from, to],
  );
  const date = (iso: string) => t('format.date', { value: localDate(iso) });

  return (
    <section aria-labelledby="visit-list-title">
      <header className="page-header">
        <div>
          <Link to="/dashboard">← {t('dashboard.title')}</Link>
          <h1 id="visit-list-title">{t(`dashboard.visitList.title.${kind}`)}</h1>
        </div>
      </header>
      <p className="summary">
        {t('dashboard.visitList.range', { from: date(from), to: date(to) })}
        {data && ` · ${t('dashboard.visitList.count', { count: data.total })}`}
      </p>
      {error && <p role="alert">{t('errors.unexpected', { message: error.message })}</p>}
      {data?.total === 0 && <p className="empty">{t('dashboard.visitList.empty')}</p>}
      {data && data.rows.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t(`dashboard.visitList.title.${kind}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.visitList.date')}</th>
              <th scope="col">{t(`dashboard.visitList.subject.${kind}`)}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((v) => (
              <tr key={v.id}>
                <th scope="row">
                  <Link to={`${visitPaths[kind]}/${v.id}`}>{date(v.visitDate)}</Link>
                </th>
                <td>
                  <Link to={`${subjectPaths[kind]}/${v.subjectId}`}>
                    {v.subjectName || t('dashboard.visitList.unknown')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && data.total > data.rows.length && (
        <p className="hint">
          {t('dashboard.visitList.truncated', { shown: data.rows.length, total: data.total })}
        </p>
      )}
    </section>
  );
}
