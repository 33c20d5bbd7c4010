import { expect } from 'vitest';
import type { HouseholdRecord } from '../../../../shared/households/householdSchema';
import { localToday } from '../../../../shared/validation/fields';
import type { ShelterVisitFormValues } from '../../../../shared/visits/shelterVisitSchema';
import { AppDatabase } from '../AppDatabase';
import { RecordValidationError } from '../recordStore';
import { freshDbName, TEST_STORE_KEYS } from '../testing';
import { loadWriteContext } from '../writeContext';

/** Test helpers for the visit repositories: a fresh database, and valid inputs to vary. */
export async function openVisitTestDb(name = freshDbName()) {
  const db = new AppDatabase(name, TEST_STORE_KEYS);
  await db.open();
  // A clock that moves one second per reading, so records made in a row never share a time.
  let tick = Date.now() - 3_600_000;
  const ctx = await loadWriteContext(db, () => new Date((tick += 1000)));
  ctx.monitorName = 'Arta Berisha';
  return { db, ctx, name };
}

/** A minimal household row, written directly: the visit tests need one to exist, nothing more. */
export async function insertHousehold(
  db: AppDatabase,
  id = crypto.randomUUID(),
  consentStatus: 'given' | 'withdrawn' = 'given',
): Promise<string> {
  const at = new Date().toISOString();
  await db.households.add({
    id,
    status: 'returned',
    consent: { status: consentStatus, scopes: ['dataCollection'] },
    deletedAt: null,
    createdAt: at,
    updatedAt: at,
  } as unknown as HouseholdRecord);
  return id;
}

/** Expects the promise to reject with a RecordValidationError; its issues as `path: message`. */
export const issuesOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RecordValidationError);
  return (error as RecordValidationError).issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

export const daysAgo = (n: number) => localToday(new Date(Date.now() - n * 86_400_000));

export const validShelterVisit = (
  shelterId: string,
  overrides: Partial<ShelterVisitFormValues> = {},
): ShelterVisitFormValues => ({
  shelterId,
  visitDate: daysAgo(1),
  monitors: 'Arta Berisha, Milica Jovanović',
  residentsMet: {
    childrenFemale: 3,
    childrenMale: 2,
    adultsFemale: 5,
    adultsMale: 4,
    olderFemale: 2,
    olderMale: 1,
  },
  conditions: {
    heating: { rating: 'critical', note: 'Boiler broken since December' },
    electricity: { rating: 'adequate', note: '' },
    waterSanitation: { rating: 'needsAttention', note: 'One shower for 20 persons' },
    overcrowding: { rating: 'needsAttention', note: '' },
    accessibility: { rating: 'notAssessed', note: '' },
    privacy: { rating: 'adequate', note: '' },
    safetySecurity: { rating: 'adequate', note: '' },
  },
  observations: 'Residents report no incidents.',
  needsIdentified: ['civilDocumentation', 'health'],
  followUpActions: 'Inform the municipality about the heating.',
  ...overrides,
});
