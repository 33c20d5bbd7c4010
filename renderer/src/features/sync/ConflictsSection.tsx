import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/AppServices';
import type { SyncedTable } from '../../db/sync/syncTables';
import { useLiveResult } from '../../hooks/useLiveResult';
import { ActionOutcome, useSyncAction } from './useSyncAction';

/** A stored value as text for the review (codes and dates as stored: HQ analysts read both). */
function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Concurrent edits of one field by two devices: the merge kept the newer value and this list
 * the one it overwrote. HQ keeps either; its choice then reaches every device.
 */
export function ConflictsSection() {
  const { t } = useTranslation();
  const { store } = useServices();
  const { data: conflicts } = useLiveResult(() => store.sync.conflicts(), [store]);
  const action = useSyncAction();
  const keep = (choice: { table: SyncedTable; recordId: string; field: string; keepStamp: string }) =>
    action.run(async () => {
      await store.sync.resolveConflict(choice);
      return t('sync.conflicts.resolved');
    });
  return (
    <section aria-labelledby="sync-conflicts">
      <h2 id="sync-conflicts">{t('sync.conflicts.title')}</h2>
      {!conflicts || conflicts.length === 0 ? (
        <p className="empty">{t('sync.conflicts.none')}</p>
      ) : (
        <table aria-labelledby="sync-conflicts">
          <thead>
            <tr>
              <th scope="col">{t('sync.conflicts.column.record')}</th>
              <th scope="col">{t('sync.conflicts.column.field')}</th>
              <th scope="col">{t('sync.conflicts.column.kept')}</th>
              <th scope="col">{t('sync.conflicts.column.overwritten')}</th>
              <th scope="col">{t('sync.hq.column.action')}</th>
            </tr>
          </thead>
          <tbody>
            {conflicts.map((c) => {
              const base = { table: c.table as SyncedTable, recordId: c.recordId, field: c.field };
              return (
                <tr key={c.id}>
                  <td>
                    {t(`sync.tables.${c.table}`)} {c.recordId.slice(0, 8)}
                  </td>
                  <td>{c.field}</td>
                  <td>{shown(c.currentValue)}</td>
                  <td>{shown(c.value)}</td>
                  <td className="actions">
                    {c.currentStamp && (
                      <button
                        type="button"
                        onClick={() => void keep({ ...base, keepStamp: c.currentStamp! })}
                      >
                        {t('sync.conflicts.keepKept')}
                      </button>
                    )}
                    <button type="button" onClick={() => void keep({ ...base, keepStamp: c.stamp })}>
                      {t('sync.conflicts.keepOverwritten')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ActionOutcome message={action.message} error={action.error} />
    </section>
  );
}
