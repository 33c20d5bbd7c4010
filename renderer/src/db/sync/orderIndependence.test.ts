import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HouseholdRecord } from '../../../../shared/households/householdSchema';
import { partnerSeeds } from '../../../../shared/referrals/partnerSeeds';
import { readBundle } from '../../../../shared/sync/bundle';
import type { StoredRecord } from '../../../../shared/sync/fieldVersions';
import { applyBundle, emptyReplica, listConflicts, type ReplicaState } from '../../../../shared/sync/merge';
import { member, registration } from '../repositories/householdFixtures';
import { applyAcknowledgement, createAcknowledgementFor } from './acknowledgements';
import { databaseDigest, tableDigests } from './databaseDigest';
import { knownDeviceOf } from './devices';
import { DERIVED_FIELDS, SYNCED_TABLES, validateSyncedRecord, type SyncedTable } from './syncTables';
import {
  makeSyncOrganisation,
  openDevice,
  openHq,
  type SyncTestOrganisation,
  type TestDeviceDb,
  type TestHq,
} from './syncTesting';

/**
 * Two devices edit their own records and, after sharing some (as reference data would), the same
 * ones, concurrently; each sends bundles along the way. Two HQ databases import all the bundles in
 * different orders, one of them a bundle twice: they end with the same database, and the same
 * records and conflicts as the pure merge over an in-memory replica (shared/sync/merge.ts), which
 * the shared convergence property checks against the true histories.
 */
let org: SyncTestOrganisation;
let deviceKeys: CryptoKeyPair[];
beforeAll(async () => {
  org = await makeSyncOrganisation();
  deviceKeys = await Promise.all(
    [0, 1].map(() =>
      crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']),
    ),
  );
}, 60_000);

const ORGS = partnerSeeds.slice(0, 2).map((p) => p.id);
const device = fc.constantFrom(0 as const, 1 as const);
const opArb = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('register' as const), device }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('editOrg' as const),
      device,
      org: fc.nat(1),
      contact: fc.constantFrom('a', 'b', 'c'),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant('toggleOrg' as const), device, org: fc.nat(1) }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('editHousehold' as const),
      device,
      pick: fc.nat(5),
      phone: fc.constantFrom('+383 44 000 001', '+383 44 000 002'),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('archive' as const), device, pick: fc.nat(5) }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('addMember' as const),
      device,
      pick: fc.nat(5),
      name: fc.constantFrom('Ana Marku', 'Besa Marku'),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('share' as const), device, pick: fc.nat(5) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('export' as const), device }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('ack' as const), device }), weight: 2 },
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

const scenarioArb = fc.record({
  ops: fc.array(opArb, { minLength: 6, maxLength: 18 }),
  orderA: fc.array(fc.double({ noNaN: true }), { minLength: 24, maxLength: 24 }),
  orderB: fc.array(fc.double({ noNaN: true }), { minLength: 24, maxLength: 24 }),
});

async function households(d: TestDeviceDb): Promise<HouseholdRecord[]> {
  return (await d.db.households.toArray()).sort((a, b) => a.id.localeCompare(b.id));
}

/** HQ as the devices meet it: it imports each bundle when it is sent and acknowledges on request. */
async function run(devices: TestDeviceDb[], op: Op, bundles: Uint8Array[], live: TestHq) {
  const d = devices[op.device]!;
  const pickHousehold = async (pick: number) => {
    const list = await households(d);
    return list.length === 0 ? undefined : list[pick % list.length];
  };
  switch (op.kind) {
    case 'register':
      await d.households.register(registration());
      return;
    case 'editOrg': {
      const current = (await d.organisations.get(ORGS[op.org]!))!;
      await d.organisations.update(current.id, { ...current, contact: op.contact });
      return;
    }
    case 'toggleOrg': {
      const current = (await d.organisations.get(ORGS[op.org]!))!;
      await (current.active
        ? d.organisations.deactivate(current.id)
        : d.organisations.reactivate(current.id));
      return;
    }
    case 'editHousehold': {
      const h = await pickHousehold(op.pick);
      if (h) await d.households.update(h.id, { ...registration().household, phone: op.phone });
      return;
    }
    case 'archive': {
      const h = await pickHousehold(op.pick);
      if (h) await (h.deletedAt === null ? d.households.archive(h.id) : d.households.restore(h.id));
      return;
    }
    case 'addMember': {
      const h = await pickHousehold(op.pick);
      if (h) await d.households.addMember(h.id, member({ fullName: op.name, relationship: 'otherRelative' }));
      return;
    }
    case 'share': {
      // The other device receives the household and its members as they are here.
      const h = await pickHousehold(op.pick);
      const other = devices[1 - op.device]!;
      if (!h || (await other.db.households.get(h.id))) return;
      await other.db.households.put(h);
      await other.db.persons.bulkPut(await d.db.persons.where('householdId').equals(h.id).toArray());
      return;
    }
    case 'export': {
      const bundle = await d.exportTo(org);
      if (bundle) {
        bundles.push(bundle.bytes);
        await live.import(bundle.bytes, bundle.fileName);
      }
      return;
    }
    case 'ack': {
      // From then on the device sends only what changed after: versions HQ kept as conflicts
      // are no longer sent again, so the merge must keep them itself.
      const ack = await createAcknowledgementFor(live.db, d.deviceId, org.signer);
      await applyAcknowledgement(d.db, ack.bytes, ack.fileName, { organisation: org.forDevices });
      return;
    }
  }
}

