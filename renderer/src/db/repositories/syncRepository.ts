import { createDeviceFile, readDeviceFile, type KnownDevice } from '../../../../shared/sync/deviceFile';
import {
  ECDSA_CURVE,
  generateDeviceKeyPair,
  generateOrganisationKeys,
  keyFingerprint,
  type OrganisationKeys,
} from '../../../../shared/sync/keys';
import {
  createOrganisationFile,
  describeOrganisation,
  readOrganisationFile,
  type Organisation,
} from '../../../../shared/sync/orgFile';
import type { SyncLimits } from '../../../../shared/sync/limits';
import type { AppDatabase } from '../AppDatabase';
import { applyAcknowledgement, createAcknowledgementFor, purgeTombstones } from '../sync/acknowledgements';
import { listConflicts, resolveConflict, type ConflictChoice } from '../sync/conflicts';
import { discardHeldBundle, enrolDevice, listDevices, listHeldBundles, revokeDevice } from '../sync/devices';
import { importBundle, releaseHeldBundles, type ImportProgress } from '../sync/importBundle';
import { exportBundle, exportBundles, outgoingStatus, type ExportProgress } from '../sync/outgoing';
import { databaseDigest } from '../sync/databaseDigest';
import { applyReferenceBundle, createReferenceBundleFor, referenceDataState } from '../sync/referenceData';
import type { WriteContext } from '../writeContext';

interface ExportOptions {
  full?: boolean;
  onProgress?: (p: ExportProgress) => void;
  /** HQ's limits, when they differ from the shared defaults (tests lower them). */
  limits?: Partial<SyncLimits>;
}

/** A field device sends bundles to HQ; Headquarters merges every device's bundles. */
export type SyncRole = 'field' | 'hq';

const SYNC_META = {
  role: 'sync.role',
  deviceKeys: 'sync.deviceKeys',
  organisationKeys: 'sync.organisationKeys',
  organisationName: 'sync.organisationName',
  organisationCreatedAt: 'sync.organisationCreatedAt',
  /** Field: the organisation file it trusts (public keys only). */
  organisationFile: 'sync.organisationFile',
  syncFolder: 'sync.folder',
  /** Field: the organisation's choice to drop deleted records once HQ acknowledged them. */
  purgeAcknowledged: 'sync.purgeAcknowledged',
  /** HQ: the digest of the reference tables when reference data was last written to the sync folder. */
  referenceDigest: 'sync.referenceDigest',
} as const;

interface StoredPair {
  publicKey: JsonWebKey;
  privateKey: JsonWebKey;
}

const subtle = () => globalThis.crypto.subtle;
const RSA_OAEP = { name: 'RSA-OAEP', hash: 'SHA-256' };

async function exportPair(pair: CryptoKeyPair): Promise<StoredPair> {
  return {
    publicKey: await subtle().exportKey('jwk', pair.publicKey),
    privateKey: await subtle().exportKey('jwk', pair.privateKey),
  };
}

/**
 * The keys of the file sync and the HQ workflow. Private keys live as JWK in the meta table,
 * which the sealing middleware encrypts with the vault key like every other value; they are
 * never stored as CryptoKey objects (Chromium would write their raw material to disk).
 */
