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
  const derived = deriveForHousehold(household, members);
  const current = Object.fromEntries(Object.keys(derived).map((k) => [k, household[k]]));
  if (canonicalJson(current) === canonicalJson(derived)) return false;
  await db.households.put({ ...household, ...derived } as unknown as HouseholdRecord);
  return true;
}
