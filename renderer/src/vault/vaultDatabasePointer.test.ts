import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  openVaultRegistry,
  restoredDatabaseName,
  vaultDatabaseName,
  type VaultRegistry,
} from './vaultRegistry';
import { createVaultService } from './vaultService';

const ARTA = 'mulberry kettle Drenica violin river';

const cleanup: { close(): void }[] = [];
afterEach(() => cleanup.splice(0).forEach((c) => c.close()));

function setup(name = `pm-vaults-${crypto.randomUUID()}`) {
  const registry: VaultRegistry = openVaultRegistry(name);
  cleanup.push(registry);
  return { registry, service: createVaultService(registry) };
}

describe('the database a vault opens', () => {
  it('is the one named after the vault until a restore points it at another, for good', async () => {
    const name = `pm-vaults-${crypto.randomUUID()}`;
    const { service } = setup(name);
    const { session } = await service.create({ displayName: 'Arta', passphrase: ARTA });
    expect(session.databaseName).toBe(vaultDatabaseName(session.vault.id));

    const restored = restoredDatabaseName(session.vault.id);
    expect(restored.startsWith(`${vaultDatabaseName(session.vault.id)}-`)).toBe(true);
    await service.switchDatabase(session, restored);
    expect(session.databaseName).toBe(restored);

    // After a restart: a new registry connection, and an unlock, find the restored database.
    const again = setup(name).service;
    expect((await again.unlock(session.vault.id, ARTA)).databaseName).toBe(restored);
  });

  it('remembers the app version that last opened each vault', async () => {
    const { service } = setup();
    const { session } = await service.create({ displayName: 'Arta', passphrase: ARTA });
    expect(await service.lastAppVersion(session.vault.id)).toBeUndefined();
    await service.setLastAppVersion(session.vault.id, '0.2.0');
    await service.switchDatabase(session, restoredDatabaseName(session.vault.id));
    expect(await service.lastAppVersion(session.vault.id)).toBe('0.2.0');
  });

  it('keeps the vaults of a version-1 registry when it is upgraded', async () => {
    const name = `pm-vaults-${crypto.randomUUID()}`;
    const { service } = setup(name);
    const { session } = await service.create({ displayName: 'Arta', passphrase: ARTA });
    const stored = await new Dexie(name).open().then(async (db) => {
      const rows = await db.table('vaults').toArray();
      db.close();
      return rows;
    });
    cleanup.splice(0).forEach((c) => c.close());
    await Dexie.delete(name);
    const v1 = new Dexie(name);
    v1.version(1).stores({ vaults: 'id', attempts: 'vaultId' });
    await v1.table('vaults').bulkAdd(stored);
    v1.close();

    const upgraded = setup(name).service;
    expect((await upgraded.list()).map((v) => v.id)).toEqual([session.vault.id]);
    expect((await upgraded.unlock(session.vault.id, ARTA)).databaseName).toBe(
      vaultDatabaseName(session.vault.id),
    );
  });
});
