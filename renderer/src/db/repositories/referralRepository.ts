import { countMatching, REFERRAL_COUNTS, type Counts } from '../counting/counts';
import { storedCounts } from '../counting/storedCounts';
import Dexie, { type Collection } from 'dexie';
import { consentAllows } from '../../../../shared/households/consentSchema';
import {
  canMoveReferral,
  referralSchema,
  referralStatusChangeSchema,
  type ReferralInput,
  type ReferralService,
  type ReferralStatus,
} from '../../../../shared/referrals/referralSchema';
import { localToday } from '../../../../shared/validation/fields';
import type { AppDatabase, StoredReferral } from '../AppDatabase';
import { RecordNotFoundError, RecordStore, RecordValidationError } from '../recordStore';
import type { WriteContext } from '../writeContext';

export type Referral = StoredReferral;

/** Refused because the household's consent does not cover referral. The message is an i18n key. */
export class ConsentRequiredError extends Error {
  constructor(readonly householdId: string) {
    super('referrals.consentMissing');
    this.name = 'ConsentRequiredError';
  }
}

/** A status change the flow does not allow (e.g. completed → open). The message is an i18n key. */
export class ReferralTransitionError extends Error {
  constructor(
    readonly from: ReferralStatus,
    readonly to: ReferralStatus,
  ) {
    super('referrals.invalidTransition');
    this.name = 'ReferralTransitionError';
  }
}

/**
 * The shared referral schema plus the rules between its dates, applied by the form and again
 * on every write: a referral is made today or earlier, and is due on or after that day.
 */
export const referralWriteSchema = referralSchema.superRefine((r, ctx) => {
  if (r.referredOn > localToday()) {
    ctx.addIssue({ code: 'custom', path: ['referredOn'], message: 'validation.dateInFuture' });
  }
  if (r.dueDate < r.referredOn) {
    ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'validation.dueBeforeReferral' });
  }
});

/** "active" = still open or accepted (served by the sparse openDue index). */
export type ReferralStatusFilter = ReferralStatus | 'active';

export interface ReferralFilter {
  status?: ReferralStatusFilter;
  /** Only referrals still open or accepted whose due date has passed. */
  overdue?: boolean;
  service?: ReferralService;
  organisationId?: string;
  householdId?: string;
  offset?: number;
  limit?: number;
}

export interface ReferralPage {
  rows: Referral[];
  total: number;
}

const ACTIVE_STATUSES: readonly ReferralStatus[] = ['open', 'accepted'];
const isActive = (status: ReferralStatus) => ACTIVE_STATUSES.includes(status);

/** Live referrals with a status ("active": open or accepted; none: all), from the counts row. */
export const countOfStatus = (counts: Counts, status?: ReferralStatus | 'active') =>
  status === 'active'
    ? ACTIVE_STATUSES.reduce((sum, s) => sum + countMatching(counts, { fields: [s] }), 0)
    : countMatching(counts, { fields: [status] });
/** The sparse `openDue` index key (also computed by the sync import at HQ). */
export const deriveReferralFields = (r: Pick<ReferralInput, 'dueDate'> & { status: ReferralStatus }) => ({
  openDue: isActive(r.status) ? r.dueDate : undefined,
});
export const isReferralOverdue = (r: Pick<Referral, 'status' | 'dueDate'>, today = localToday()) =>
  isActive(r.status) && r.dueDate < today;

const byDueDate = (a: Referral, b: Referral) => a.dueDate.localeCompare(b.dueDate);
const newestFirst = (a: Referral, b: Referral) =>
  b.referredOn.localeCompare(a.referredOn) || b.createdAt.localeCompare(a.createdAt);

