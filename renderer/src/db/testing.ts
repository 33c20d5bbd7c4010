import type { ShelterFormValues } from '../../../shared/shelters/shelterSchema';

/** A unique database name per test, so tests never see each other's rows. */
export const freshDbName = () => `pm-test-${crypto.randomUUID()}`;

export const validShelter = (overrides: Partial<ShelterFormValues> = {}): ShelterFormValues => ({
  name: 'Qendra kolektive "Mitrovicë" / Колективни центар',
  municipality: 'mitrovice-jugut',
  settlement: 'Shipol',
  address: 'Rr. Mbretëresha Teutë 12',
  managingAuthority: 'municipality',
  capacity: 40,
  residents: 31,
  status: 'open',
  contactPerson: 'Drita Krasniqi',
  contactPhone: '+383 44 123 456',
  notes: '',
  ...overrides,
});
