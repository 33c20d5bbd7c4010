import type { Table } from 'dexie';
import { householdStatuses, type HouseholdStatus } from '../../../../shared/households/householdSchema';
import { communities } from '../../../../shared/reference/communities';
import type { AppDatabase } from '../AppDatabase';
import { countMatching, REFERRAL_COUNTS } from '../counting/counts';
import { storedCounts } from '../counting/storedCounts';
import { countOfStatus } from './referralRepository';
import type { WriteContext } from '../writeContext';
import { endOfWeekOf, firstOfMonthOf } from './dateRanges';
import { createHouseholdListQuery } from './householdListQuery';

export interface DashboardCounts {
  shelters: { open: number; residents: number };
  households: {
    byStatus: Record<HouseholdStatus, number>;
    /** Every community code, in the reference order, with its count. */
    byCommunity: { code: string; count: number }[];
  };
  visitsThisMonth: { shelter: number; household: number; total: number };
  referrals: { open: number; overdue: number };
  followUps: { dueThisWeek: number; overdue: number };
}

export type VisitKind = 'shelter' | 'household';
export interface VisitRow {
  id: string;
  visitDate: string;
  subjectId: string;
  subjectName: string;
}
export interface VisitPage {
  rows: VisitRow[];
  total: number;
}

/**
 * The dashboard's figures: households from the counts row (../counting), the rest index counts
 * over short ranges (the shelters table, tens of rows, is read whole). Nothing here loads or
 * walks a large table.
 */
export function createDashboardRepository(db: AppDatabase, _ctx: WriteContext) {
  const households = createHouseholdListQuery(db);
  /** A date range on the visitDate index; archived visits are skipped (a month is a short range). */
  const visitsBetween = <T extends { visitDate: string; deletedAt: string | null }>(
    table: Table<T, string>,
    from: string,
    to: string,
  ) =>
    table
      .where('visitDate')
      .between(from, to, true, true)
      .filter((v) => v.deletedAt === null);

  async function newestVisits<T extends { id: string; visitDate: string; deletedAt: string | null }>(
    table: Table<T, string>,
    from: string,
    to: string,
    limit: number,
  ) {
    const range = visitsBetween(table, from, to);
    const [total, rows] = await Promise.all([range.clone().count(), range.reverse().limit(limit).toArray()]);
    return { total, rows };
  }

  return {
    /**
     * The visits of one kind in a date range, newest first, named by their shelter or the head
     * of the household visited: the list behind the dashboard's "visits this month".
     */
    async visits(kind: VisitKind, from: string, to: string, limit = 200): Promise<VisitPage> {
      if (kind === 'shelter') {
        const { total, rows } = await newestVisits(db.shelterVisits, from, to, limit);
        const shelters = await db.shelters.bulkGet(rows.map((v) => v.shelterId));
        return {
          total,
          rows: rows.map((v, i) => ({
            id: v.id,
            visitDate: v.visitDate,
            subjectId: v.shelterId,
            subjectName: shelters[i]?.name ?? '',
          })),
        };
      }
      const { total, rows } = await newestVisits(db.householdVisits, from, to, limit);
      const households = await db.households.bulkGet(rows.map((v) => v.householdId));
      return {
        total,
        rows: rows.map((v, i) => ({
          id: v.id,
          visitDate: v.visitDate,
          subjectId: v.householdId,
          subjectName: households[i]?.headName ?? '',
        })),
      };
    },

    async counts(today: string): Promise<DashboardCounts> {
      const monthStart = firstOfMonthOf(today);
      const weekEnd = endOfWeekOf(today);

      const [openShelters, householdCounts, shelterVisits, householdVisits] = await Promise.all([
        db.shelters
          .where('status')
          .equals('open')
          .filter((s) => s.deletedAt === null)
          .toArray(),
        // Through the household list's own counts, so archived households are left out and
        // each figure equals the length of the list it links to.
        households.counts(),
        visitsBetween(db.shelterVisits, monthStart, today).count(),
        visitsBetween(db.householdVisits, monthStart, today).count(),
      ]);
      const [openReferrals, overdueReferrals, followUpsThisWeek, overdueFollowUps] = await Promise.all([
        db.transaction('r', db.referrals, db.meta, async () =>
          countOfStatus(await storedCounts(db, REFERRAL_COUNTS), 'active'),
        ),
        db.referrals.where('openDue').below(today).count(),
        db.followUps.where('openDue').between(today, weekEnd, true, true).count(),
        db.followUps.where('openDue').below(today).count(),
      ]);

      return {
        shelters: {
          open: openShelters.length,
          residents: openShelters.reduce((sum, s) => sum + s.residents, 0),
        },
        households: {
          byStatus: Object.fromEntries(
            householdStatuses.map((status) => [status, countMatching(householdCounts, { fields: [status] })]),
          ) as Record<HouseholdStatus, number>,
          byCommunity: communities.map((c) => ({
            code: c.code,
            count: countMatching(householdCounts, { fields: [undefined, c.code] }),
          })),
        },
        visitsThisMonth: {
          shelter: shelterVisits,
          household: householdVisits,
          total: shelterVisits + householdVisits,
        },
        referrals: { open: openReferrals, overdue: overdueReferrals },
        followUps: { dueThisWeek: followUpsThisWeek, overdue: overdueFollowUps },
      };
    },
  };
}

export type DashboardRepository = ReturnType<typeof createDashboardRepository>;