const orderBy = (keys: readonly number[], n: number) =>
  Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);

/** Records as the pure merge keeps them: derived fields (device tags there, HQ tags here) left out. */
function comparable(table: SyncedTable, record: StoredRecord): Record<string, unknown> {
  const derived = DERIVED_FIELDS[table];
  const kept = Object.fromEntries(
    Object.entries(record).filter(([k, v]) => !derived.includes(k) && v !== undefined),
  );
  return { ...kept, fieldBase: record.fieldBase ?? {} };
}

describe('HQ database merge', () => {
  it('bundles imported in any order, with repeats, give the same database, equal to the pure merge', async () => {
    const stats = { runs: 0, withConflicts: 0, bundles: 0 };
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ ops, orderA, orderB }) => {
        const devices = await Promise.all(deviceKeys.map((keyPair) => openDevice({ keyPair })));
        const bundles: Uint8Array[] = [];
        const live = await openHq(org);
        for (const d of devices) await live.enrol(d);
        for (const op of ops) await run(devices, op, bundles, live);
        for (const d of devices) {
          const last = await d.exportTo(org);
          if (last) bundles.push(last.bytes);
        }
        const hqA = await openHq(org);
        const hqB = await openHq(org);
        for (const hq of [hqA, hqB]) for (const d of devices) await hq.enrol(d);

        const order = orderBy(orderA, bundles.length);
        for (const i of order) expect((await hqA.import(bundles[i]!, `b${i}`)).status).toBe('imported');
        const reverse = orderBy(orderB, bundles.length);
        for (const i of reverse) await hqB.import(bundles[i]!, `b${i}`);
        expect((await hqB.import(bundles[reverse[0]!]!, `b${reverse[0]}`)).status).toBe('already-imported');

        const compared = { exclude: ['audit', 'meta'] };
        if ((await databaseDigest(hqA.db, compared)) !== (await databaseDigest(hqB.db, compared))) {
          expect(await tableDigests(hqB.db, compared)).toEqual(await tableDigests(hqA.db, compared));
        }

        // The pure merge of the same bundles, in the same order.
        const known = new Map(
          await Promise.all(
            (await hqA.db.devices.toArray()).map(
              async (row) => [row.deviceId, await knownDeviceOf(row)] as const,
            ),
          ),
        );
        let replica: ReplicaState = emptyReplica();
        for (const i of order) {
          const content = await readBundle(bundles[i]!, {
            organisationKey: hqA.context.organisationKey,
            organisationKeyFingerprint: hqA.context.organisationKeyFingerprint,
            knownDevices: known,
            validate: validateSyncedRecord,
          });
          replica = applyBundle(replica, content).state;
        }
        for (const table of SYNCED_TABLES) {
          const expected = [...(replica.records.get(table)?.values() ?? [])].map((r) => comparable(table, r));
          const actual = ((await hqA.db.table(table).toArray()) as StoredRecord[]).map((r) =>
            comparable(table, r),
          );
          const byId = (a: { id?: unknown }, b: { id?: unknown }) => String(a.id).localeCompare(String(b.id));
          expect(actual.sort(byId), table).toEqual(expected.sort(byId));
        }
        const conflictRows = (await hqA.db.conflicts.toArray()).map(
          ({ table, recordId, field, stamp, value, base }) => ({
            table,
            id: recordId,
            field,
            stamp,
            value,
            base,
          }),
        );
        const expectedConflicts = listConflicts(replica).map(({ table, id, field, stamp, value, base }) => ({
          table,
          id,
          field,
          stamp,
          value,
          base,
        }));
        const key = (c: { table: string; id: string; field: string; stamp: string }) =>
          `${c.table}|${c.id}|${c.field}|${c.stamp}`;
        expect(conflictRows.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
          expectedConflicts.sort((a, b) => key(a).localeCompare(key(b))),
        );

        stats.runs++;
        stats.bundles += bundles.length;
        if (conflictRows.length > 0) stats.withConflicts++;
        for (const db of [...devices, live, hqA, hqB].map((x) => x.db)) db.close();
      }),
      { numRuns: 40 },
    );
    // The property is only as strong as its histories: some of them must produce conflicts.
    expect(stats.withConflicts).toBeGreaterThan(3);
    expect(stats.bundles).toBeGreaterThan(stats.runs * 2);
  }, 300_000);
});
