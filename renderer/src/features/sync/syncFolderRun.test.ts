import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../../shared/result';
import {
  acknowledgementFileName,
  isAddressedTo,
  syncFolderSides,
  syncFileKind,
} from '../../../../shared/sync/syncFolderNames';
import { openDataStore, type DataStore } from '../../db/dataStore';
import { member, registration } from '../../db/repositories/householdFixtures';
import { TEST_STORE_KEYS, freshDbName } from '../../db/testing';
import { runSyncFolder } from './syncFolderRun';

/** One shared folder in memory, with the layout and reading rules of the real one (§12). */
function memoryFolder() {
  const files = new Map<string, Uint8Array>();
  const archived: string[] = [];
  type Reader = { role: 'hq' } | { role: 'field'; deviceId: string };
  const inbox = (reader: Reader) => syncFolderSides(reader.role).inbox;
  const host = {
    listSyncInbox: async (reader: Reader & { folderId: string }) => {
      const prefix = `${inbox(reader)}/`;
      const ready = [...files.keys()]
        .filter((path) => path.startsWith(prefix) && !path.slice(prefix.length).includes('/'))
        .map((path) => path.slice(prefix.length))
        .filter((name) => isAddressedTo(name, reader))
        .map((name) => ({
          name,
          kind: syncFileKind(name)!,
          size: files.get(`${prefix}${name}`)!.length,
          modifiedAt: '',
        }));
      return ok({ ready, waiting: [] });
    },
    readSyncInboxFile: async (args: Reader & { name: string }) =>
      ok(files.get(`${inbox(args)}/${args.name}`)!),
    writeSyncOutboxFile: async (args: { role: 'field' | 'hq'; name: string; data: Uint8Array }) => {
      files.set(`${syncFolderSides(args.role).outbox}/${args.name}`, args.data);
      return ok(null);
    },
    archiveSyncInboxFile: async (args: Reader & { name: string; disposition?: 'imported' | 'rejected' }) => {
      const from = `${inbox(args)}/${args.name}`;
      const to = `${inbox(args)}/${args.disposition === 'rejected' ? 'rejected' : 'processed'}/${args.name}`;
      files.set(to, files.get(from)!);
      files.delete(from);
      archived.push(to);
      return ok(to);
    },
  };
  return { files, archived, host: host as unknown as Parameters<typeof runSyncFolder>[1] };
}

const opened: DataStore[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));
async function store(fill: number) {
  const s = await openDataStore({
    name: freshDbName(),
    keys: { fieldKey: new Uint8Array(32).fill(fill), blindIndexKey: TEST_STORE_KEYS.blindIndexKey },
  });
  opened.push(s);
  return s;
}

describe('runSyncFolder: one shared folder between a field device and HQ', () => {
  it('carries changes to HQ and the acknowledgement back, archiving every file it read', async () => {
    const folder = { folderId: crypto.randomUUID(), displayName: 'USB' };
    const shared = memoryFolder();
    const hq = await store(1);
    await hq.sync.setUp('hq', 'UNHCR Kosovo');
    const field = await store(2);
    await field.sync.setUp('field', 'CRP/K');
    await field.sync.trustOrganisationFile(await hq.sync.organisationFile());
    await hq.sync.enrolDevice(await field.sync.deviceFile('Laptop 2'));
    await field.households.register(registration({}, [member({ fullName: 'Vjollca Krasniqi' })]));

    const sent = await runSyncFolder(field, shared.host, folder);
    expect(sent.sent?.records).toBeGreaterThan(0);
    expect([...shared.files.keys()]).toEqual([`to-hq/${sent.sent!.fileNames[0]}`]);

    const merged = await runSyncFolder(hq, shared.host, folder);
    expect(merged.files).toMatchObject([{ name: sent.sent!.fileNames[0], status: 'imported' }]);
    const deviceId = (await field.settings.get()).deviceId;
    expect(merged.acknowledged).toEqual([acknowledgementFileName(deviceId)]);
    expect((await hq.households.list({ search: 'Krasniqi' })).total).toBe(1);

    expect(merged.reference).toMatch(/\.pmref$/);
    const acknowledged = await runSyncFolder(field, shared.host, folder);
    expect(acknowledged.files).toEqual(
      expect.arrayContaining([
        { name: acknowledgementFileName(deviceId), status: 'applied' },
        { name: merged.reference, status: 'applied' },
      ]),
    );
    // The reference file stays for the other devices of the folder; reading it again changes nothing.
    expect((await runSyncFolder(field, shared.host, folder)).files).toEqual([
      { name: merged.reference, status: 'already-applied' },
    ]);
    expect((await field.sync.outgoingStatus()).pendingChanges).toBe(0);
    expect(shared.archived).toEqual([
      `to-hq/processed/${sent.sent!.fileNames[0]}`,
      `from-hq/processed/${acknowledgementFileName(deviceId)}`,
    ]);
  });

  it('moves a damaged bundle to rejected and leaves HQ unchanged', async () => {
    const folder = { folderId: crypto.randomUUID(), displayName: 'USB' };
    const shared = memoryFolder();
    const hq = await store(1);
    await hq.sync.setUp('hq', 'UNHCR Kosovo');
    await runSyncFolder(hq, shared.host, folder);
    shared.files.set('to-hq/pm-broken.pmbundle', new Uint8Array([1, 2, 3]));
    const before = await hq.backup.digest();
    const outcome = await runSyncFolder(hq, shared.host, folder);
    expect(outcome.files).toMatchObject([{ name: 'pm-broken.pmbundle', status: 'refused' }]);
    expect(outcome.reference).toBeUndefined();
    expect(shared.archived).toEqual(['to-hq/rejected/pm-broken.pmbundle']);
    expect(await hq.backup.digest()).toBe(before);
  });
});
