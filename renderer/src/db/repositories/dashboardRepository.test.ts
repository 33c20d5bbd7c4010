import { afterEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../AppDatabase';
import { freshDbName, validShelter } from '../testing';
import { createDashboardRepository } from './dashboardRepository';
import { createFollowUpRepository } from './followUpRepository';
import { createHouseholdRepository } from './householdRepository';
import { addHousehold, openTestDb, validReferral } from './referralFixtures';
import { createReferralRepository } from './referralRepository';
import { createShelterRepository } from './shelterRepository';

const opened: AppDatabase[] = [];
const TODAY = '2024-06-12';
async function setup() {
  const { db, ctx } = await openTestDb(freshDbName(), () => new Date(2024, 5, 12, 10));
  opened.push(db);
  return {
    db,
    dashboard: createDashboardRepository(db, ctx),
    shelters: createShelterRepository(db, ctx),
    referrals: createReferralRepository(db, ctx),
    followUps: createFollowUpRepository(db, ctx),
    households: createHouseholdRepository(db, ctx),
  };
}
afterEach(() => opened.splice(0).forEach((db) => db.close()));

/** Visits written raw: only the fields the dashboard reads. */
const visit = (
  id: string,
  visitDate: string,
  owner: Record<string, string>,
  deletedAt: string | null = null,
) => ({ id, visitDate, deletedAt, ...owner }) as never;

describe('dashboard repository', () => {
  it('is all zeros on an empty store', async () => {
    const { dashboard } = await setup();
    const counts = await dashboard.counts(TODAY);
    expect(counts.shelters).toEqual({ open: 0, residents: 0 });
    expect(counts.households.byStatus).toEqual({ displaced: 0, returned: 0 });
    expect(counts.households.byCommunity.every((c) => c.count === 0)).toBe(true);
    expect(counts.referrals).toEqual({ open: 0, overdue: 0 });
  });

  it('counts shelters, households, visits this month, referrals and follow-ups', async () => {
    const s = await setup();
    const first = await s.shelters.create(validShelter({ residents: 31 }));
    await s.shelters.create(validShelter({ name: 'B', residents: 12 }));
    await s.shelters.create(validShelter({ name: 'Closed', residents: 0, status: 'closed' }));
    const archived = await s.shelters.create(validShelter({ name: 'Archived', residents: 50 }));
    await s.shelters.archive(archived.id);

    const { household } = await addHousehold(s.db, { status: 'returned', community: 'roma' });
    await addHousehold(s.db, { status: 'displaced', community: 'roma' });
    await addHousehold(s.db, { status: 'displaced', community: 'serb' });
    // Archived households are in no list, so in no figure either.
    const gone = await addHousehold(s.db, { status: 'displaced', community: 'serb' });
    await s.households.archive(gone.household.id);

    const atShelter = { shelterId: first.id };
    await s.db.shelterVisits.bulkAdd([
      visit('a', '2024-06-01', atShelter),
      visit('b', '2024-05-31', atShelter),
      visit('e', '2024-06-03', atShelter, '2024-06-04T08:00:00.000Z'),
    ]);
    const atHousehold = { householdId: household.id };
    await s.db.householdVisits.bulkAdd([
      visit('c', '2024-06-12', atHousehold),
      visit('d', '2024-06-05', atHousehold),
    ]);

    await s.referrals.create(validReferral(household.id, { dueDate: '2024-06-11' }));
    await s.referrals.create(validReferral(household.id, { dueDate: '2024-06-30' }));
    const done = await s.referrals.create(validReferral(household.id, { dueDate: '2024-06-01' }));
    await s.referrals.moveStatus(done.id, {
      status: 'closedUnresolved',
      on: '2024-06-02',
      closedReason: 'Moved away',
    });

    const task = (dueDate: string) => ({
      subjectType: 'household',
      subjectId: household.id,
      title: 'Visit again',
      dueDate,
    });
    await s.followUps.create(task('2024-06-10'));
    await s.followUps.create(task('2024-06-12'));
    await s.followUps.create(task('2024-06-16'));
    await s.followUps.create(task('2024-06-17'));

    const counts = await s.dashboard.counts(TODAY);
    expect(counts.shelters).toEqual({ open: 2, residents: 43 });
    expect(counts.households.byStatus).toEqual({ displaced: 2, returned: 1 });
    const community = (code: string) => counts.households.byCommunity.find((c) => c.code === code)?.count;
    expect(community('roma')).toBe(2);
    expect(community('serb')).toBe(1);
    expect(community('gorani')).toBe(0);
    expect(counts.visitsThisMonth).toEqual({ shelter: 1, household: 2, total: 3 });
    expect(counts.referrals).toEqual({ open: 2, overdue: 1 });
    expect(counts.followUps).toEqual({ dueThisWeek: 2, overdue: 1 });
  });

  it('lists the visits behind the "this month" figure, newest first, with what was visited', async () => {
    const s = await setup();
    const shelter = await s.shelters.create(validShelter());
    const { household } = await addHousehold(s.db, { headName: 'Sabit Gashi' });
    await s.db.shelterVisits.bulkAdd([visit('a', '2024-06-01', { shelterId: shelter.id })]);
    await s.db.householdVisits.bulkAdd([
      visit('c', '2024-06-02', { householdId: household.id }),
      visit('d', '2024-06-10', { householdId: household.id }),
      visit('old', '2024-05-10', { householdId: household.id }),
    ]);
    const households = await s.dashboard.visits('household', '2024-06-01', TODAY);
    expect(households.total).toBe(2);
    expect(households.rows).toEqual([
      { id: 'd', visitDate: '2024-06-10', subjectId: household.id, subjectName: 'Sabit Gashi' },
      { id: 'c', visitDate: '2024-06-02', subjectId: household.id, subjectName: 'Sabit Gashi' },
    ]);
    const shelters = await s.dashboard.visits('shelter', '2024-06-01', TODAY);
    expect(shelters.rows.map((r) => r.subjectName)).toEqual([shelter.name]);
  });
});
