import {
  householdFieldsSchema,
  householdRegistrationSchema,
  householdSchema,
  type HouseholdInput,
  type HouseholdRecord,
} from '../../../../shared/households/householdSchema';
import {
  personSchema,
  type PersonRecord,
  type PersonWithHousehold,
} from '../../../../shared/households/personSchema';
import { localToday, optionalText } from '../../../../shared/validation/fields';
import type { AppDatabase } from '../AppDatabase';
import type { NameIndex } from '../encryption/storeKeys';
import { RecordNotFoundError, RecordStore, RecordValidationError } from '../recordStore';
import type { WriteContext } from '../writeContext';
import { facetKeys } from './householdFacets';
import { createHouseholdListQuery } from './householdListQuery';

export type { HouseholdFilter, HouseholdPage } from './householdListQuery';

export interface ConsentWithdrawal {
  on: string;
  notes?: string;
}

export type Household = HouseholdRecord;
export type Member = PersonRecord;

const householdFieldKeys = Object.keys(householdFieldsSchema.shape) as (keyof HouseholdInput)[];
const withdrawalNotes = optionalText(1000);

/** A rule across records, reported like a schema issue so forms show it at the field. */
function ruleBroken(path: string[], message: string): RecordValidationError {
  return new RecordValidationError([{ code: 'custom', path, message, input: undefined }]);
}

const headFirst = (a: PersonRecord, b: PersonRecord) =>
  Number(b.relationship === 'head') - Number(a.relationship === 'head') ||
  a.createdAt.localeCompare(b.createdAt);

/** Live members, head of household first: what a household's derived fields are made of. */
export const liveMembersOf = (persons: readonly PersonRecord[]): PersonRecord[] =>
  persons.filter((p) => p.deletedAt === null).sort(headFirst);

/** A member's name tags under this vault's blind-index key (also computed by the sync import at HQ). */
export const derivePersonFields = (nameIndex: NameIndex, person: Pick<PersonRecord, 'fullName'>) => ({
  searchTokens: nameIndex.tags(person.fullName),
});

/**
 * Head's name, member count, every live member's name tags and the list keys, kept on the
 * household (`members` from liveMembersOf). Also used by the sync import at HQ.
 */
export const deriveHouseholdFields = (
  household: Parameters<typeof facetKeys>[0],
  members: readonly PersonRecord[],
) => ({
  headName: members[0]?.fullName ?? '',
  memberCount: members.length,
  searchTokens: [...new Set(members.flatMap((m) => m.searchTokens)), ...facetKeys(household)],
});

/** The household fields of a stored record, ready to be validated again with a change. */
function householdInputOf(record: HouseholdRecord): HouseholdInput {
  return Object.fromEntries(householdFieldKeys.map((k) => [k, record[k]])) as HouseholdInput;
}

