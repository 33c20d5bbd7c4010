import type { ShelterFormValues } from '../../../shared/shelters/shelterSchema';
import type { StoreKeys } from './encryption/storeKeys';

/** A unique database name per test, so tests never see each other's rows. */
export const freshDbName = () => `pm-test-${crypto.randomUUID()}`;

/**
 * Fixed keys for tests, so a test can close a database and open it again. Every test database
 * is sealed like a real vault's: tests run through the same encryption as the app.
 */
export const TEST_STORE_KEYS: StoreKeys = Object.freeze({
  fieldKey: new Uint8Array(32).fill(7),
  blindIndexKey: new Uint8Array(32).fill(9),
});

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
