import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { isVaultError } from '../../../shared/vault/errors';
import { openDataStore, type DataStore } from '../db/dataStore';
import { validShelter } from '../db/testing';
import { openVaultRegistry, type VaultRegistry } from './vaultRegistry';
import { UnlockThrottledError, createVaultService, endSession } from './vaultService';

const ARTA = 'mulberry kettle Drenica violin river';
const BEKIM = 'granite lantern Rugova heron sixty';

const cleanup: { close(): void }[] = [];
afterEach(() => cleanup.splice(0).forEach((c) => c.close()));

function setup(now = () => Date.now()) {
  const registry: VaultRegistry = openVaultRegistry(`pm-vaults-${crypto.randomUUID()}`);
  cleanup.push(registry);
  return { registry, service: createVaultService(registry, { now }) };
}

async function storeOf(session: { databaseName: string; keys: { fieldKey: Uint8Array; blindIndexKey: Uint8Array } }) {
  const store: DataStore = await openDataStore({ name: session.databaseName, keys: session.keys });
  cleanup.push(store);
  return store;
}

const failsWith = (code: string) => (e: unknown) => isVaultError(e) && e.code === code;

describe('vault service', () => {
  it('a wrong passphrase opens nothing and changes nothing but the failure count', async () => {
    const { registry, service } = setup();
    const { session } = await service.create({ displayName: 'Arta', passphrase: ARTA });
    const before = await registry.get(session.vault.id);
    await expect(service.unlock(session.vault.id, 'mulberry kettle Drenica violin rivers')).rejects.toSatisfy(
      failsWith('wrong-passphrase'),
    );
    expect(await registry.get(session.vault.id)).toEqual(before);
    expect((await registry.attempts(session.vault.id)).failures).toBe(1);
    const again = await service.unlock(session.vault.id, ARTA);
    expect(again.keys.keyId).toBe(session.keys.keyId);
    expect((await registry.attempts(session.vault.id)).failures).toBe(0);
  });

  it('delays further attempts after three wrong passphrases, even with the right one', async () => {
    let now = 1_000_000;
    const { service } = setup(() => now);
    const { session } = await service.create({ displayName: 'Arta', passphrase: ARTA });
    for (let i = 0; i < 3; i++) await expect(service.unlock(session.vault.id, `wrong ${i}`)).rejects.toThrow();
    await expect(service.unlock(session.vault.id, ARTA)).rejects.toBeInstanceOf(UnlockThrottledError);
    now += 1_000;
    await expect(service.unlock(session.vault.id, ARTA)).resolves.toMatchObject({ vault: { id: session.vault.id } });
  });

  it('the recovery key opens the vault and sets a new passphrase; the old one stops working', async () => {
    const { service } = setup();
    const { session, recoveryKey } = await service.create({ displayName: 'Arta', passphrase: ARTA });
    const store = await storeOf(session);
    await store.shelters.create(validShelter({ name: 'Before recovery' }));
    store.close();
    await expect(service.recover(session.vault.id, recoveryKey.replace(/-/g, ' ').toLowerCase(), BEKIM)).resolves.toBeTruthy();
    await expect(service.unlock(session.vault.id, ARTA)).rejects.toSatisfy(failsWith('wrong-passphrase'));
    const reopened = await storeOf(await service.unlock(session.vault.id, BEKIM));
    expect((await reopened.shelters.list({})).map((s) => s.name)).toEqual(['Before recovery']);
  });

  it('keeps each person’s records in their own vault, unreadable with another person’s keys', async () => {
    const { service } = setup();
    const arta = (await service.create({ displayName: 'Arta', passphrase: ARTA })).session;
    const bekim = (await service.create({ displayName: 'Bekim', passphrase: BEKIM })).session;
    expect(arta.databaseName).not.toBe(bekim.databaseName);
    const artaStore = await storeOf(arta);
    await artaStore.shelters.create(validShelter({ name: 'Arta’s shelter' }));
    artaStore.close();
    const bekimStore = await storeOf(bekim);
    expect(await bekimStore.shelters.list({})).toEqual([]);
    await expect(openDataStore({ name: arta.databaseName, keys: bekim.keys })).rejects.toThrow();
    await expect(service.unlock(arta.vault.id, BEKIM)).rejects.toSatisfy(failsWith('wrong-passphrase'));
    expect((await service.list()).map((v) => v.displayName)).toEqual(['Arta', 'Bekim']);
  });

  it('ending a session wipes the byte keys', async () => {
    const { service } = setup();
    const { session } = await service.create({ displayName: 'Arta', passphrase: ARTA });
    endSession(session);
    expect(session.keys.fieldKey.every((b) => b === 0)).toBe(true);
    expect(session.keys.blindIndexKey.every((b) => b === 0)).toBe(true);
  });

  it('changes the passphrase only with the current one', async () => {
    const { service } = setup();
    const { session } = await service.create({ displayName: 'Arta', passphrase: ARTA });
    await expect(service.changePassphrase(session, 'not it at all', BEKIM)).rejects.toSatisfy(failsWith('wrong-passphrase'));
    await service.changePassphrase(session, ARTA, BEKIM);
    await expect(service.unlock(session.vault.id, BEKIM)).resolves.toBeTruthy();
  });
});