export function createHouseholdRepository(
  db: AppDatabase,
  ctx: WriteContext,
  options: { searchLimit?: number } = {},
) {
  const households = new RecordStore<HouseholdInput, HouseholdRecord>(db, ctx, {
    entity: 'household',
    table: (d) => d.households,
    inputSchema: householdSchema,
  });
  const query = createHouseholdListQuery(db, options.searchLimit);
  const persons = new RecordStore<PersonWithHousehold, PersonRecord>(db, ctx, {
    entity: 'person',
    table: (d) => d.persons,
    inputSchema: personSchema,
    derive: (p) => derivePersonFields(db.nameIndex, p),
  });
  const tables = [db.households, db.persons, db.shelters, db.audit, db.meta];
  const write = <T>(work: () => Promise<T>) => db.transaction('rw', tables, work);

  async function liveMembers(householdId: string): Promise<PersonRecord[]> {
    return liveMembersOf(await db.persons.where('householdId').equals(householdId).toArray());
  }

  /**
   * Head's name, member count, every live member's name tokens and the list keys, kept on the
   * household. Called at the end of every write transaction that touches a household.
   */
  async function refreshHousehold(householdId: string): Promise<HouseholdRecord> {
    const household = await requireHousehold(householdId);
    const members = await liveMembers(householdId);
    const derived = deriveHouseholdFields(household, members);
    await households.refreshDerived(householdId, derived);
    return { ...household, ...derived };
  }

  async function requireHousehold(id: string): Promise<HouseholdRecord> {
    const household = await households.get(id);
    if (!household) throw new RecordNotFoundError('household', id);
    return household;
  }

  async function requireMember(id: string): Promise<PersonRecord> {
    const member = await persons.get(id);
    if (!member) throw new RecordNotFoundError('person', id);
    return member;
  }

  /** Exactly one head is the rule; a second one is refused (none, briefly, is allowed). */
  async function assertSingleHead(householdId: string, relationship: unknown, exceptId?: string) {
    if (relationship !== 'head') return;
    const others = (await liveMembers(householdId)).filter((m) => m.id !== exceptId);
    if (others.some((m) => m.relationship === 'head'))
      throw ruleBroken(['relationship'], 'validation.oneHead');
  }

  /** A household said to live in a collective shelter must name one of the registry's live shelters. */
  async function assertShelter(shelterId: string, path: string[]) {
    if (!shelterId) return;
    const shelter = await db.shelters.get(shelterId);
    if (!shelter || shelter.deletedAt !== null) throw ruleBroken(path, 'validation.chooseShelter');
  }

  return {
    get: (id: string) => households.get(id),

    /** The household, its members and its consent in one transaction: saved whole or not at all. */
    async register(raw: unknown): Promise<HouseholdRecord> {
      const parsed = householdRegistrationSchema.safeParse(raw);
      if (!parsed.success) throw new RecordValidationError(parsed.error.issues);
      const { household, members } = parsed.data;
      return write(async () => {
        await assertShelter(household.shelterId, ['household', 'shelterId']);
        const created = await households.create(household);
        for (const member of members) await persons.create({ ...member, householdId: created.id });
        return refreshHousehold(created.id);
      });
    },

    update(id: string, raw: unknown): Promise<HouseholdRecord> {
      return write(async () => {
        const parsed = householdSchema.safeParse(raw);
        if (parsed.success) await assertShelter(parsed.data.shelterId, ['shelterId']);
        await households.update(id, raw);
        return refreshHousehold(id);
      });
    },

    /** Soft deletion of the household; its members stay with it. */
    archive(id: string): Promise<HouseholdRecord> {
      return write(async () => {
        await households.softDelete(id);
        return refreshHousehold(id);
      });
    },

    restore(id: string): Promise<HouseholdRecord> {
      return write(async () => {
        await households.restore(id);
        return refreshHousehold(id);
      });
    },

    /** Live members, head of household first, then in the order they were added. */
    members: (householdId: string) => liveMembers(householdId),

    async removedMembers(householdId: string): Promise<PersonRecord[]> {
      const all = await db.persons.where('householdId').equals(householdId).toArray();
      return all.filter((p) => p.deletedAt !== null).sort(headFirst);
    },

    addMember(householdId: string, raw: unknown): Promise<PersonRecord> {
      return write(async () => {
        await requireHousehold(householdId);
        const input = { ...(raw as object), householdId };
        await assertSingleHead(householdId, (raw as { relationship?: unknown } | null)?.relationship);
        const member = await persons.create(input);
        await refreshHousehold(householdId);
        return member;
      });
    },

    updateMember(id: string, raw: unknown): Promise<PersonRecord> {
      return write(async () => {
        const current = await requireMember(id);
        await assertSingleHead(
          current.householdId,
          (raw as { relationship?: unknown } | null)?.relationship,
          id,
        );
        const member = await persons.update(id, { ...(raw as object), householdId: current.householdId });
        await refreshHousehold(current.householdId);
        return member;
      });
    },

    /** Soft removal; the last live member cannot be removed (archive the household instead). */
    removeMember(id: string): Promise<PersonRecord> {
      return write(async () => {
        const current = await requireMember(id);
        const live = await liveMembers(current.householdId);
        if (current.deletedAt === null && live.length <= 1) {
          throw ruleBroken(['members'], 'validation.atLeastOneMember');
        }
        const member = await persons.softDelete(id);
        await refreshHousehold(current.householdId);
        return member;
      });
    },

    restoreMember(id: string): Promise<PersonRecord> {
      return write(async () => {
        const current = await requireMember(id);
        await assertSingleHead(current.householdId, current.relationship, id);
        const member = await persons.restore(id);
        await refreshHousehold(current.householdId);
        return member;
      });
    },

    /** Records the withdrawal of consent: from then on no referral or sharing is allowed. */
    withdrawConsent(id: string, withdrawal: ConsentWithdrawal): Promise<HouseholdRecord> {
      return write(async () => {
        const current = await requireHousehold(id);
        if (current.consent.status !== 'given') {
          throw ruleBroken(['consent', 'status'], 'validation.consentNotGiven');
        }
        if (withdrawal.on > localToday()) {
          throw ruleBroken(['consent', 'withdrawnOn'], 'validation.dateInFuture');
        }
        const notes = withdrawalNotes.safeParse(withdrawal.notes ?? '');
        if (!notes.success)
          throw ruleBroken(['consent', 'notes'], notes.error.issues[0]?.message ?? 'validation.invalid');
        const input = householdInputOf(current);
        const combinedNotes = [input.consent.notes, notes.data].filter(Boolean).join('\n');
        await households.update(id, {
          ...input,
          consent: {
            ...input.consent,
            status: 'withdrawn',
            withdrawnOn: withdrawal.on,
            notes: combinedNotes,
          },
        });
        return refreshHousehold(id);
      });
    },

    /** One page of households and how many match (see householdListQuery). */
    list: query.list,
    /** Live households by status and/or community (archived with `archived: true`): for the dashboard. */
    count: query.count,
  };
}

export type HouseholdRepository = ReturnType<typeof createHouseholdRepository>;
