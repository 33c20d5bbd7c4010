import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { isVaultError } from '../../../../shared/vault/errors';
import { AppDatabase } from '../AppDatabase';
import type { DataStore } from '../dataStore';
import { sealingMiddleware } from '../encryption/sealingMiddleware';
import { CURRENT_SCHEMA_VERSION, schemaVersions } from '../schemaVersions';
import { databaseDigest } from '../sync/databaseDigest';
import { META_KEYS } from '../writeContext';
import {
  backUpBeforeOpening,
  backUpIfDue,
  DAILY_BACKUP_INTERVAL_MS,
  openVaultStore,
  storedSchemaVersion,
  type AppVersionLedger,
} from './automaticBackups';
import { isBackupError } from './backupErrors';
import { recordValidatorFor } from './recordValidators';
import { restoreBackup, restoreIntoFreshDatabase } from './restoreBackup';
import { readSnapshot, type Snapshot } from './snapshot';
import { memoryBackupHost, populatedStore, testVault } from './testing';
import { sealSnapshot } from './vaultBackup';

type Session = Awaited<ReturnType<typeof testVault>>;

const open: { close(): void }[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

/** Opens a vault's database as the app does, to read it; closed after the test. */
async function appDb(session: Session, name = session.databaseName) {
  const db = new AppDatabase(name, session.keys);
  await db.open();
  open.push(db);
  return db;
}

/** A database's digest as it is on disk, whatever its version, without upgrading it. */
async function digestAsStored(session: Session, name = session.databaseName, options = {}) {
  const db = new Dexie(name);
  db.use(sealingMiddleware(session.keys.fieldKey));
  try {
    await db.open();
    return await databaseDigest(db, options);
  } finally {
    db.close();
  }
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).flatMap((d) => (d.name ? [d.name] : []));
}

/** A vault with records and a backup of them, made as the app makes one. */
async function backedUpVault() {
  const session = await testVault();
  const store = await populatedStore(session);
  open.push(store);
  const snapshot = await store.backup.snapshot();
  const { bytes } = await sealSnapshot(snapshot, session, { appVersion: '0.1.0' });
  return { session, store, snapshot, file: bytes };
}

const freshName = () => `pm-test-restored-${crypto.randomUUID()}`;

/** Rows of the meta table but the device id, which a restore replaces on purpose. */
async function metaWithoutDevice(db: Dexie) {
  return (await db.table('meta').toArray()).filter((row: { key: string }) => row.key !== META_KEYS.deviceId);
}

function ledger(initial?: string): AppVersionLedger & { value: string | undefined } {
  return {
    value: initial,
    async lastAppVersion() {
      return this.value;
    },
    async setLastAppVersion(_vaultId, version) {
      this.value = version;
    },
  };
}

