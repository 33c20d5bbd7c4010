import { afterEach, describe, expect, it } from 'vitest';
import { member, registration } from './householdFixtures';
import { localToday } from '../../../../shared/validation/fields';
import { AppDatabase } from '../AppDatabase';
import { RecordValidationError } from '../recordStore';
import { freshDbName, validShelter, TEST_STORE_KEYS } from '../testing';
import { loadWriteContext } from '../writeContext';
import { createHouseholdRepository } from './householdRepository';
import { createShelterRepository } from './shelterRepository';

const opened: AppDatabase[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

/** A repository on a fresh database; each write a minute after the previous one. */
async function open(options?: { searchLimit?: number }) {
  const db = new AppDatabase(freshDbName(), TEST_STORE_KEYS);
  await db.open();
  opened.push(db);
  let minute = 0;
  const ctx = await loadWriteContext(db, () => new Date(Date.UTC(2024, 4, 1, 8, minute++)));
  ctx.monitorName = 'Arta Berisha';
  return {
    db,
    households: createHouseholdRepository(db, ctx, options),
    shelters: createShelterRepository(db, ctx),
  };
}

async function counts(db: AppDatabase) {
  return {
    households: await db.households.count(),
    persons: await db.persons.count(),
    audit: await db.audit.count(),
  };
}

async function expectRefused(promise: Promise<unknown>, message: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RecordValidationError);
  expect((error as RecordValidationError).issues.map((i) => i.message)).toContain(message);
}

