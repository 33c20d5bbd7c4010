import { createVault } from '../../../../shared/vault/vaultRecord';
import { createBrowserBackups, type BackupDirectoryHandle } from '../../host/browserBackups';
import { openDataStore } from '../dataStore';
import { registration } from '../repositories/householdFixtures';
import { validReferral } from '../repositories/referralFixtures';
import { validShelterVisit } from '../repositories/visitTesting';
import { validShelter } from '../testing';

/** A vault with a fast KDF and its own database name, as a `VaultSession` has them. */
export async function testVault(displayName = 'Arta') {
  const { record, keys } = await createVault({
    displayName,
    passphrase: 'mulberry kettle Drenica violin river',
    kdf: { iterations: 1000, unsafeLowIterationsForTests: true },
  });
  return { vault: record, keys, databaseName: `pm-test-vault-${crypto.randomUUID()}` };
}

/** The app's backup folder in memory, behind the browser host's backup methods. */
export function memoryBackupHost(now: () => Date = () => new Date()) {
  const files = new Map<string, Uint8Array>();
  const folder: BackupDirectoryHandle = {
    async getFileHandle(name, options = {}) {
      if (!files.has(name)) {
        if (!options.create) throw new DOMException(`${name} not found`, 'NotFoundError');
        files.set(name, new Uint8Array());
      }
      return {
        getFile: async () => new File([files.get(name)! as BlobPart], name),
        createWritable: async () => {
          let written = new Uint8Array();
          return {
            write: async (data: BufferSource) => {
              written = new Uint8Array(data as Uint8Array);
            },
            close: async () => {
              files.set(name, written);
            },
          };
        },
      };
    },
    async removeEntry(name) {
      files.delete(name);
    },
    async *values() {
      for (const name of [...files.keys()]) yield { kind: 'file' as const, name };
    },
  };
  return { files, host: createBrowserBackups({ directory: async () => folder, now }) };
}

/** A store with one of each kind of record (shelter, household and members, visit, referral, …). */
export async function populatedStore(session: Awaited<ReturnType<typeof testVault>>) {
  const store = await openDataStore({ name: session.databaseName, keys: session.keys });
  await store.settings.completeSetup({
    monitorName: 'Arta Berisha',
    organisation: 'CRP/K',
    deviceName: 'Laptop 2',
  });
  const shelter = await store.shelters.create(validShelter());
  const household = await store.households.register(registration());
  await store.shelterVisits.create(validShelterVisit(shelter.id));
  const referral = await store.referrals.create(validReferral(household.id));
  await store.followUps.create({
    subjectType: 'referral',
    subjectId: referral.id,
    title: 'Call the municipal civil registry',
    dueDate: '2024-06-01',
    notes: '',
  });
  await store.attachments.add({
    ownerType: 'household',
    ownerId: household.id,
    fileName: 'letërnjoftim.jpg',
    mimeType: 'image/jpeg',
    bytes: new Uint8Array(4096).map((_, i) => i % 251),
    thumbnail: new Uint8Array([1, 2, 3]),
    caption: 'ID card, front',
  });
  await store.drafts.save('shelter:new', 'shelter', { name: 'Half-typed', capacity: '' });
  return store;
}
