/**
 * Test-only: the transport and the outcome checks shared by the convergence property test and
 * its regression cases.
 */
import { expect } from 'vitest';
import { acknowledgementContent } from '../acknowledgement';
import { BUNDLE_FORMAT_VERSION } from '../bundleFormat';
import { applyBundle } from '../merge';
import { decodePayload, encodePayload } from '../payload';
import {
  checkAgainstOracle,
  checkDevices,
  snapshot,
  type Outcome,
  type Stats,
  type Transport,
} from './simulation';
import { validate } from './syncTestKit';

/** Bundles as payload bytes (JSON, compression, validation), without the slow RSA step. */
export const plainTransport: Transport = {
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

export function checkOutcome(outcome: Outcome, stats: Stats) {
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
