import { afterEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../AppDatabase';
import { RecordValidationError } from '../recordStore';
import { validShelter } from '../testing';
import { createAuditRepository } from './auditRepository';
import { createShelterRepository } from './shelterRepository';
import { createShelterVisitRepository } from './shelterVisitRepository';
import { daysAgo, issuesOf, openVisitTestDb, validShelterVisit } from './visitTesting';

const opened: AppDatabase[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

async function setup() {
  const { db, ctx } = await openVisitTestDb();
  opened.push(db);
  const shelter = await createShelterRepository(db, ctx).create(validShelter());
  return {
    db,
    visits: createShelterVisitRepository(db, ctx),
    audit: createAuditRepository(db),
    shelterId: shelter.id,
  };
}

describe('shelter visit repository', () => {
  it('creates a visit with an audit entry and reads it back', async () => {
    const { visits, audit, shelterId } = await setup();
    const created = await visits.create(validShelterVisit(shelterId));
    const read = await visits.get(created.id);
    expect(read).toMatchObject({ shelterId, residentsMet: { childrenFemale: 3 }, deletedAt: null });
    expect(read!.conditions.heating).toEqual({ rating: 'critical', note: 'Boiler broken since December' });
    expect((await audit.forRecord(created.id)).map((e) => [e.entity, e.action])).toEqual([
      ['shelterVisit', 'create'],
    ]);
  });

  it('refuses a future visit date and writes nothing', async () => {
    const { db, visits, shelterId } = await setup();
    expect(await issuesOf(visits.create(validShelterVisit(shelterId, { visitDate: daysAgo(-1) })))).toEqual([
      'visitDate: validation.dateInFuture',
    ]);
    expect(await db.shelterVisits.count()).toBe(0);
    expect(await db.audit.where('recordId').notEqual(shelterId).count()).toBe(0);
  });

  it('refuses negative resident counts and writes nothing', async () => {
    const { db, visits, shelterId } = await setup();
    const residentsMet = { ...validShelterVisit(shelterId).residentsMet, adultsMale: -2 };
    expect(await issuesOf(visits.create(validShelterVisit(shelterId, { residentsMet })))).toEqual([
      'residentsMet.adultsMale: validation.notNegative',
    ]);
    const created = await visits.create(validShelterVisit(shelterId));
    await expect(
      visits.update(created.id, validShelterVisit(shelterId, { residentsMet })),
    ).rejects.toBeInstanceOf(RecordValidationError);
    expect((await visits.get(created.id))!.residentsMet.adultsMale).toBe(4);
    expect(await db.shelterVisits.count()).toBe(1);
  });

  it('refuses a visit to a shelter that is not on record', async () => {
    const { db, visits } = await setup();
    expect(await issuesOf(visits.create(validShelterVisit(crypto.randomUUID())))).toEqual([
      'shelterId: validation.visitShelterMissing',
    ]);
    expect(await db.shelterVisits.count()).toBe(0);
  });

  it("lists a shelter's visits newest first, leaving out other shelters and archived visits", async () => {
    const { visits, shelterId } = await setup();
    const other = await visits.create(validShelterVisit(shelterId, { visitDate: daysAgo(30) }));
    const newest = await visits.create(validShelterVisit(shelterId, { visitDate: daysAgo(2) }));
    const middle = await visits.create(validShelterVisit(shelterId, { visitDate: daysAgo(10) }));
    const sameDayLater = await visits.create(validShelterVisit(shelterId, { visitDate: daysAgo(2) }));
    expect((await visits.forShelter(shelterId)).map((v) => v.id)).toEqual([
      sameDayLater.id,
      newest.id,
      middle.id,
      other.id,
    ]);
    expect(await visits.forShelter(crypto.randomUUID())).toEqual([]);

    await visits.softDelete(middle.id);
    expect((await visits.forShelter(shelterId)).map((v) => v.id)).toEqual([
      sameDayLater.id,
      newest.id,
      other.id,
    ]);
    expect((await visits.forShelter(shelterId, { archived: true })).map((v) => v.id)).toEqual([middle.id]);
    await visits.restore(middle.id);
    expect(await visits.forShelter(shelterId)).toHaveLength(4);
  });

  it('counts live visits since a date', async () => {
    const { visits, shelterId } = await setup();
    await visits.create(validShelterVisit(shelterId, { visitDate: daysAgo(40) }));
    await visits.create(validShelterVisit(shelterId, { visitDate: daysAgo(5) }));
    const archived = await visits.create(validShelterVisit(shelterId, { visitDate: daysAgo(3) }));
    await visits.softDelete(archived.id);
    expect(await visits.countSince(daysAgo(7))).toBe(1);
    expect(await visits.countSince(daysAgo(60))).toBe(2);
  });

  it('pages through visits since a date, newest first, skipping archived ones', async () => {
    const { visits, shelterId } = await setup();
    const ids: string[] = [];
    for (const days of [1, 2, 3, 4, 5, 6, 50])
      ids.push((await visits.create(validShelterVisit(shelterId, { visitDate: daysAgo(days) }))).id);
    await visits.softDelete(ids[1]!);
    const page = async (offset: number) =>
      (await visits.listSince(daysAgo(30), { offset, limit: 2 })).map((v) => ids.indexOf(v.id));
    expect(await page(0)).toEqual([0, 2]);
    expect(await page(2)).toEqual([3, 4]);
    expect(await page(4)).toEqual([5]);
  });

  it('keeps the shelter of a visit on update and audits the changed fields', async () => {
    const { visits, audit, shelterId } = await setup();
    const created = await visits.create(validShelterVisit(shelterId));
    const updated = await visits.update(
      created.id,
      validShelterVisit(crypto.randomUUID(), { monitors: 'Arta Berisha' }),
    );
    expect(updated.shelterId).toBe(shelterId);
    const [latest] = await audit.forRecord(created.id);
    expect(latest).toMatchObject({ action: 'update', fields: ['monitors'] });
  });
});
