import { afterEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../AppDatabase';
import { RecordValidationError } from '../recordStore';
import { freshDbName } from '../testing';
import { createFollowUpRepository } from './followUpRepository';
import { loadWriteContext } from '../writeContext';
import { addHousehold, openTestDb, validReferral } from './referralFixtures';
import { createReferralRepository } from './referralRepository';

const opened: AppDatabase[] = [];
/** "Today" is Wednesday 12 June 2024: this week runs to Sunday 16 June. */
async function setup() {
  const { db, ctx } = await openTestDb(freshDbName(), () => new Date(2024, 5, 12, 10));
  opened.push(db);
  return { db, followUps: createFollowUpRepository(db, ctx) };
}
afterEach(() => opened.splice(0).forEach((db) => db.close()));

const subjectId = crypto.randomUUID();
const task = (dueDate: string, title = `Call back on ${dueDate}`) => ({
  subjectType: 'referral',
  subjectId,
  title,
  dueDate,
});
const titles = (page: { rows: { title: string }[] }) => page.rows.map((r) => r.title);

describe('follow-up repository', () => {
  it('creates an open task with an open due date index and an audit entry', async () => {
    const { db, followUps } = await setup();
    const created = await followUps.create({ ...task('2024-06-14'), done: true });
    expect(created).toMatchObject({ done: false, completedOn: '', openDue: '2024-06-14' });
    expect(await db.audit.where('recordId').equals(created.id).count()).toBe(1);
  });

  it('refuses a task without a title or a due date, writing nothing', async () => {
    const { db, followUps } = await setup();
    await expect(followUps.create({ ...task('2024-06-14'), title: '  ' })).rejects.toBeInstanceOf(
      RecordValidationError,
    );
    await expect(followUps.create({ ...task(''), title: 'x' })).rejects.toBeInstanceOf(RecordValidationError);
    expect(await db.followUps.count()).toBe(0);
  });

  it('lists overdue, due this week, open and all tasks through the indexes', async () => {
    const { followUps } = await setup();
    await followUps.create(task('2024-06-10', 'overdue'));
    await followUps.create(task('2024-06-12', 'today'));
    await followUps.create(task('2024-06-16', 'sunday'));
    await followUps.create(task('2024-06-17', 'next week'));
    const done = await followUps.create(task('2024-06-01', 'done long ago'));
    await followUps.complete(done.id);

    expect(titles(await followUps.list({ due: 'overdue' }))).toEqual(['overdue']);
    expect(titles(await followUps.list({ due: 'thisWeek' }))).toEqual(['today', 'sunday']);
    expect(titles(await followUps.list({ due: 'open' }))).toEqual([
      'overdue',
      'today',
      'sunday',
      'next week',
    ]);
    const all = await followUps.list({ due: 'all', limit: 2 });
    expect(all.total).toBe(5);
    expect(titles(all)).toEqual(['next week', 'sunday']);
    expect(titles(await followUps.list({ subjectId, due: 'overdue' }))).toEqual(['overdue']);
  });

  it('completes and reopens a task, recording the day and moving it off the overdue index', async () => {
    const { db, followUps } = await setup();
    const created = await followUps.create(task('2024-06-10'));
    const completed = await followUps.complete(created.id);
    expect(completed).toMatchObject({ done: true, completedOn: '2024-06-12' });
    expect(completed.openDue).toBeUndefined();
    expect((await followUps.list({ due: 'overdue' })).total).toBe(0);
    const reopened = await followUps.reopen(created.id);
    expect(reopened).toMatchObject({ done: false, completedOn: '', openDue: '2024-06-10' });
    expect((await followUps.list({ due: 'overdue' })).total).toBe(1);
    expect(await db.audit.where('recordId').equals(created.id).count()).toBe(3);
  });

  it('gives a subject its tasks: open ones first by due date, then done ones', async () => {
    const { followUps } = await setup();
    const a = await followUps.create(task('2024-06-20', 'later'));
    await followUps.create(task('2024-06-11', 'sooner'));
    await followUps.complete(a.id);
    await followUps.create({ ...task('2024-06-11', 'elsewhere'), subjectId: crypto.randomUUID() });
    expect((await followUps.forSubject(subjectId)).map((f) => f.title)).toEqual(['sooner', 'later']);
  });
});

describe('follow-up subjects', () => {
  it('names what each task is about with a few bulk reads', async () => {
    const { db, followUps } = await setup();
    const { household } = await addHousehold(db, { headName: 'Mirije Berisha' });
    const referrals = createReferralRepository(
      db,
      await loadWriteContext(db, () => new Date(2024, 5, 12, 10)),
    );
    const referral = await referrals.create(validReferral(household.id, { service: 'health' }));
    const onReferral = await followUps.create({ ...task('2024-06-14'), subjectId: referral.id });
    const onHousehold = await followUps.create({
      ...task('2024-06-14'),
      subjectType: 'household',
      subjectId: household.id,
    });
    const orphan = await followUps.create({
      ...task('2024-06-14'),
      subjectType: 'shelter',
      subjectId: crypto.randomUUID(),
    });
    const names = await followUps.subjects([onReferral, onHousehold, orphan]);
    expect(names[referral.id]).toEqual({ name: 'Mirije Berisha', service: 'health' });
    expect(names[household.id]).toEqual({ name: 'Mirije Berisha' });
    expect(names[orphan.subjectId]).toEqual({ name: '' });
  });
});
