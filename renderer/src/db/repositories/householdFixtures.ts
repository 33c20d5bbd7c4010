import type { HouseholdRegistrationValues } from '../../../../shared/households/householdSchema';
import type { PersonFormValues } from '../../../../shared/households/personSchema';

/** Valid form values for household tests: a returnee family of three, in both scripts. */
export const member = (overrides: Partial<PersonFormValues> = {}): PersonFormValues => ({
  fullName: 'Dragan Đorđević',
  sex: 'male',
  dateOfBirth: '1961-03-14',
  estimatedAge: null,
  relationship: 'head',
  community: 'serb',
  birthCertificate: 'held',
  idCard: 'held',
  civilRegistration: 'registered',
  statelessnessRisk: false,
  specificNeeds: [],
  ...overrides,
});

type HouseholdValues = HouseholdRegistrationValues['household'];
export const registration = (
  household: Partial<HouseholdValues> = {},
  members: PersonFormValues[] = [
    member(),
    member({ fullName: 'Milica Đorđević', sex: 'female', relationship: 'spouse', dateOfBirth: '1965-07-02' }),
    member({ fullName: 'Ђорђе Ђорђевић', relationship: 'child', dateOfBirth: '', estimatedAge: 17 }),
  ],
): HouseholdRegistrationValues => ({
  household: {
    status: 'returned',
    community: 'serb',
    accommodation: 'ownHome',
    shelterId: '',
    placeOfDisplacement: 'serbia',
    displacementLocation: 'Kraljevo',
    displacementDate: '1999-06-15',
    returnDate: '2018-05-20',
    returnMunicipality: 'kline',
    returnSettlement: 'Drsnik',
    currentMunicipality: 'kline',
    address: '',
    phone: '+383 44 555 010',
    notes: '',
    consent: {
      status: 'given',
      date: '2024-04-30',
      recordedBy: 'Arta Berisha',
      scopes: ['dataCollection', 'referral'],
      notObtainedReason: '',
      notes: '',
      withdrawnOn: '',
    },
    ...household,
  },
  members,
});
