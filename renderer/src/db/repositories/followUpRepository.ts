import type { Collection } from 'dexie';
import {
  followUpSchema,
  type FollowUpInput,
  type ReferralService,
} from '../../../../shared/referrals/referralSchema';
import { localToday } from '../../../../shared/validation/fields';
import type { AppDatabase, StoredFollowUp } from '../AppDatabase';
import { RecordNotFoundError, RecordStore } from '../recordStore';
import type { WriteContext } from '../writeContext';
import { endOfWeekOf } from './dateRanges';

export type FollowUp = StoredFollowUp;

/**
 * overdue: not done and due before today; thisWeek: not done and due from today to Sunday;
 * open: not done; all: everything.
 */
export const followUpDueFilters = ['overdue', 'thisWeek', 'open', 'all'] as const;
export type FollowUpDue = (typeof followUpDueFilters)[number];

export interface FollowUpFilter {
  due?: FollowUpDue;
  subjectId?: string;
  offset?: number;
  limit?: number;
}

export interface FollowUpSubject {
  name: string;
  /** For a referral: the service it is for. */
  service?: ReferralService;
}

export const isFollowUpOverdue = (f: Pick<FollowUp, 'done' | 'dueDate'>, today = localToday()) =>
  !f.done && f.dueDate < today;

/** Open tasks first by due date, then done ones, latest first. */
const openFirst = (a: FollowUp, b: FollowUp) =>
  Number(a.done) - Number(b.done) ||
  (a.done ? b.dueDate.localeCompare(a.dueDate) : a.dueDate.localeCompare(b.dueDate));

/** The sparse `openDue` index key (also computed by the sync import at HQ). */
export const deriveFollowUpFields = (f: Pick<FollowUpInput, 'done' | 'dueDate'>) => ({
  openDue: f.done ? undefined : f.dueDate,
});

/** Follow-up tasks on a referral, household or shelter, with due dates. */
export function createFollowUpRepository(db: AppDatabase, ctx: WriteContext) {
  const store = new RecordStore<FollowUpInput, FollowUp>(db, ctx, {
    entity: 'followUp',
    table: (d) => d.followUps,
    inputSchema: followUpSchema,
    derive: deriveFollowUpFields,
  });
  const today = () => localToday(ctx.now());

  const setDone = async (id: string, done: boolean) => {
    const current = await store.get(id);
    if (!current) throw new RecordNotFoundError('followUp', id);
    return store.update(id, { ...current, done }, { completedOn: done ? today() : '' });
  };

  const forSubject = async (subjectId: string): Promise<FollowUp[]> => {
    const rows = await db.followUps.where('subjectId').equals(subjectId).toArray();
    return rows.filter((f) => f.deletedAt === null).sort(openFirst);
  };

  const dueMatches = (due: FollowUpDue) => (f: FollowUp) => {
    if (due === 'all') return true;
    if (f.done) return false;
    if (due === 'overdue') return f.dueDate < today();
    if (due === 'thisWeek') return f.dueDate >= today() && f.dueDate <= endOfWeekOf(today());
    return true;
  };

  function collectionFor(due: FollowUpDue): Collection<FollowUp, string> {
    const t = db.followUps;
    switch (due) {
      case 'overdue':
        return t.where('openDue').below(today());
      case 'thisWeek':
        return t.where('openDue').between(today(), endOfWeekOf(today()), true, true);
      case 'open':
        return t.orderBy('openDue');
      case 'all':
        return t.orderBy('dueDate').reverse();
    }
  }

  return {
    get: (id: string) => store.get(id),
    /** A new task is open whatever the input says; it is done with `complete`. */
    create: (input: unknown) =>
      store.create(typeof input === 'object' && input ? { ...input, done: false } : input, {
        completedOn: '',
      }),
    complete: (id: string) => setDone(id, true),
    reopen: (id: string) => setDone(id, false),

    /** One page of tasks, served by an index (the sparse openDue for open ones). */
    async list(filter: FollowUpFilter = {}): Promise<{ rows: FollowUp[]; total: number }> {
      const offset = filter.offset ?? 0;
      const limit = filter.limit ?? 50;
      const due = filter.due ?? 'all';
      if (filter.subjectId) {
        const all = (await forSubject(filter.subjectId)).filter(dueMatches(due));
        return { rows: all.slice(offset, offset + limit), total: all.length };
      }
      const collection = collectionFor(due);
      const total = await collection.clone().count();
      const rows = await collection.offset(offset).limit(limit).toArray();
      return { rows, total };
    },

    /**
     * What each task is about, for list rows: the shelter's name, the head of household, or for
     * a referral its service and household. Three bulkGets for a page, whatever its size.
     */
    async subjects(rows: FollowUp[]): Promise<Record<string, FollowUpSubject>> {
      const idsOf = (type: FollowUp['subjectType']) => [
        ...new Set(rows.filter((r) => r.subjectType === type).map((r) => r.subjectId)),
      ];
      const referralIds = idsOf('referral');
      const shelterIds = idsOf('shelter');
      const [referrals, shelters] = await Promise.all([
        db.referrals.bulkGet(referralIds),
        db.shelters.bulkGet(shelterIds),
      ]);
      const householdIds = [
        ...new Set([...idsOf('household'), ...referrals.flatMap((r) => (r ? [r.householdId] : []))]),
      ];
      const households = await db.households.bulkGet(householdIds);
      const headName = new Map(householdIds.map((id, i) => [id, households[i]?.headName ?? '']));
      const result: Record<string, FollowUpSubject> = {};
      referralIds.forEach((id, i) => {
        const r = referrals[i];
        result[id] = { name: r ? (headName.get(r.householdId) ?? '') : '', service: r?.service };
      });
      shelterIds.forEach((id, i) => (result[id] = { name: shelters[i]?.name ?? '' }));
      idsOf('household').forEach((id) => (result[id] = { name: headName.get(id) ?? '' }));
      return result;
    },

    /** The tasks of one referral, household or shelter: open ones first by due date. */
    forSubject,
  };
}

export type FollowUpRepository = ReturnType<typeof createFollowUpRepository>;
