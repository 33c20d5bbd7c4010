import type { Consent } from '../../../../shared/households/consentSchema';
import type { HouseholdRecord } from '../../../../shared/households/householdSchema';
import type { PersonRecord } from '../../../../shared/households/personSchema';
import { partnerSeeds } from '../../../../shared/referrals/partnerSeeds';
import type { ReferralFormValues } from '../../../../shared/referrals/referralSchema';
import { AppDatabase } from '../AppDatabase';
import { TEST_STORE_KEYS } from '../testing';
import { loadWriteContext } from '../writeContext';

/**
 * Test data for the referral, follow-up and dashboard repositories. Households and persons are
 * written straight to their tables, so these tests do not depend on the household repository.
 */
export const CRPK = partnerSeeds[0]!.id;

export async function openTestDb(name: string, now?: () => Date) {
  const db = new AppDatabase(name, TEST_STORE_KEYS);
  await db.open();
  const ctx = await loadWriteContext(db, now);
  return { db, ctx };
}

export const givenConsent = (scopes: Consent['scopes'] = ['dataCollection', 'referral']): Consent => ({
  status: 'given',
  date: '2024-03-01',
  recordedBy: 'Arta Berisha',
  scopes,
  notObtainedReason: '',
  notes: '',
  withdrawnOn: '',
});

const meta = (id: string) => ({
  id,
  createdAt: '2024-03-01T10:00:00.000Z',
  updatedAt: '2024-03-01T10:00:00.000Z',
  hlc: '0',
  fieldHlc: {},
  deviceId: 'test',
  deletedAt: null,
});

export async function addHousehold(
  db: AppDatabase,
  overrides: Partial<HouseholdRecord> = {},
): Promise<{ household: HouseholdRecord; headId: string }> {
  const household: HouseholdRecord = {
    ...meta(crypto.randomUUID()),
    status: 'returned',
    community: 'roma',
    accommodation: 'ownHome',
    shelterId: '',
    placeOfDisplacement: 'serbia',
    displacementLocation: '',
    displacementDate: '1999-06-15',
    returnDate: '2019-05-01',
    returnMunicipality: 'peje',
    returnSettlement: 'Brestovik',
    currentMunicipality: 'peje',
    address: '',
    phone: '',
    notes: '',
    consent: givenConsent(),
    headName: 'Sabit Gashi',
    memberCount: 1,
    searchTokens: ['sabit', 'gashi'],
    ...overrides,
  };
  const head: PersonRecord = {
    ...meta(crypto.randomUUID()),
    householdId: household.id,
    searchTokens: ['sabit', 'gashi'],
    fullName: household.headName,
    sex: 'male',
    dateOfBirth: '1970-01-01',
    estimatedAge: null,
    relationship: 'head',
    community: household.community,
    birthCertificate: 'held',
    idCard: 'held',
    civilRegistration: 'registered',
    statelessnessRisk: false,
    specificNeeds: [],
  };
  await db.households.add(household);
  await db.persons.add(head);
  return { household, headId: head.id };
}

export const validReferral = (
  householdId: string,
  overrides: Partial<ReferralFormValues> = {},
): ReferralFormValues => ({
  householdId,
  personId: '',
  visitId: '',
  service: 'civilDocumentation',
  organisationId: CRPK,
  urgency: 'high',
  referredOn: '2024-05-02',
  dueDate: '2024-05-20',
  reason: 'Late birth registration of two children',
  ...overrides,
});
