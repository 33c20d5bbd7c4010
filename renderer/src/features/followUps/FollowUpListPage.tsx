import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { localToday } from '../../../../shared/validation/fields';
import { ListPager } from '../../components/ListPager';
import {
  followUpDueFilters,
  isFollowUpOverdue,
  type FollowUp,
  type FollowUpDue,
  type FollowUpSubject,
} from '../../db/repositories/followUpRepository';
import { FollowUpDoneButton } from './FollowUpDoneButton';
import { FollowUpDueLabel } from './FollowUpDueLabel';
import { useFollowUpList } from './useFollowUps';

const PAGE_SIZE = 50;
const subjectPaths = { referral: '/referrals', household: '/households', shelter: '/shelters' } as const;

function dueFromParams(params: URLSearchParams): FollowUpDue {
  const due = params.get('due');
  return followUpDueFilters.includes(due as FollowUpDue) ? (due as FollowUpDue) : 'open';
}

/** /follow-ups?due=overdue|thisWeek|open|all: open tasks by default, overdue ones marked. */
export function FollowUpListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const due = dueFromParams(params);
  const offset = Math.max(0, (Number.parseInt(params.get('page') ?? '1', 10) || 1) - 1) * PAGE_SIZE;
  const { data, isLoading, error } = useFollowUpList({ due, offset, limit: PAGE_SIZE });
  const today = localToday();
  const go = (next: { due?: FollowUpDue; offset?: number }) => {
    const p = new URLSearchParams({ due: next.due ?? due });
    const page = Math.floor((next.offset ?? 0) / PAGE_SIZE) + 1;
    if (page > 1) p.set('page', String(page));
    setParams(p, { replace: true });
  };
  const subjectLabel = (f: FollowUp, subject: FollowUpSubject | undefined) => {
    const name = subject?.name || t('followUps.unknownSubject');
    return subject?.service ? `${t(`referrals.service.${subject.service}`)} — ${name}` : name;
  };

  return (
    <section aria-labelledby="follow-ups-title">
      <header className="page-header">
        <h1 id="follow-ups-title">{t(`followUps.title.${due}`)}</h1>
      </header>
      <div className="filters" role="search">
        <label>
          <span>{t('followUps.filterDue')}</span>
          <select value={due} onChange={(e) => go({ due: e.target.value as FollowUpDue })}>
            {followUpDueFilters.map((d) => (
              <option key={d} value={d}>
                {t(`followUps.due.${d}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && <p role="alert">{t('errors.unexpected', { message: error.message })}</p>}
      {data && <p className="summary">{t('followUps.count', { count: data.total })}</p>}
      {!isLoading && data?.total === 0 && <p className="empty">{t('followUps.empty')}</p>}
      {data && data.rows.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t('followUps.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('followUps.columns.title')}</th>
              <th scope="col">{t('followUps.columns.subject')}</th>
              <th scope="col">{t('followUps.columns.due')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('followUps.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((f) => (
              <tr
                key={f.id}
                className={isFollowUpOverdue(f, today) ? 'overdue-row' : f.done ? 'done-row' : undefined}
              >
                <th scope="row">{f.title}</th>
                <td>
                  <span className="muted">{t(`followUps.subjectType.${f.subjectType}`)}: </span>
                  <Link to={`${subjectPaths[f.subjectType]}/${f.subjectId}`}>
                    {subjectLabel(f, data.subjects[f.subjectId])}
                  </Link>
                </td>
                <td>
                  <FollowUpDueLabel followUp={f} />
                </td>
                <td>
                  <FollowUpDoneButton followUp={f} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && (
        <ListPager offset={offset} limit={PAGE_SIZE} total={data.total} onOffset={(o) => go({ offset: o })} />
      )}
    </section>
  );
}
