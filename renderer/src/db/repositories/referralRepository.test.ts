import { afterEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../AppDatabase';
import { RecordValidationError } from '../recordStore';
import { freshDbName } from '../testing';
import { addHousehold, givenConsent, openTestDb, validReferral } from './referralFixtures';
import {
  ConsentRequiredError,
  createReferralRepository,
  ReferralTransitionError,
} from './referralRepository';

const opened: AppDatabase[] = [];
/** "Today" is Wednesday 12 June 2024 for every test. */
async function setup() {
  const { db, ctx } = await openTestDb(freshDbName(), () => new Date(2024, 5, 12, 10));
  opened.push(db);
  return { db, referrals: createReferralRepository(db, ctx) };
}
afterEach(() => opened.splice(0).forEach((db) => db.close()));

const ids = (page: { rows: { id: string }[] }) => page.rows.map((r) => r.id);

describe('referral repository: creating', () => {
  it('creates an open referral with its first status, an open due date index and an audit entry', async () => {
    const { db, referrals } = await setup();
    const { household } = await addHousehold(db);
    const created = await referrals.create(validReferral(household.id));
    expect(created).toMatchObject({
      status: 'open',
      closedReason: '',
      statusHistory: [{ status: 'open', on: '2024-05-02' }],
      openDue: '2024-05-20',
    });
    expect(await db.referrals.where('openDue').equals('2024-05-20').count()).toBe(1);
    const audit = await db.audit.where('recordId').equals(created.id).toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'referral', action: 'create' });
  });

  it.each([
    ['consent without the referral scope', givenConsent(['dataCollection'])],
    ['withdrawn consent', { ...givenConsent(), status: 'withdrawn' as const, withdrawnOn: '2024-04-01' }],
    [
      'consent not obtained',
      { ...givenConsent([]), status: 'notObtained' as const, notObtainedReason: 'refused' as const },
    ],
  ])('refuses a household with %s and writes nothing', async (_, consent) => {
    const { db, referrals } = await setup();
    const { household } = await addHousehold(db, { consent });
    const attempt = referrals.create(validReferral(household.id));
    await expect(attempt).rejects.toBeInstanceOf(ConsentRequiredError);
    await expect(attempt).rejects.toThrow('referrals.consentMissing');
    expect(await db.referrals.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('refuses bad input: unknown household, due before referral, future referral, foreign member', async () => {
    const { db, referrals } = await setup();
    const { household } = await addHousehold(db);
    const other = await addHousehold(db, { headName: 'Other' });
    await expect(referrals.create(validReferral(crypto.randomUUID()))).rejects.toThrow(
      /household .* not found/,
    );
    await expect(
      referrals.create(validReferral(household.id, { dueDate: '2024-05-01' })),
    ).rejects.toBeInstanceOf(RecordValidationError);
    await expect(
      referrals.create(validReferral(household.id, { referredOn: '2999-01-01', dueDate: '2999-02-01' })),
    ).rejects.toBeInstanceOf(RecordValidationError);
    await expect(
      referrals.create(validReferral(household.id, { service: 'astrology' as never })),
    ).rejects.toBeInstanceOf(RecordValidationError);
    await expect(referrals.create(validReferral(household.id, { personId: other.headId }))).rejects.toThrow(
      'validation.personNotInHousehold',
    );
    expect(await db.referrals.count()).toBe(0);
  });

  it('accepts a member of the household as the person referred', async () => {
    const { db, referrals } = await setup();
    const { household, headId } = await addHousehold(db);
    const created = await referrals.create(validReferral(household.id, { personId: headId }));
    expect(created.personId).toBe(headId);
  });
});

describe('referral repository: status flow', () => {
  it('moves open → accepted → completed, keeping the history and dropping the open due date', async () => {
    const { db, referrals } = await setup();
    const { household } = await addHousehold(db);
    const { id } = await referrals.create(validReferral(household.id));
    await referrals.moveStatus(id, { status: 'accepted', on: '2024-05-03' });
    const done = await referrals.moveStatus(id, { status: 'completed', on: '2024-06-01' });
    expect(done.status).toBe('completed');
    expect(done.statusHistory).toEqual([
      { status: 'open', on: '2024-05-02' },
      { status: 'accepted', on: '2024-05-03' },
      { status: 'completed', on: '2024-06-01' },
    ]);
    expect(done.openDue).toBeUndefined();
    expect(await db.referrals.orderBy('openDue').count()).toBe(0);
    const actions = (await db.audit.where('recordId').equals(id).toArray()).map((e) => e.action);
    expect(actions).toEqual(['create', 'update', 'update']);
  });

  it('refuses a transition the flow does not allow and writes nothing', async () => {
    const { db, referrals } = await setup();
    const { household } = await addHousehold(db);
    const { id } = await referrals.create(validReferral(household.id));
    await expect(referrals.moveStatus(id, { status: 'completed', on: '2024-06-01' })).rejects.toBeInstanceOf(
      ReferralTransitionError,
    );
    await referrals.moveStatus(id, { status: 'accepted', on: '2024-06-01' });
    await referrals.moveStatus(id, { status: 'completed', on: '2024-06-02' });
    await expect(referrals.moveStatus(id, { status: 'open', on: '2024-06-03' })).rejects.toThrow(
      'referrals.invalidTransition',
    );
    expect((await referrals.get(id))!.status).toBe('completed');
    expect(await db.audit.where('recordId').equals(id).count()).toBe(3);
  });

  it('closes unresolved only with a reason, and not on a date before the last change or in the future', async () => {
    const { db, referrals } = await setup();
    const { household } = await addHousehold(db);
    const { id } = await referrals.create(validReferral(household.id));
    await expect(
      referrals.moveStatus(id, { status: 'closedUnresolved', on: '2024-06-01', closedReason: ' ' }),
    ).rejects.toThrow('validation.closedReasonRequired');
    await expect(referrals.moveStatus(id, { status: 'accepted', on: '2024-05-01' })).rejects.toBeInstanceOf(
      RecordValidationError,
    );
    await expect(referrals.moveStatus(id, { status: 'accepted', on: '2024-06-13' })).rejects.toBeInstanceOf(
      RecordValidationError,
    );
    expect(await db.audit.where('recordId').equals(id).count()).toBe(1);
    const closed = await referrals.moveStatus(id, {
      status: 'closedUnresolved',
      on: '2024-06-12',
      closedReason: 'The family moved to Serbia',
    });
    expect(closed).toMatchObject({ status: 'closedUnresolved', closedReason: 'The family moved to Serbia' });
    expect(closed.openDue).toBeUndefined();
  });
});

describe('referral repository: lists', () => {
  async function seeded() {
    const ctx = await setup();
    const { household } = await addHousehold(ctx.db);
    const other = await addHousehold(ctx.db);
    const make = (overrides: Parameters<typeof validReferral>[1], owner = household.id) =>
      ctx.referrals.create(validReferral(owner, overrides));
    const overdue = await make({ dueDate: '2024-06-11' });
    const dueToday = await make({ dueDate: '2024-06-12', service: 'health' });
    const later = await make({ dueDate: '2024-07-01' }, other.household.id);
    const acceptedLate = await make({ dueDate: '2024-06-01', service: 'health' });
    await ctx.referrals.moveStatus(acceptedLate.id, { status: 'accepted', on: '2024-06-02' });
    const completedLate = await make({ dueDate: '2024-05-10' });
    await ctx.referrals.moveStatus(completedLate.id, { status: 'accepted', on: '2024-05-03' });
    await ctx.referrals.moveStatus(completedLate.id, { status: 'completed', on: '2024-05-04' });
    return { ...ctx, household, other, overdue, dueToday, later, acceptedLate, completedLate };
  }

  it('lists overdue referrals (open or accepted, due before today) by due date', async () => {
    const s = await seeded();
    const page = await s.referrals.list({ overdue: true });
    expect(ids(page)).toEqual([s.acceptedLate.id, s.overdue.id]);
    expect(page.total).toBe(2);
    expect(ids(await s.referrals.list({ overdue: true, service: 'health' }))).toEqual([s.acceptedLate.id]);
    expect(ids(await s.referrals.list({ overdue: true, status: 'open' }))).toEqual([s.overdue.id]);
  });

  it('filters by status, still active, service, household, and pages with a total', async () => {
    const s = await seeded();
    expect(ids(await s.referrals.list({ status: 'open' }))).toEqual([
      s.overdue.id,
      s.dueToday.id,
      s.later.id,
    ]);
    expect(ids(await s.referrals.list({ status: 'completed' }))).toEqual([s.completedLate.id]);
    expect((await s.referrals.list({ status: 'active' })).total).toBe(4);
    expect(ids(await s.referrals.list({ service: 'health' })).sort()).toEqual(
      [s.dueToday.id, s.acceptedLate.id].sort(),
    );
    expect(ids(await s.referrals.list({ householdId: s.other.household.id }))).toEqual([s.later.id]);
    const all = await s.referrals.list();
    expect(all.total).toBe(5);
    expect(ids(all)[0]).toBe(s.later.id);
    const second = await s.referrals.list({ offset: 2, limit: 2 });
    expect(second.total).toBe(5);
    expect(ids(second)).toEqual(ids(all).slice(2, 4));
  });

  it('gives a household its referrals, and a visit the referrals made on it', async () => {
    const s = await seeded();
    const visitId = crypto.randomUUID();
    const fromVisit = await s.referrals.create(validReferral(s.household.id, { visitId }));
    expect(await s.referrals.forHousehold(s.household.id)).toHaveLength(5);
    expect((await s.referrals.forVisit(visitId, s.household.id)).map((r) => r.id)).toEqual([fromVisit.id]);
    expect(await s.referrals.forVisit(visitId)).toEqual([]);
  });
});