describe('backup and restore', () => {
  it('a restore into a fresh database gives the same records as the backed-up database', async () => {
    const { session, store, file } = await backedUpVault();
    const liveDigest = await databaseDigest(await appDb(session), { exclude: ['meta'] });
    const databaseName = freshName();
    const steps: string[] = [];
    const report = await restoreIntoFreshDatabase({
      file,
      session,
      databaseName,
      onProgress: (s) => steps.push(s),
    });

    const restored = await appDb(session, databaseName);
    expect(await databaseDigest(restored, { exclude: ['meta'] })).toBe(liveDigest);
    expect(await metaWithoutDevice(restored)).toEqual(await metaWithoutDevice(await appDb(session)));
    expect(steps).toEqual(['checking', 'decrypting', 'writing', 'validating', 'verifying']);
    const count = (name: string) => report.tables.find((t) => t.name === name)?.count;
    expect(count('households')).toBe(1);
    expect(count('persons')).toBe(3);
    expect(count('attachments')).toBe(1);
    expect(count('shelterVisits')).toBe(1);
    expect(report.total).toBe(report.tables.reduce((sum, t) => sum + t.count, 0));
    // The restored records open through the app's own store, attachment bytes included.
    const household = (await store.households.list({})).rows[0]!;
    const [attachment] = await restored.attachments.toArray();
    expect(attachment!.data).toEqual(new Uint8Array(4096).map((_, i) => i % 251));
    expect((await restored.households.get(household.id))?.headName).toBe(household.headName);
  });

  it('gives the restored database a new device id and starts its outgoing sync over', async () => {
    const session = await testVault();
    const store = await populatedStore(session);
    open.push(store);
    const live = await appDb(session);
    await live.syncState.put({
      key: 'outgoing',
      acknowledgedThrough: 7,
      lastAckId: null,
      lastAckCreatedAt: null,
      lastAckAppliedAt: null,
      purgedCount: 0,
    });
    const { bytes } = await sealSnapshot(await store.backup.snapshot(), session, { appVersion: '0.1.0' });
    const databaseName = freshName();
    const report = await restoreIntoFreshDatabase({ file: bytes, session, databaseName });

    const liveDeviceId = (await live.meta.get(META_KEYS.deviceId))?.value;
    const restored = await appDb(session, databaseName);
    const restoredDeviceId = (await restored.meta.get(META_KEYS.deviceId))?.value;
    expect(restoredDeviceId).toBe(report.deviceId);
    expect(restoredDeviceId).not.toBe(liveDeviceId);
    expect(await restored.syncState.count()).toBe(0);
    expect(await live.syncState.count()).toBe(1);
  });

  it.each([
    ['a truncated file', (file: Uint8Array) => file.slice(0, file.length - 100), 'backup-truncated'],
    ['a file cut after its header', (file: Uint8Array) => file.slice(0, 200), 'backup-truncated'],
    [
      'a file with one bit flipped',
      (file: Uint8Array) => {
        const copy = file.slice();
        copy[Math.floor(copy.length / 2)]! ^= 0x04;
        return copy;
      },
      'backup-corrupted',
    ],
    [
      'a file that is not a backup',
      () => new TextEncoder().encode('%PDF-1.7 not a backup at all'),
      'backup-not-a-backup',
    ],
  ])('refuses %s and leaves the live database and its name untouched', async (_label, damage, code) => {
    const { session, file } = await backedUpVault();
    const before = await digestAsStored(session);
    const databaseName = freshName();
    const refusal = await restoreIntoFreshDatabase({ file: damage(file), session, databaseName }).catch(
      (e: unknown) => e,
    );
    expect(isVaultError(refusal, code as never)).toBe(true);
    expect(await digestAsStored(session)).toBe(before);
    expect(await databaseNames()).not.toContain(databaseName);
  });

  it("refuses another vault's backup, even one made on this laptop", async () => {
    const { file } = await backedUpVault();
    const other = await testVault('Bekim');
    const otherStore = await populatedStore(other);
    open.push(otherStore);
    const before = await digestAsStored(other);
    const databaseName = freshName();
    const refusal = await restoreIntoFreshDatabase({ file, session: other, databaseName }).catch(
      (e: unknown) => e,
    );
    expect(isBackupError(refusal, 'wrong-vault')).toBe(true);
    expect(await digestAsStored(other)).toBe(before);
    expect(await databaseNames()).not.toContain(databaseName);
  });

  it('refuses a backup holding an invalid record, and names how many', async () => {
    const { session, snapshot } = await backedUpVault();
    const tampered: Snapshot = {
      ...snapshot,
      tables: snapshot.tables.map((table) =>
        table.name === 'shelters'
          ? { ...table, rows: table.rows.map((row) => ({ ...row, municipality: 'atlantis', capacity: -4 })) }
          : table,
      ),
    };
    const { bytes } = await sealSnapshot(tampered, session, { appVersion: '0.1.0' });
    const databaseName = freshName();
    const refusal = await restoreIntoFreshDatabase({ file: bytes, session, databaseName }).catch(
      (e: unknown) => e,
    );
    expect(isBackupError(refusal, 'invalid-records')).toBe(true);
    expect(isBackupError(refusal) && refusal.details).toMatchObject({ count: 1 });
    expect(await databaseNames()).not.toContain(databaseName);
  });

  it('refuses a backup whose rows IndexedDB cannot store, or with a table this version lacks', async () => {
    const { session, snapshot } = await backedUpVault();
    const withoutKeys: Snapshot = {
      ...snapshot,
      tables: snapshot.tables.map((t) =>
        t.name === 'persons' ? { ...t, rows: t.rows.map(({ id: _id, ...rest }) => rest) } : t,
      ),
    };
    const extraTable: Snapshot = { ...snapshot, tables: [...snapshot.tables, { name: 'secrets', rows: [] }] };
    for (const [bad, code] of [
      [withoutKeys, 'invalid-records'],
      [extraTable, 'invalid-snapshot'],
    ] as const) {
      const { bytes } = await sealSnapshot(bad, session, { appVersion: '0.1.0' });
      const databaseName = freshName();
      const refusal = await restoreIntoFreshDatabase({ file: bytes, session, databaseName }).catch(
        (e: unknown) => e,
      );
      expect(isBackupError(refusal, code)).toBe(true);
      expect(await databaseNames()).not.toContain(databaseName);
    }
  });

  it('refuses a backup from a newer app version', async () => {
    const { session, file } = await backedUpVault();
    const refusal = await restoreIntoFreshDatabase({
      file,
      session,
      databaseName: freshName(),
      appSchemaVersion: CURRENT_SCHEMA_VERSION - 1,
    }).catch((e: unknown) => e);
    expect(isVaultError(refusal, 'backup-newer-app-version')).toBe(true);
  });

  it('switches to the restored database, then deletes the old one', async () => {
    const { session, store, file } = await backedUpVault();
    const liveDigest = await digestAsStored(session, undefined, { exclude: ['meta'] });
    store.close();
    const databaseName = freshName();
    const switched: string[] = [];
    await restoreBackup({
      file,
      session,
      databaseName,
      previousDatabaseName: session.databaseName,
      switchTo: async (name) => {
        switched.push(name);
      },
    });
    expect(switched).toEqual([databaseName]);
    expect(await databaseNames()).not.toContain(session.databaseName);
    expect(await digestAsStored(session, databaseName, { exclude: ['meta'] })).toBe(liveDigest);
  });

  it('keeps the live database when the switch fails, and deletes the restored one', async () => {
    const { session, file } = await backedUpVault();
    const before = await digestAsStored(session);
    const databaseName = freshName();
    const refusal = await restoreBackup({
      file,
      session,
      databaseName,
      previousDatabaseName: session.databaseName,
      switchTo: () => Promise.reject(new Error('registry unavailable')),
    }).catch((e: unknown) => e);
    expect(refusal).toEqual(new Error('registry unavailable'));
    expect(await digestAsStored(session)).toBe(before);
    expect(await databaseNames()).not.toContain(databaseName);
  });

  it('has a validator for every table of the current schema', () => {
    const tables = Object.keys(schemaVersions.at(-1)!.stores);
    expect(tables.filter((t) => recordValidatorFor(t) === null)).toEqual([]);
    expect(recordValidatorFor('secrets')).toBeNull();
  });
});

