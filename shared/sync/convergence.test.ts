import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { acknowledgementContent } from './acknowledgement';
import { BUNDLE_FORMAT_VERSION } from './bundleFormat';
import { createBundle, importBundle, readBundle, type ReadContext } from './bundle';
import { applyBundle } from './merge';
import { decodePayload, encodePayload } from './payload';
import {
  checkAgainstOracle,
  checkDevices,
  DEVICES,
  newStats,
  runScenario,
  scenarioArb,
  snapshot,
  type Outcome,
  type Stats,
  type Transport,
} from './testing/simulation';
import {
  makeDevice,
  makeOrganisation,
  validate,
  type TestDevice,
  type TestOrganisation,
} from './testing/syncTestKit';

/** Bundles as payload bytes (JSON, compression, validation), without the slow RSA step. */
const plainTransport: Transport = {
  async send(device, bundleId, seq, changes) {
    const { plaintext, counts } = await encodePayload(bundleId, device, changes);
    const header = {
      formatVersion: BUNDLE_FORMAT_VERSION,
      bundleId,
      sender: { deviceId: device, keyFingerprint: '0'.repeat(64) },
      recipient: '0'.repeat(64),
      createdAt: '2025-01-01T00:00:00.000Z',
      seq,
      counts,
    } as const;
    const content = await decodePayload(plaintext, header, { validate });
    return { content, applyAtHq: async (state) => applyBundle(state, content) };
  },
};

function checkOutcome(outcome: Outcome, stats: Stats) {
  const [first, ...others] = outcome.replicas;
  const reference = snapshot(first!);
  for (const other of others) expect(snapshot(other)).toBe(reference);
  checkAgainstOracle(first!, outcome.bundles, stats);
  checkDevices(outcome.devices);
  // Every bundle is acknowledged: the ranges HQ acknowledges cover every range a device sent.
  for (const device of outcome.devices) {
    const ack = acknowledgementContent(first!, device.id);
    const sent = outcome.bundles.filter((b) => b.from === device.index);
    for (const b of sent) expect(ack.ranges.some((r) => r.from <= b.seq.from && b.seq.to <= r.to)).toBe(true);
    expect(ack.bundleIds).toEqual(sent.map((b) => b.bundleId).sort());
    expect(ack.acknowledgedThrough).toBe(device.seq);
  }
}

describe('convergence', () => {
  it('three devices, random concurrent edits and deletions, bundles in random orders with duplicates: every HQ replica converges, nothing acknowledged is lost, every overwritten concurrent value is a conflict', async () => {
    const stats = newStats();
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        checkOutcome(await runScenario(scenario, plainTransport, stats), stats);
      }),
      { numRuns: 1000 },
    );
    console.log(`convergence: ${stats.runs} runs in ${Date.now() - started} ms`, stats);
    // The property is only as good as the histories: make sure they hold what it claims to test.
    expect(stats.runsWithConflicts).toBeGreaterThan(100);
    expect(stats.knownOverwrites).toBeGreaterThan(100);
    expect(stats.receives).toBeGreaterThan(1000);
    expect(stats.duplicatesRefused).toBeGreaterThan(1000);
  }, 120_000);

  describe('with real encrypted, signed bundles', () => {
    let org: TestOrganisation;
    let devices: TestDevice[];
    let context: ReadContext;

    beforeAll(async () => {
      [org, ...devices] = await Promise.all([makeOrganisation(), ...DEVICES.map((d) => makeDevice(d))]);
      context = {
        organisationKey: org.keys.encryption.privateKey,
        organisationKeyFingerprint: org.info.encryptionKeyFingerprint,
        knownDevices: new Map(devices.map((d) => [d.deviceId, d.known])),
        validate,
      };
    }, 60_000);

    it('the same holds end to end', async () => {
      const transport: Transport = {
        async send(deviceId, bundleId, seq, changes) {
          const device = devices.find((d) => d.deviceId === deviceId)!;
          const { bytes } = await createBundle({
            device: { deviceId, signingKey: device.keyPair.privateKey, publicKey: device.keyPair.publicKey },
            organisation: { encryptionKey: org.info.encryptionKey },
            seq,
            changes,
            createdAt: '2025-01-01T00:00:00.000Z',
            bundleId,
          });
          const content = await readBundle(bytes, context);
          return { content, applyAtHq: (state) => importBundle(state, bytes, context) };
        },
      };
      const stats = newStats();
      await fc.assert(
        fc.asyncProperty(scenarioArb, async (scenario) => {
          checkOutcome(await runScenario(scenario, transport, stats), stats);
        }),
        { numRuns: 25 },
      );
      expect(stats.bundles).toBeGreaterThan(50);
    }, 120_000);
  });
});
