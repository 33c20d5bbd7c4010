import { useStore } from '../../app/AppServices';
import type { FollowUpFilter } from '../../db/repositories/followUpRepository';
import { useLiveResult } from '../../hooks/useLiveResult';

export function useFollowUpList(filter: FollowUpFilter) {
  const store = useStore();
  return useLiveResult(async () => {
    const page = await store.followUps.list(filter);
    return { ...page, subjects: await store.followUps.subjects(page.rows) };
  }, [store, filter.due, filter.offset, filter.limit]);
}

export function useSubjectFollowUps(subjectId: string) {
  const store = useStore();
  return useLiveResult(() => store.followUps.forSubject(subjectId), [store, subjectId]);
}