export function createSyncRepository(db: AppDatabase, ctx: WriteContext) {
  const meta = async <T>(key: string): Promise<T | undefined> =>
    (await db.meta.get(key))?.value as T | undefined;

  let deviceKeys: Promise<CryptoKeyPair> | undefined;
  let organisationKeys: Promise<OrganisationKeys> | undefined;

  function loadDeviceKeys(): Promise<CryptoKeyPair> {
    deviceKeys ??= meta<StoredPair>(SYNC_META.deviceKeys).then(async (stored) => {
      if (!stored) throw new Error('This vault has no device key yet');
      return {
        publicKey: await subtle().importKey('jwk', stored.publicKey, ECDSA_CURVE, true, ['verify']),
        privateKey: await subtle().importKey('jwk', stored.privateKey, ECDSA_CURVE, false, ['sign']),
      };
    });
    return deviceKeys;
  }

  function loadOrganisationKeys(): Promise<OrganisationKeys> {
    organisationKeys ??= meta<{ encryption: StoredPair; signing: StoredPair }>(
      SYNC_META.organisationKeys,
    ).then(async (stored) => {
      if (!stored) throw new Error('This vault holds no organisation key (not Headquarters)');
      return {
        encryption: {
          publicKey: await subtle().importKey('jwk', stored.encryption.publicKey, RSA_OAEP, true, [
            'encrypt',
            'wrapKey',
          ]),
          privateKey: await subtle().importKey('jwk', stored.encryption.privateKey, RSA_OAEP, false, [
            'decrypt',
            'unwrapKey',
          ]),
        },
        signing: {
          publicKey: await subtle().importKey('jwk', stored.signing.publicKey, ECDSA_CURVE, true, ['verify']),
          privateKey: await subtle().importKey('jwk', stored.signing.privateKey, ECDSA_CURVE, false, [
            'sign',
          ]),
        },
      };
    });
    return organisationKeys;
  }

  async function exportContext(options: ExportOptions) {
    const [device, organisation] = await Promise.all([loadDeviceKeys(), requireOrganisation()]);
    return {
      device: { signingKey: device.privateKey, publicKey: device.publicKey },
      organisation: { encryptionKey: organisation.encryptionKey },
      full: options.full,
      now: ctx.now,
      onProgress: options.onProgress,
      limits: options.limits,
    };
  }

  async function hqOrganisation(): Promise<Organisation> {
    const [name, createdAt] = await Promise.all([
      meta<string>(SYNC_META.organisationName),
      meta<string>(SYNC_META.organisationCreatedAt),
    ]);
    return describeOrganisation(await loadOrganisationKeys(), name ?? '', createdAt ?? '');
  }

  async function trustedOrganisation(): Promise<Organisation | null> {
    const text = await meta<string>(SYNC_META.organisationFile);
    return text ? readOrganisationFile(text) : null;
  }

  async function requireOrganisation(): Promise<Organisation> {
    const organisation = await trustedOrganisation();
    if (!organisation) throw new Error('No organisation file imported yet');
    return organisation;
  }

  return {
    async role(): Promise<SyncRole> {
      return (await meta<SyncRole>(SYNC_META.role)) ?? 'field';
    },

    /**
     * At setup: this vault's signing key pair, and at HQ the organisation's key pairs (RSA-OAEP
     * 3072 for bundles, ECDSA P-256 for acknowledgements and the organisation file).
     */
    async setUp(role: SyncRole, organisationName: string): Promise<void> {
      const device = await exportPair(await generateDeviceKeyPair({ extractable: true }));
      const entries: { key: string; value: unknown }[] = [
        { key: SYNC_META.role, value: role },
        { key: SYNC_META.deviceKeys, value: device },
      ];
      if (role === 'hq') {
        const keys = await generateOrganisationKeys({ extractable: true });
        entries.push(
          {
            key: SYNC_META.organisationKeys,
            value: { encryption: await exportPair(keys.encryption), signing: await exportPair(keys.signing) },
          },
          { key: SYNC_META.organisationName, value: organisationName.trim() },
          { key: SYNC_META.organisationCreatedAt, value: ctx.now().toISOString() },
        );
      }
      await db.meta.bulkPut(entries);
      deviceKeys = undefined;
      organisationKeys = undefined;
    },

    async deviceFingerprint(): Promise<string> {
      return keyFingerprint((await loadDeviceKeys()).publicKey);
    },

    /** The file HQ enrols this device from (its public key, signed by itself). */
    async deviceFile(deviceName: string): Promise<string> {
      return createDeviceFile(
        { deviceId: ctx.deviceId, name: deviceName, keyPair: await loadDeviceKeys() },
        ctx.now().toISOString(),
      );
    },

    /** Field: the organisation this device sends to; HQ: its own. Null on a field device before the import. */
    async organisation(): Promise<Organisation | null> {
      return (await this.role()) === 'hq' ? hqOrganisation() : trustedOrganisation();
    },

    /** Checks an organisation file and shows its fingerprint; nothing is stored yet. */
    previewOrganisationFile: (text: string): Promise<Organisation> => readOrganisationFile(text),

    /** After the monitor compared the fingerprint with the one HQ shows. */
    async trustOrganisationFile(text: string): Promise<Organisation> {
      const organisation = await readOrganisationFile(text);
      await db.meta.put({ key: SYNC_META.organisationFile, value: text });
      return organisation;
    },

    /** HQ: the organisation file devices import. */
    async organisationFile(): Promise<string> {
      const [name, createdAt] = await Promise.all([
        meta<string>(SYNC_META.organisationName),
        meta<string>(SYNC_META.organisationCreatedAt),
      ]);
      return createOrganisationFile(
        await loadOrganisationKeys(),
        name ?? '',
        createdAt ?? ctx.now().toISOString(),
      );
    },

    async syncFolder(): Promise<{ folderId: string; displayName: string } | null> {
      return (await meta<{ folderId: string; displayName: string }>(SYNC_META.syncFolder)) ?? null;
    },

    async setSyncFolder(folder: { folderId: string; displayName: string } | null): Promise<void> {
      if (folder) await db.meta.put({ key: SYNC_META.syncFolder, value: folder });
      else await db.meta.delete(SYNC_META.syncFolder);
    },

    // Field device

    outgoingStatus: () => outgoingStatus(db),

    /** Everything unacknowledged (or everything) in one bundle; refused when over HQ's limits. */
    async exportBundle(options: ExportOptions = {}) {
      return exportBundle(db, await exportContext(options));
    },

    /** The same, split into as many bundles as HQ's limits need ("Send to HQ"). */
    async exportBundles(options: ExportOptions = {}) {
      return exportBundles(db, await exportContext(options));
    },

    async applyAcknowledgement(bytes: Uint8Array, fileName: string) {
      const organisation = await requireOrganisation();
      const purge = (await meta<boolean>(SYNC_META.purgeAcknowledged)) === true;
      return applyAcknowledgement(db, bytes, fileName, {
        organisation: { signingKey: organisation.signingKey, fingerprint: organisation.fingerprint },
        now: ctx.now,
        ...(purge ? { purge: purgeTombstones } : {}),
      });
    },

    /** Data minimisation, if the organisation chooses: deleted records go once HQ has them. */
    async purgeAcknowledged(): Promise<boolean> {
      return (await meta<boolean>(SYNC_META.purgeAcknowledged)) === true;
    },

    async setPurgeAcknowledged(purge: boolean): Promise<void> {
      await db.meta.put({ key: SYNC_META.purgeAcknowledged, value: purge });
    },

    /** Verifies HQ's reference data (shelters, partners, questionnaire versions) and merges it. */
    async applyReferenceBundle(bytes: Uint8Array, fileName: string) {
      const organisation = await requireOrganisation();
      return applyReferenceBundle(db, bytes, fileName, {
        organisation: { signingKey: organisation.signingKey, fingerprint: organisation.fingerprint },
        actor: ctx.actor(),
        clock: ctx.clock,
        now: ctx.now,
        storageGuard: ctx.storageGuard,
      });
    },

    /** The last reference data applied on this device, or null. */
    referenceDataStatus: () => referenceDataState(db),

    // Headquarters

    async importBundle(bytes: Uint8Array, fileName: string, onProgress?: (p: ImportProgress) => void) {
      const [keys, organisation] = await Promise.all([loadOrganisationKeys(), hqOrganisation()]);
      return importBundle(db, bytes, fileName, {
        organisationKey: keys.encryption.privateKey,
        organisationKeyFingerprint: organisation.encryptionKeyFingerprint,
        actor: ctx.actor(),
        now: ctx.now,
        clock: ctx.clock,
        storageGuard: ctx.storageGuard,
        onProgress,
      });
    },

    /** A device file, checked, with the fingerprint to compare before enrolling. */
    previewDeviceFile: (text: string): Promise<KnownDevice> => readDeviceFile(text),

    /** Enrols the device and merges the bundles it had waiting. */
    async enrolDevice(text: string) {
      const device = await readDeviceFile(text);
      await enrolDevice(db, device, { now: ctx.now });
      const [keys, organisation] = await Promise.all([loadOrganisationKeys(), hqOrganisation()]);
      return releaseHeldBundles(db, device.deviceId, {
        organisationKey: keys.encryption.privateKey,
        organisationKeyFingerprint: organisation.encryptionKeyFingerprint,
        actor: ctx.actor(),
        now: ctx.now,
        clock: ctx.clock,
        storageGuard: ctx.storageGuard,
      });
    },

    revokeDevice: (deviceId: string) => revokeDevice(db, deviceId, { now: ctx.now }),

    /** Enrolled devices with what HQ merged from each. */
    async devices() {
      const [devices, imported] = await Promise.all([listDevices(db), db.importedBundles.toArray()]);
      return devices.map((device) => {
        const bundles = imported.filter((b) => b.deviceId === device.deviceId);
        const last = bundles.reduce<(typeof bundles)[number] | undefined>(
          (a, b) => (!a || b.importedAt > a.importedAt ? b : a),
          undefined,
        );
        return { ...device, bundles: bundles.length, lastImportedAt: last?.importedAt ?? null };
      });
    },

    heldBundles: () => listHeldBundles(db),
    discardHeldBundle: (id: string) => discardHeldBundle(db, id),
    conflicts: async () => (await listConflicts(db)).filter((c) => c.disagreement),
    resolveConflict: (choice: ConflictChoice) => resolveConflict(db, ctx, choice),

    async acknowledgementFor(deviceId: string) {
      const [keys, organisation] = await Promise.all([loadOrganisationKeys(), hqOrganisation()]);
      return createAcknowledgementFor(db, deviceId, {
        organisationSigningKey: keys.signing.privateKey,
        organisationFingerprint: organisation.fingerprint,
        now: ctx.now,
      });
    },

    /** HQ: the signed reference data for every device (bytes and file name). */
    /**
     * HQ, for the sync folder: a new reference-data file only when shelters or organisations
     * changed since the last one written there (devices keep the newest they applied).
     */
    async referenceBundleIfChanged() {
      const digest = await databaseDigest(db, { tables: ['shelters', 'organisations'] });
      if ((await meta<string>(SYNC_META.referenceDigest)) === digest) return null;
      const bundle = await this.referenceBundle();
      await db.meta.put({ key: SYNC_META.referenceDigest, value: digest });
      return bundle;
    },

    async referenceBundle() {
      const [keys, organisation] = await Promise.all([loadOrganisationKeys(), hqOrganisation()]);
      return createReferenceBundleFor(db, {
        organisationSigningKey: keys.signing.privateKey,
        organisationFingerprint: organisation.fingerprint,
        clock: ctx.clock,
        now: ctx.now,
      });
    },
  };
}

export type SyncRepository = ReturnType<typeof createSyncRepository>;
