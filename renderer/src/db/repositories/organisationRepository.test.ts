import { afterEach, describe, expect, it } from 'vitest';
import { partnerSeeds } from '../../../../shared/referrals/partnerSeeds';
import type { AppDatabase } from '../AppDatabase';
import { RecordValidationError } from '../recordStore';
import { freshDbName } from '../testing';
import { createOrganisationRepository } from './organisationRepository';
import { openTestDb } from './referralFixtures';

const opened: AppDatabase[] = [];
async function setup() {
  const { db, ctx } = await openTestDb(freshDbName());
  opened.push(db);
  return { db, organisations: createOrganisationRepository(db, ctx) };
}
afterEach(() => opened.splice(0).forEach((db) => db.close()));

describe('organisation repository', () => {
  it('seeds the partners with their fixed ids, once', async () => {
    const { db, organisations } = await setup();
    expect(await organisations.seedPartners()).toBe(partnerSeeds.length);
    expect(await db.organisations.get(partnerSeeds[0]!.id)).toMatchObject({
      name: partnerSeeds[0]!.name,
      active: true,
    });
    const auditAfterSeed = await db.audit.count();
    expect(auditAfterSeed).toBe(partnerSeeds.length);

    expect(await organisations.seedPartners()).toBe(0);
    expect(await db.organisations.count()).toBe(partnerSeeds.length);
    expect(await db.audit.count()).toBe(auditAfterSeed);
  });

  it('recreates only a missing partner and never overwrites a local edit', async () => {
    const { db, organisations } = await setup();
    await organisations.seedPartners();
    const [first, second] = partnerSeeds;
    await organisations.update(first!.id, { ...first, contact: '+383 38 000 000' });
    await organisations.deactivate(first!.id);
    await db.organisations.delete(second!.id);

    expect(await organisations.seedPartners()).toBe(1);
    expect(await db.organisations.get(second!.id)).toMatchObject({ name: second!.name });
    expect(await db.organisations.get(first!.id)).toMatchObject({
      contact: '+383 38 000 000',
      active: false,
    });
  });

  it('lists active organisations first, by name, and filters by service', async () => {
    const { organisations } = await setup();
    const zeta = await organisations.create({
      name: 'Zeta legal clinic',
      services: ['freeLegalAid'],
      contact: '',
    });
    const alpha = await organisations.create({ name: 'Alpha aid', services: ['health'], contact: '' });
    await organisations.deactivate(alpha.id);
    const beta = await organisations.create({
      name: 'Beta documents',
      services: ['civilDocumentation', 'freeLegalAid'],
    });
    expect((await organisations.list()).map((o) => o.name)).toEqual([
      'Beta documents',
      'Zeta legal clinic',
      'Alpha aid',
    ]);
    expect((await organisations.offering('freeLegalAid')).map((o) => o.id)).toEqual([beta.id, zeta.id]);
    expect((await organisations.offering('health')).map((o) => o.id)).toEqual([]);
    await organisations.reactivate(alpha.id);
    expect((await organisations.offering('health')).map((o) => o.id)).toEqual([alpha.id]);
  });

  it('refuses an organisation without a name or a service', async () => {
    const { db, organisations } = await setup();
    await expect(organisations.create({ name: ' ', services: ['health'] })).rejects.toBeInstanceOf(
      RecordValidationError,
    );
    await expect(organisations.create({ name: 'No services', services: [] })).rejects.toBeInstanceOf(
      RecordValidationError,
    );
    expect(await db.organisations.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });
});
