import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDataStore, type DataStore } from '../dataStore';
import { TEST_STORE_KEYS, freshDbName, validShelter } from '../testing';
import { member, registration } from './householdFixtures';

const opened: DataStore[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

async function store(keys = TEST_STORE_KEYS) {
  const s = await openDataStore({ name: freshDbName(), keys });
  opened.push(s);
  return s;
}

describe('sync repository: a field device and Headquarters', () => {
  it('sends a household to HQ, which holds it until it enrols the device, then acknowledges it', async () => {
    const hq = await store({
      fieldKey: new Uint8Array(32).fill(3),
      blindIndexKey: new Uint8Array(32).fill(4),
    });
    await hq.sync.setUp('hq', 'UNHCR Kosovo');
    const field = await store();
    await field.sync.setUp('field', 'CRP/K');

    const orgFile = await hq.sync.organisationFile();
    const preview = await field.sync.previewOrganisationFile(orgFile);
    expect(preview.fingerprint).toBe((await hq.sync.organisation())!.fingerprint);
    await field.sync.trustOrganisationFile(orgFile);

    await field.shelters.create(validShelter());
    await field.households.register(registration({}, [member({ fullName: 'Vjollca Krasniqi' })]));
    const bundle = await field.sync.exportBundle();
    expect(bundle).not.toBeNull();

    const first = await hq.sync.importBundle(bundle!.bytes, bundle!.fileName);
    expect(first.status).toBe('held');
    expect((await hq.households.list({ search: 'Vjollca' })).total).toBe(0);
    expect(await hq.sync.heldBundles()).toHaveLength(1);

    const deviceFile = await field.sync.deviceFile('Laptop Mitrovica 2');
    expect((await hq.sync.previewDeviceFile(deviceFile)).fingerprint).toBe(
      await field.sync.deviceFingerprint(),
    );
    const released = await hq.sync.enrolDevice(deviceFile);
    expect(released.map((r) => r.outcome?.status)).toEqual(['imported']);
    expect((await hq.households.list({ search: 'krasniq' })).total).toBe(1);
    expect(await hq.sync.devices()).toMatchObject([
      { name: 'Laptop Mitrovica 2', bundles: 1, status: 'active' },
    ]);

    const ack = await hq.sync.acknowledgementFor(bundle!.header.sender.deviceId);
    const applied = await field.sync.applyAcknowledgement(ack.bytes, ack.fileName);
    expect(applied.status).toBe('applied');
    expect((await field.sync.outgoingStatus()).pendingChanges).toBe(0);
    expect(await field.sync.exportBundle()).toBeNull();
  });

  it('refuses an organisation file that was changed, and keeps no organisation', async () => {
    const hq = await store();
    await hq.sync.setUp('hq', 'UNHCR Kosovo');
    const field = await store();
    await field.sync.setUp('field', 'CRP/K');
    const text = await hq.sync.organisationFile();
    const tampered = text.replace('UNHCR Kosovo', 'UNHCR Kosova');
    await expect(field.sync.trustOrganisationFile(tampered)).rejects.toThrow();
    expect(await field.sync.organisation()).toBeNull();
  });

  it('drops deleted records HQ acknowledged, when the organisation chose to', async () => {
    const hq = await store({
      fieldKey: new Uint8Array(32).fill(3),
      blindIndexKey: new Uint8Array(32).fill(4),
    });
    await hq.sync.setUp('hq', 'UNHCR Kosovo');
    const field = await store();
    await field.sync.setUp('field', 'CRP/K');
    await field.sync.trustOrganisationFile(await hq.sync.organisationFile());
    await hq.sync.enrolDevice(await field.sync.deviceFile('Laptop 2'));
    const kept = await field.households.register(
      registration({}, [member({ fullName: 'Vjollca Krasniqi' })]),
    );
    const dropped = await field.households.register(registration({}, [member({ fullName: 'Bekim Hoxha' })]));
    await field.households.archive(dropped.id);
    await field.sync.setPurgeAcknowledged(true);

    const bundle = (await field.sync.exportBundle())!;
    await hq.sync.importBundle(bundle.bytes, bundle.fileName);
    const ack = await hq.sync.acknowledgementFor(bundle.header.sender.deviceId);
    expect((await field.sync.applyAcknowledgement(ack.bytes, ack.fileName)).purged).toBeGreaterThan(0);
    expect(await field.households.get(dropped.id)).toBeUndefined();
    expect(await field.households.get(kept.id)).toBeDefined();
    expect((await hq.households.list({ archived: true })).total).toBe(1);
  });

  it('splits a large export at change boundaries into bundles HQ takes in any order', async () => {
    const hq = await store({
      fieldKey: new Uint8Array(32).fill(3),
      blindIndexKey: new Uint8Array(32).fill(4),
    });
    await hq.sync.setUp('hq', 'UNHCR Kosovo');
    const field = await store();
    await field.sync.setUp('field', 'CRP/K');
    await field.sync.trustOrganisationFile(await hq.sync.organisationFile());
    await hq.sync.enrolDevice(await field.sync.deviceFile('Laptop 2'));
    for (const name of ['Ana Gashi', 'Arben Gashi', 'Agim Gashi', 'Adnan Gashi', 'Zana Hoti']) {
      await field.households.register(registration({}, [member({ fullName: name })]));
    }
    // HQ's limits, tightened so that every bundle may hold at most 4 records.
    const bundles = await field.sync.exportBundles({ limits: { maxRecords: 8 } });
    expect(bundles.length).toBeGreaterThan(1);
    for (const [a, b] of bundles.slice(1).map((b, i) => [bundles[i]!, b] as const)) {
      expect(b.header.seq.from).toBe(a.header.seq.to + 1);
    }
    for (const bundle of [...bundles].reverse()) {
      expect((await hq.sync.importBundle(bundle.bytes, bundle.fileName)).status).toBe('imported');
    }
    expect((await hq.households.list({ search: 'gashi' })).total).toBe(4);
    expect((await hq.households.list({ search: 'hoti' })).total).toBe(1);
    const ack = await hq.sync.acknowledgementFor(bundles[0]!.header.sender.deviceId);
    await field.sync.applyAcknowledgement(ack.bytes, ack.fileName);
    expect((await field.sync.outgoingStatus()).pendingChanges).toBe(0);
  });
});
