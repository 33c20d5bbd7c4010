import type { HouseholdRecord } from '../../../../shared/households/householdSchema';
import type { PersonRecord } from '../../../../shared/households/personSchema';
import type {
  FollowUpInput,
  ReferralInput,
  ReferralStatus,
} from '../../../../shared/referrals/referralSchema';
import { canonicalJson } from '../../../../shared/sync/canonicalJson';
import type { StoredRecord } from '../../../../shared/sync/fieldVersions';
import type { AppDatabase } from '../AppDatabase';
import type { NameIndex } from '../encryption/storeKeys';
import { deriveFollowUpFields } from '../repositories/followUpRepository';
import {
  deriveHouseholdFields,
  derivePersonFields,
  liveMembersOf,
} from '../repositories/householdRepository';
import { deriveReferralFields } from '../repositories/referralRepository';
import { deriveShelterFields } from '../repositories/shelterRepository';
import type { SyncedTable } from './syncTables';

/**
 * The derived fields of a merged record, computed as the repositories compute them, with this
 * database's keys. Households are the exception: theirs come from their members, so the importer
 * calls `deriveHouseholdFields` with the members it has read (householdRepository.ts).
 */
export function deriveForTable(
  nameIndex: NameIndex,
  table: Exclude<SyncedTable, 'households'>,
  record: StoredRecord,
) {
  switch (table) {
    case 'shelters':
      return deriveShelterFields(record as StoredRecord & { name: string });
    case 'persons':
      return derivePersonFields(nameIndex, record as unknown as PersonRecord);
    case 'referrals':
      return deriveReferralFields(
        record as StoredRecord & Pick<ReferralInput, 'dueDate'> & { status: ReferralStatus },
      );
    case 'followUps':
      return deriveFollowUpFields(record as StoredRecord & Pick<FollowUpInput, 'done' | 'dueDate'>);
    default:
      return {};
  }
}

export const deriveForHousehold = (household: StoredRecord, liveMembers: readonly PersonRecord[]) =>
  deriveHouseholdFields(household as unknown as HouseholdRecord, liveMembers);

/**
 * Recomputes a household's derived fields from its members as they are now (after a member was
 * merged or resolved without the household). Call inside a transaction over households and
 * persons. True when something changed.
 */
export async function refreshHouseholdDerived(db: AppDatabase, householdId: string): Promise<boolean> {
  const household = (await db.households.get(householdId)) as StoredRecord | undefined;
  if (!household) return false;
  const members = liveMembersOf(await db.persons.where('householdId').equals(householdId).toArray());
  const refreshed = withRefreshedDerived(household, members);
  if (!refreshed) return false;
  await db.households.put(refreshed);
  return true;
}

/** The household with its derived fields recomputed from these live members; undefined when they stand. */
export function withRefreshedDerived(
  household: StoredRecord,
  liveMembers: readonly PersonRecord[],
): HouseholdRecord | undefined {
  const derived = deriveForHousehold(household, liveMembers);
  const current = Object.fromEntries(Object.keys(derived).map((k) => [k, household[k]]));
  if (canonicalJson(current) === canonicalJson(derived)) return undefined;
  return { ...household, ...derived } as unknown as HouseholdRecord;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The stored members of these households that a bundle does not carry (`inBundle`: the ids of
 * every person it carries). Only ids are asked of the index, and bundle persons are left out,
 * so the answer is the same whether the merge's writes were queued before the read or not.
 * Call inside a transaction over persons.
 */
export async function membersOutsideBundle(
  db: AppDatabase,
  householdIds: readonly string[],
  inBundle: ReadonlySet<string>,
): Promise<PersonRecord[]> {
  if (householdIds.length === 0) return [];
  const storedIds = await db.persons.where('householdId').anyOf(householdIds).primaryKeys();
  const outside = storedIds.filter((id) => !inBundle.has(id));
  if (outside.length === 0) return [];
  return (await db.persons.bulkGet(outside)).filter((p): p is PersonRecord => p !== undefined);
}

/**
 * The live members of each household (head first) once a merge is written, from the persons as
 * the merge ends them (merged, or as stored when unchanged) and the members outside the bundle
 * (`membersOutsideBundle`): what reading the persons back would give, without reading or opening
 * them again. Within a household, members are put in id order first, as an index read gives
 * them, so that `liveMembersOf` breaks ties as it always has.
 */
export function liveMembersAfterMerge(
  householdIds: readonly string[],
  persons: Iterable<PersonRecord>,
): Map<string, PersonRecord[]> {
  const byHousehold = new Map<string, PersonRecord[]>(householdIds.map((id) => [id, []]));
  for (const person of persons) byHousehold.get(person.householdId)?.push(person);
  for (const [id, members] of byHousehold) byHousehold.set(id, liveMembersOf(members.sort(byId)));
  return byHousehold;
}
