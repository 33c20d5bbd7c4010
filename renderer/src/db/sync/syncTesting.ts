/**
 * Test-only helpers for the database sync tests: a device with its repositories and signing
 * keys, an HQ database with its import context. Not imported by app code.
 */
import { afterEach, beforeAll } from 'vitest';
import { knownDevice, type KnownDevice } from '../../../../shared/sync/deviceFile';
import { generateDeviceKeyPair } from '../../../../shared/sync/keys';
import {
  makeOrganisation,
  type TestDevice,
  type TestOrganisation,
} from '../../../../shared/sync/testing/syncTestKit';
import { AppDatabase } from '../AppDatabase';
import type { StoreKeys } from '../encryption/storeKeys';
import { createAttachmentRepository } from '../repositories/attachmentRepository';
import { createFollowUpRepository } from '../repositories/followUpRepository';
import { createHouseholdRepository } from '../repositories/householdRepository';
import { createOrganisationRepository } from '../repositories/organisationRepository';
import { createReferralRepository } from '../repositories/referralRepository';
import { createShelterRepository } from '../repositories/shelterRepository';
import { createShelterVisitRepository } from '../repositories/shelterVisitRepository';
import { freshDbName, TEST_STORE_KEYS } from '../testing';
import { loadWriteContext } from '../writeContext';
import { enrolDevice } from './devices';
import { importBundle, type ImportContext } from './importBundle';
import { exportBundle, type ExportContext } from './outgoing';

/** The test organisation, with what HQ signs with and what devices verify with. */
export async function makeSyncOrganisation(name?: string) {
  const org: TestOrganisation = await makeOrganisation(name);
  return {
    ...org,
    signer: {
      organisationSigningKey: org.keys.signing.privateKey,
      organisationFingerprint: org.info.fingerprint,
    },
    forDevices: { signingKey: org.info.signingKey, fingerprint: org.info.fingerprint },
  };
}
export type SyncTestOrganisation = Awaited<ReturnType<typeof makeSyncOrganisation>>;

/** HQ's vault keys differ from the devices': name tags must be computed again at import. */
export const HQ_STORE_KEYS: StoreKeys = Object.freeze({
  fieldKey: new Uint8Array(32).fill(21),
  blindIndexKey: new Uint8Array(32).fill(23),
});

export const HQ_NOW = new Date('2025-02-01T09:00:00.000Z');

export type TestDeviceDb = Awaited<ReturnType<typeof openDevice>>;

/** A device: its database, repositories (partners seeded), clock and signing keys. */
export async function openDevice(options: { startMs?: number; keyPair?: CryptoKeyPair } = {}) {
  const db = new AppDatabase(freshDbName(), TEST_STORE_KEYS);
  await db.open();
  // A clock that moves one second per reading, so stamps and times differ between writes.
  let tick = options.startMs ?? Date.UTC(2025, 0, 10, 8);
  const now = () => new Date((tick += 1000));
  const ctx = await loadWriteContext(db, now);
  ctx.monitorName = 'Arta Berisha';
  const organisations = createOrganisationRepository(db, ctx);
  await organisations.seedPartners();
  const keyPair = options.keyPair ?? (await generateDeviceKeyPair());
  const known: KnownDevice = await knownDevice(ctx.deviceId, 'Tablet', keyPair.publicKey);
  const asTestDevice: TestDevice = { deviceId: ctx.deviceId, keyPair, known };
  return {
    db,
    ctx,
    now,
    deviceId: ctx.deviceId,
    keyPair,
    known,
    asTestDevice,
    organisations,
    shelters: createShelterRepository(db, ctx),
    households: createHouseholdRepository(db, ctx),
    referrals: createReferralRepository(db, ctx),
    followUps: createFollowUpRepository(db, ctx),
    shelterVisits: createShelterVisitRepository(db, ctx),
    attachments: createAttachmentRepository(db, ctx),
    exportTo: (org: TestOrganisation, extra: Partial<ExportContext> = {}) =>
      exportBundle(db, {
        device: { signingKey: keyPair.privateKey, publicKey: keyPair.publicKey },
        organisation: { encryptionKey: org.info.encryptionKey },
        now,
        ...extra,
      }),
  };
}

export type TestHq = Awaited<ReturnType<typeof openHq>>;

/** HQ: its database (own vault keys), write context and import context. */
export async function openHq(org: TestOrganisation, extra: Partial<ImportContext> = {}) {
  const db = new AppDatabase(freshDbName(), HQ_STORE_KEYS);
  await db.open();
  const now = () => HQ_NOW;
  const ctx = await loadWriteContext(db, now);
  ctx.monitorName = 'HQ reviewer';
  const context: ImportContext = {
    organisationKey: org.keys.encryption.privateKey,
    organisationKeyFingerprint: org.info.encryptionKeyFingerprint,
    actor: 'HQ reviewer',
    now,
    clock: ctx.clock,
    ...extra,
  };
  return {
    db,
    ctx,
    context,
    enrol: (device: { known: KnownDevice }) => enrolDevice(db, device.known, { now }),
    import: (bytes: Uint8Array, fileName = 'bundle.pmbundle', more: Partial<ImportContext> = {}) =>
      importBundle(db, bytes, fileName, { ...context, ...more }),
  };
}

/** Resolves to the error a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`Expected a refusal, got ${JSON.stringify(value)?.slice(0, 200)}`);
    },
    (error: unknown) => error,
  );
}

/**
 * A test file's sync bed: one organisation for the file (RSA keys are slow to make) and, per
 * test, a device enrolled at a fresh HQ, both closed after the test.
 */
export function syncTestBed() {
  const opened: { db: { close(): void } }[] = [];
  const bed = {
    org: undefined as unknown as SyncTestOrganisation,
    async setUp() {
      const device = await openDevice();
      const hq = await openHq(bed.org);
      opened.push(device, hq);
      await hq.enrol(device);
      return { device, hq };
    },
  };
  beforeAll(async () => {
    bed.org = await makeSyncOrganisation();
  }, 60_000);
  afterEach(() => opened.splice(0).forEach((o) => o.db.close()));
  return bed;
}