/** Referrals of households to services, with their status flow and the consent rule. */
export function createReferralRepository(db: AppDatabase, ctx: WriteContext) {
  const store = new RecordStore<ReferralInput, Referral>(db, ctx, {
    entity: 'referral',
    table: (d) => d.referrals,
    inputSchema: referralWriteSchema,
    derive: deriveReferralFields,
  });
  const today = () => localToday(ctx.now());

  /** The narrowest index for a filter; the remaining conditions are checked in memory. */
  function collectionFor(filter: ReferralFilter): Collection<Referral, string> {
    const t = db.referrals;
    if (filter.overdue) return t.where('openDue').below(today());
    if (filter.status === 'active') return t.orderBy('openDue');
    if (filter.status) {
      const range = t
        .where('[status+dueDate]')
        .between([filter.status, Dexie.minKey], [filter.status, Dexie.maxKey]);
      // Still open: the most pressing first. Finished: the latest first.
      return isActive(filter.status) ? range : range.reverse();
    }
    return t.orderBy('dueDate').reverse();
  }

  function matches(filter: ReferralFilter) {
    return (r: Referral) =>
      r.deletedAt === null &&
      (!filter.status || (filter.status === 'active' ? isActive(r.status) : r.status === filter.status)) &&
      (!filter.service || r.service === filter.service) &&
      (!filter.organisationId || r.organisationId === filter.organisationId) &&
      (!filter.householdId || r.householdId === filter.householdId);
  }

  const needsFilter = (filter: ReferralFilter) =>
    Boolean(filter.service || filter.organisationId || filter.householdId) ||
    (filter.overdue === true && Boolean(filter.status));

  return {
    get: (id: string) => store.get(id),

    /** Refuses, writing nothing, unless the household exists and its consent allows referral. */
    async create(raw: unknown): Promise<Referral> {
      const parsed = referralWriteSchema.safeParse(raw);
      if (!parsed.success) throw new RecordValidationError(parsed.error.issues);
      const input = parsed.data;
      return db.transaction('rw', [db.referrals, db.households, db.persons, db.audit, db.meta], async () => {
        const household = await db.households.get(input.householdId);
        if (!household || household.deletedAt !== null)
          throw new RecordNotFoundError('household', input.householdId);
        if (!consentAllows(household.consent, 'referral')) throw new ConsentRequiredError(household.id);
        if (input.personId) {
          const person = await db.persons.get(input.personId);
          if (person?.householdId !== input.householdId) {
            throw new RecordValidationError([
              {
                code: 'custom',
                path: ['personId'],
                message: 'validation.personNotInHousehold',
                input: input.personId,
              },
            ]);
          }
        }
        return store.create(input, {
          status: 'open',
          closedReason: '',
          statusHistory: [{ status: 'open', on: input.referredOn }],
        });
      });
    },

    /** Moves along open → accepted → completed, or closes unresolved (with a reason). */
    async moveStatus(id: string, raw: unknown): Promise<Referral> {
      const parsed = referralStatusChangeSchema.safeParse(raw);
      if (!parsed.success) throw new RecordValidationError(parsed.error.issues);
      const change = parsed.data;
      return db.transaction('rw', [db.referrals, db.audit, db.meta], async () => {
        const current = await store.get(id);
        if (!current) throw new RecordNotFoundError('referral', id);
        if (!canMoveReferral(current.status, change.status))
          throw new ReferralTransitionError(current.status, change.status);
        const last = current.statusHistory.at(-1)?.on ?? current.referredOn;
        if (change.on < last || change.on > today()) {
          throw new RecordValidationError([
            { code: 'custom', path: ['on'], message: 'validation.statusDateOutOfRange', input: change.on },
          ]);
        }
        return store.update(id, current, {
          status: change.status,
          closedReason: change.status === 'closedUnresolved' ? change.closedReason : current.closedReason,
          statusHistory: [...current.statusHistory, { status: change.status, on: change.on }],
        });
      });
    },

    /** One page of referrals, served by an index; never the whole table. */
    async list(filter: ReferralFilter = {}): Promise<ReferralPage> {
      const offset = filter.offset ?? 0;
      const limit = filter.limit ?? 50;
      if (filter.householdId) {
        const all = (await db.referrals.where('householdId').equals(filter.householdId).toArray())
          .filter(matches(filter))
          .filter((r) => !filter.overdue || isReferralOverdue(r, today()))
          .sort(byDueDate);
        return { rows: all.slice(offset, offset + limit), total: all.length };
      }
      const collection = collectionFor(filter);
      if (needsFilter(filter) || filter.overdue) {
        const narrowed = needsFilter(filter) ? collection.filter(matches(filter)) : collection;
        const [total, rows] = await Promise.all([
          narrowed.clone().count(),
          narrowed.offset(offset).limit(limit).toArray(),
        ]);
        return { rows, total };
      }
      // A status (or none): the total is the counts row's, not a walk of the index (../counting).
      return db.transaction('r', db.referrals, db.meta, async () => {
        const [counts, rows] = await Promise.all([
          storedCounts(db, REFERRAL_COUNTS),
          collection.offset(offset).limit(limit).toArray(),
        ]);
        return { rows, total: countOfStatus(counts, filter.status) };
      });
    },

    /** The head of household's name for each household id (for list rows). */
    async headNames(householdIds: string[]): Promise<Record<string, string>> {
      const unique = [...new Set(householdIds)];
      const households = await db.households.bulkGet(unique);
      return Object.fromEntries(unique.map((id, i) => [id, households[i]?.headName ?? '']));
    },

    /** A household's referrals, newest first. */
    async forHousehold(householdId: string): Promise<Referral[]> {
      const rows = await db.referrals.where('householdId').equals(householdId).toArray();
      return rows.filter((r) => r.deletedAt === null).sort(newestFirst);
    },

    /** The referrals made on one visit (looked up through the visit's household). */
    async forVisit(visitId: string, householdId?: string): Promise<Referral[]> {
      const owner = householdId ?? (await db.householdVisits.get(visitId))?.householdId;
      if (!owner) return [];
      const rows = await db.referrals.where('householdId').equals(owner).toArray();
      return rows.filter((r) => r.deletedAt === null && r.visitId === visitId).sort(newestFirst);
    },
  };
}

export type ReferralRepository = ReturnType<typeof createReferralRepository>;