describe('household repository', () => {
  it('registers the household and every member in one audited write, with derived fields', async () => {
    const { db, households } = await open();
    const saved = await households.register(registration());
    expect(saved).toMatchObject({ headName: 'Dragan Đorđević', memberCount: 3, status: 'returned' });
    // Blind-index tags, not names: the index reveals no letters (see storeKeys.ts).
    expect(saved.searchTokens).toEqual(expect.arrayContaining(db.nameIndex.tags('Dragan Đorđević Milica')));
    expect(saved.searchTokens.join(' ')).not.toMatch(/dragan|djordj|milica/i);
    const members = await households.members(saved.id);
    expect(members.map((m) => m.relationship)).toEqual(['head', 'spouse', 'child']);
    expect(members.every((m) => m.householdId === saved.id)).toBe(true);
    expect(await counts(db)).toEqual({ households: 1, persons: 3, audit: 4 });
    const entries = await db.audit.toArray();
    expect(entries.map((e) => e.entity).sort()).toEqual(['household', 'person', 'person', 'person']);
    expect(entries.every((e) => e.actor === 'Arta Berisha' && e.action === 'create')).toBe(true);
  });

  it('saves nothing at all when a member is invalid or consent is missing', async () => {
    const { db, households } = await open();
    const noConsent = registration();
    (noConsent.household.consent as { status: string }).status = '';
    await expectRefused(households.register(noConsent), 'validation.consentRequired');
    await expectRefused(
      households.register(registration({}, [member(), member({ fullName: '', relationship: 'child' })])),
      'validation.required',
    );
    await expectRefused(
      households.register(registration({}, [member(), member({ dateOfBirth: '', relationship: 'spouse' })])),
      'validation.birthOrAge',
    );
    await expectRefused(households.register(registration({}, [])), 'validation.atLeastOneMember');
    await expectRefused(
      households.register(registration({}, [member(), member({ fullName: 'Second head' })])),
      'validation.oneHead',
    );
    await expectRefused(
      households.register(
        registration({ accommodation: 'collectiveShelter', shelterId: crypto.randomUUID() }),
      ),
      'validation.chooseShelter',
    );
    const notObtained = registration();
    notObtained.household.consent = { ...notObtained.household.consent, status: 'notObtained', scopes: [] };
    await expectRefused(households.register(notObtained), 'validation.consentReason');
    expect(await counts(db)).toEqual({ households: 0, persons: 0, audit: 0 });
  });

  it('refuses a return before displacement and dates in the future', async () => {
    const { db, households } = await open();
    await expectRefused(
      households.register(registration({ displacementDate: '2001-02-01', returnDate: '2000-12-31' })),
      'validation.returnBeforeDisplacement',
    );
    const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
    await expectRefused(
      households.register(registration({ returnDate: tomorrow })),
      'validation.dateInFuture',
    );
    await expectRefused(
      households.register(registration({}, [member({ dateOfBirth: tomorrow })])),
      'validation.dateInFuture',
    );
    expect(await counts(db)).toEqual({ households: 0, persons: 0, audit: 0 });

    const saved = await households.register(registration());
    await expectRefused(
      households.update(saved.id, { ...registration().household, returnDate: '1998-01-01' }),
      'validation.returnBeforeDisplacement',
    );
    expect((await households.get(saved.id))!.returnDate).toBe('2018-05-20');
  });

  it('finds a household by any member name, whatever the script or diacritics', async () => {
    const { households } = await open();
    const serb = await households.register(registration());
    await households.register(
      registration({ community: 'albanian', placeOfDisplacement: 'within-kosovo' }, [
        member({ fullName: 'Shpresa Gashi', sex: 'female', community: 'albanian' }),
      ]),
    );
    const found = async (search: string) => (await households.list({ search })).rows.map((h) => h.headName);
    for (const query of ['Đorđević', 'Ђорђевић', 'Djordjevic', 'djordj', 'MILICA', 'Ђорђе', 'dragan djord']) {
      expect(await found(query)).toEqual(['Dragan Đorđević']);
    }
    expect(await found('gashi')).toEqual(['Shpresa Gashi']);
    expect(await found('nobody')).toEqual([]);
    expect((await households.list({ search: 'Djordjevic' })).total).toBe(1);
    expect((await households.list({ search: 'milica', status: 'displaced' })).total).toBe(0);
    expect((await households.list({ search: 'milica', community: 'serb' })).rows[0]!.id).toBe(serb.id);
  });

  it('pages through a filtered list newest first, with the total of all matches', async () => {
    const { households } = await open();
    for (let i = 0; i < 25; i++) {
      await households.register(
        registration({ status: i % 5 === 0 ? 'displaced' : 'returned', community: i % 2 ? 'roma' : 'serb' }, [
          member({ fullName: `Person ${String(i).padStart(2, '0')}`, community: 'roma' }),
        ]),
      );
    }
    const page = await households.list({ status: 'returned', offset: 5, limit: 5 });
    expect(page.total).toBe(20);
    // Returned households are the ones whose index is not a multiple of 5, newest first.
    const returned = Array.from({ length: 25 }, (_, i) => 24 - i).filter((i) => i % 5 !== 0);
    expect(page.rows.map((h) => h.headName)).toEqual(
      returned.slice(5, 10).map((i) => `Person ${String(i).padStart(2, '0')}`),
    );

    const all = await households.list({ offset: 20, limit: 10 });
    expect(all.total).toBe(25);
    expect(all.rows.map((h) => h.headName)).toEqual([
      'Person 04',
      'Person 03',
      'Person 02',
      'Person 01',
      'Person 00',
    ]);

    const roma = await households.list({ community: 'roma', status: 'displaced' });
    expect(roma.rows.map((h) => h.headName)).toEqual(['Person 15', 'Person 05']);
    expect(roma.total).toBe(2);
    const searched = await households.list({ search: 'person', offset: 10, limit: 10 });
    expect(searched.total).toBe(25);
    expect(searched.rows).toHaveLength(10);
  });

  it('moves a household between lists when its status, community or archived state changes', async () => {
    const { households } = await open();
    const first = await households.register(registration());
    const second = await households.register(
      registration({ status: 'displaced', returnMunicipality: '', returnDate: '' }),
    );
    const ids = async (filter: Parameters<typeof households.list>[0]) =>
      (await households.list(filter)).rows.map((h) => h.id);
    expect(await ids({})).toEqual([second.id, first.id]);
    expect(await ids({ status: 'returned' })).toEqual([first.id]);

    // An update moves the household to the top and into the lists of its new values.
    await households.update(first.id, {
      ...registration().household,
      status: 'displaced',
      community: 'roma',
    });
    expect(await ids({})).toEqual([first.id, second.id]);
    expect(await ids({ status: 'returned' })).toEqual([]);
    expect(await ids({ status: 'displaced', community: 'roma' })).toEqual([first.id]);
    expect(await ids({ community: 'serb' })).toEqual([second.id]);

    await households.archive(second.id);
    expect(await ids({ status: 'displaced' })).toEqual([first.id]);
    expect(await ids({ archived: true, community: 'serb' })).toEqual([second.id]);
    expect((await households.list({ archived: true })).total).toBe(1);
    expect(await households.count({ status: 'displaced' })).toBe(1);
    expect(await households.count({ community: 'serb' })).toBe(0);
    expect(await households.count({ community: 'serb', archived: true })).toBe(1);
    expect(await households.count()).toBe(1);
    // The list keys never answer a name search.
    for (const search of ['l0', 'a1', '2024', 'displaced', 'serb'])
      expect((await households.list({ search })).total).toBe(0);
  });

  it('stops counting a broad name search at the limit and says so', async () => {
    const { households } = await open({ searchLimit: 3 });
    for (const name of ['Ana Gashi', 'Arben Gashi', 'Agim Gashi', 'Adnan Gashi', 'Zana Hoti']) {
      await households.register(registration({}, [member({ fullName: name })]));
    }
    expect(await households.list({ search: 'ga' })).toMatchObject({ total: 3, totalIsLowerBound: true });
    expect((await households.list({ search: 'ga', limit: 2 })).rows).toHaveLength(2);
    expect(await households.list({ search: 'zana' })).toMatchObject({ total: 1, totalIsLowerBound: false });
  });

  it('asks for two letters: a one-letter search is not looked up in the blind index', async () => {
    const { households } = await open();
    await households.register(registration({}, [member({ fullName: 'Ana Gashi' })]));
    expect(await households.list({ search: 'a' })).toMatchObject({ total: 0, searchTooShort: true });
    expect(await households.list({ search: 'an' })).toMatchObject({ total: 1 });
  });

  it('lists the households living in a collective shelter', async () => {
    const { households, shelters } = await open();
    const shelter = await shelters.create(validShelter());
    const displaced = { status: 'displaced', returnDate: '', returnMunicipality: '' } as const;
    const inShelter = await households.register(
      registration({ ...displaced, accommodation: 'collectiveShelter', shelterId: shelter.id }),
    );
    await households.register(registration({ ...displaced, accommodation: 'privateAccommodation' }));
    const page = await households.list({ shelterId: shelter.id });
    expect(page).toMatchObject({ total: 1, totalIsLowerBound: false });
    expect(page.rows.map((h) => h.id)).toEqual([inShelter.id]);
    await shelters.archive(shelter.id);
    await expectRefused(
      households.update(inShelter.id, {
        ...registration().household,
        ...displaced,
        accommodation: 'collectiveShelter',
        shelterId: shelter.id,
        notes: 'x',
      }),
      'validation.chooseShelter',
    );
  });

  it('archives and restores a household softly, with audit entries; members stay', async () => {
    const { db, households } = await open();
    const saved = await households.register(registration());
    await households.archive(saved.id);
    expect((await households.list()).total).toBe(0);
    expect((await households.list({ archived: true })).rows.map((h) => h.id)).toEqual([saved.id]);
    expect(await households.members(saved.id)).toHaveLength(3);
    await households.restore(saved.id);
    expect((await households.list()).rows.map((h) => h.id)).toEqual([saved.id]);
    const actions = (await db.audit.where('recordId').equals(saved.id).sortBy('seq')).map((e) => e.action);
    expect(actions).toEqual(['create', 'delete', 'restore']);
  });

  it('keeps derived fields current as members are added, changed, removed and restored', async () => {
    const { db, households } = await open();
    const saved = await households.register(registration());
    const added = await households.addMember(
      saved.id,
      member({ fullName: 'Jelena Stojanović', relationship: 'grandchild' }),
    );
    let household = (await households.get(saved.id))!;
    expect(household.memberCount).toBe(4);
    expect((await households.list({ search: 'stojanovic' })).rows.map((h) => h.id)).toEqual([saved.id]);

    await households.updateMember(
      added.id,
      member({ fullName: 'Jelena Petrović', relationship: 'grandchild' }),
    );
    expect((await households.list({ search: 'stojanovic' })).total).toBe(0);
    expect((await households.list({ search: 'Петровић' })).total).toBe(1);

    await households.removeMember(added.id);
    household = (await households.get(saved.id))!;
    expect(household.memberCount).toBe(3);
    expect((await households.list({ search: 'petrovic' })).total).toBe(0);
    expect((await households.removedMembers(saved.id)).map((m) => m.id)).toEqual([added.id]);

    await households.restoreMember(added.id);
    expect((await households.get(saved.id))!.memberCount).toBe(4);
    const actions = (await db.audit.where('recordId').equals(added.id).sortBy('seq')).map((e) => e.action);
    expect(actions).toEqual(['create', 'update', 'delete', 'restore']);
  });

  it('refuses a second head, an invalid member and removing the last member', async () => {
    const { db, households } = await open();
    const saved = await households.register(registration({}, [member()]));
    const before = await counts(db);
    await expectRefused(
      households.addMember(saved.id, member({ fullName: 'Another head' })),
      'validation.oneHead',
    );
    await expectRefused(
      households.addMember(saved.id, member({ relationship: 'child', sex: 'x' as never })),
      'validation.choose',
    );
    const [head] = await households.members(saved.id);
    await expectRefused(households.removeMember(head!.id), 'validation.atLeastOneMember');
    expect(await counts(db)).toEqual(before);
  });

  it('records the withdrawal of consent, audited, and refuses a withdrawal in the future', async () => {
    const { db, households } = await open();
    const saved = await households.register(registration());
    const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
    await expectRefused(households.withdrawConsent(saved.id, { on: tomorrow }), 'validation.dateInFuture');
    await expectRefused(
      households.withdrawConsent(saved.id, { on: '2024-01-01' }),
      'validation.withdrawalBeforeConsent',
    );

    const today = localToday();
    const withdrawn = await households.withdrawConsent(saved.id, { on: today, notes: 'Asked by phone' });
    expect(withdrawn.consent).toMatchObject({
      status: 'withdrawn',
      withdrawnOn: today,
      notes: 'Asked by phone',
    });
    expect(withdrawn.consent.scopes).toEqual(['dataCollection', 'referral']);
    const [latest] = (await db.audit.where('recordId').equals(saved.id).sortBy('seq')).reverse();
    expect(latest).toMatchObject({ action: 'update', fields: ['consent'] });
    await expectRefused(households.withdrawConsent(saved.id, { on: today }), 'validation.consentNotGiven');
  });
});