/** Writes rows into a database created exactly as `version` shipped, sealed like the app's. */
async function databaseAtVersion(session: Session, version: number, snapshot: Snapshot, extraStores = {}) {
  const db = new Dexie(session.databaseName);
  db.use(sealingMiddleware(session.keys.fieldKey));
  const versions = schemaVersions.filter((v) => v.version <= version);
  for (const v of versions) db.version(v.version).stores(v.stores);
  if (version > CURRENT_SCHEMA_VERSION)
    db.version(version).stores({ ...versions.at(-1)!.stores, ...extraStores });
  await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const table of snapshot.tables) {
      if (db.tables.some((t) => t.name === table.name)) await db.table(table.name).bulkAdd(table.rows);
    }
  });
  db.close();
}

describe('automatic backups', () => {
  /** A previous version's database holding the records of a populated store. */
  async function olderDatabase(version: number) {
    const source = await testVault();
    const store = await populatedStore(source);
    const snapshot = await store.backup.snapshot();
    const sourceDigest = await databaseDigest(await appDb(source), { exclude: ['meta'] });
    store.close();
    const session = { ...source, databaseName: `pm-test-vault-${crypto.randomUUID()}` };
    await databaseAtVersion(session, version, snapshot);
    return { session, sourceDigest };
  }

  it('backs up a database at an older schema version before it is migrated, and that backup restores', async () => {
    const { session, sourceDigest } = await olderDatabase(CURRENT_SCHEMA_VERSION - 1);
    const { host, files } = memoryBackupHost();
    const versions = ledger('0.1.0');
    const opened = await openVaultStore({
      session,
      host,
      appVersion: '0.1.0',
      ledger: versions,
      open: async () => {
        // The backup must exist before the migration runs.
        expect([...files.keys()].some((n) => n.endsWith('-pre-migration.pmbackup'))).toBe(true);
        expect(await storedSchemaVersion(session.databaseName)).toBe(CURRENT_SCHEMA_VERSION - 1);
        const db = await appDb(session);
        return { backup: { snapshot: () => readSnapshot(db) } };
      },
    });
    expect(opened).toBeTruthy();
    expect(await storedSchemaVersion(session.databaseName)).toBe(CURRENT_SCHEMA_VERSION);

    const listed = await host.listBackups({ vaultId: session.vault.id });
    const preMigration = listed.ok ? listed.value.find((f) => f.kind === 'pre-migration') : undefined;
    const read = await host.readBackup({ name: preMigration!.name });
    const databaseName = freshName();
    const report = await restoreIntoFreshDatabase({
      file: read.ok ? read.value : new Uint8Array(),
      session,
      databaseName,
    });
    expect(report.backupSchemaVersion).toBe(CURRENT_SCHEMA_VERSION - 1);
    // Restored from the older version and migrated: the same records as the source.
    expect(await databaseDigest(await appDb(session, databaseName), { exclude: ['meta'] })).toBe(
      sourceDigest,
    );
  });

  it('does not migrate when the backup before the migration cannot be written', async () => {
    const { session } = await olderDatabase(CURRENT_SCHEMA_VERSION - 1);
    const before = await digestAsStored(session);
    const failingHost = {
      ...memoryBackupHost().host,
      writeBackup: async () => ({
        ok: false as const,
        error: { code: 'io-error' as const, message: 'disk full' },
      }),
    };
    const refusal = await backUpBeforeOpening({
      session,
      host: failingHost,
      appVersion: '0.1.0',
      ledger: ledger(),
    }).catch((e: unknown) => e);
    expect(isBackupError(refusal, 'pre-migration-backup-failed')).toBe(true);
    expect(await storedSchemaVersion(session.databaseName)).toBe(CURRENT_SCHEMA_VERSION - 1);
    expect(await digestAsStored(session)).toBe(before);
  });

  it('refuses a database written by a newer app, without opening or changing it', async () => {
    const source = await testVault();
    const store = await populatedStore(source);
    const snapshot = await store.backup.snapshot();
    store.close();
    const session = { ...source, databaseName: `pm-test-vault-${crypto.randomUUID()}` };
    await databaseAtVersion(session, CURRENT_SCHEMA_VERSION + 1, snapshot, { futureTable: 'id' });
    const before = await digestAsStored(session);
    const { host, files } = memoryBackupHost();
    let opened = false;
    const refusal = await openVaultStore({
      session,
      host,
      appVersion: '0.1.0',
      ledger: ledger('0.0.9'),
      open: async () => {
        opened = true;
        return { backup: { snapshot: () => Promise.reject(new Error('not opened')) } };
      },
    }).catch((e: unknown) => e);
    expect(isBackupError(refusal, 'database-too-new')).toBe(true);
    expect(isBackupError(refusal) && refusal.details).toEqual({
      stored: CURRENT_SCHEMA_VERSION + 1,
      supported: CURRENT_SCHEMA_VERSION,
    });
    expect(opened).toBe(false);
    expect(files.size).toBe(0);
    expect(await storedSchemaVersion(session.databaseName)).toBe(CURRENT_SCHEMA_VERSION + 1);
    expect(await digestAsStored(session)).toBe(before);
  });

  it('backs up after an app update, once, and not on a first start', async () => {
    const session = await testVault();
    const store = await populatedStore(session);
    store.close();
    const { host, files } = memoryBackupHost();
    const versions = ledger('0.1.0');
    expect(await backUpBeforeOpening({ session, host, appVersion: '0.1.0', ledger: versions })).toBeNull();
    expect(await backUpBeforeOpening({ session, host, appVersion: '0.1.0', ledger: ledger() })).toBeNull();
    expect(await backUpBeforeOpening({ session, host, appVersion: '0.2.0', ledger: versions })).toBe(
      'pre-update',
    );
    expect([...files.keys()]).toEqual([expect.stringMatching(/-pre-update\.pmbackup$/)]);
    expect(
      await backUpBeforeOpening({
        session,
        host: memoryBackupHost().host,
        appVersion: '1.0.0',
        ledger: ledger(),
      }),
    ).toBeNull();
  });

  it('writes a daily backup when the last routine one is a day old, and not before', async () => {
    const session = await testVault();
    const store: DataStore = await populatedStore(session);
    open.push(store);
    let now = new Date('2025-03-12T08:00:00Z');
    const { host, files } = memoryBackupHost(() => now);
    const daily = () =>
      backUpIfDue({ session, host, appVersion: '0.1.0', snapshot: store.backup.snapshot, now: () => now });
    expect((await daily())?.file.kind).toBe('daily');
    now = new Date(now.getTime() + DAILY_BACKUP_INTERVAL_MS - 60_000);
    expect(await daily()).toBeNull();
    now = new Date(now.getTime() + 60_000);
    expect((await daily())?.file.createdAt).toBe(now.toISOString());
    expect(files.size).toBe(2);
  });
});
