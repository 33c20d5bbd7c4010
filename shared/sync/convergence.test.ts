import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBundle, importBundle, readBundle, type ReadContext } from './bundle';
import { checkOutcome, plainTransport } from './testing/convergenceChecks';
import { DEVICES, newStats, runScenario, scenarioArb, type Transport } from './testing/simulation';
import {
  makeDevice,
  makeOrganisation,
  validate,
  type TestDevice,
  type TestOrganisation,
} from './testing/syncTestKit';

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
