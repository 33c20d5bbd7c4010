import { beforeAll, describe, expect, it } from 'vitest';
import {
  acknowledgementContent,
  createAcknowledgement,
  isAcknowledged,
  readAcknowledgement,
} from './acknowledgement';
import { concatBytes } from './bytes';
import { SyncError } from './errors';
import { generateDeviceKeyPair } from './keys';
import { applyBundle, emptyReplica } from './merge';
import { uuid } from './testing/syncTestKit';

const orgFingerprint = 'ab'.repeat(32);
let orgKeys: CryptoKeyPair;
let otherKeys: CryptoKeyPair;
let ack: Uint8Array;

beforeAll(async () => {
  [orgKeys, otherKeys] = await Promise.all([generateDeviceKeyPair(), generateDeviceKeyPair()]);
  let state = emptyReplica();
  for (const [n, from, to] of [
    [1, 1, 4],
    [2, 5, 9],
    [3, 15, 20],
  ] as const) {
    state = applyBundle(state, {
      bundleId: uuid(n),
      deviceId: 'dev-a',
      seq: { from, to },
      records: [],
      conflicts: [],
      blobs: new Map(),
    }).state;
  }
  ack = await createAcknowledgement({
    organisationSigningKey: orgKeys.privateKey,
    organisationFingerprint: orgFingerprint,
    deviceId: 'dev-a',
    createdAt: '2025-02-01T12:00:00.000Z',
    ...acknowledgementContent(state, 'dev-a'),
  });
});

const context = () => ({
  organisationSigningKey: orgKeys.publicKey,
  organisationFingerprint: orgFingerprint,
  deviceId: 'dev-a',
});

async function reasonOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'accepted';
  } catch (error) {
    if (error instanceof SyncError) return error.reason;
    throw error;
  }
}

describe('acknowledgements', () => {
  it('state what HQ holds from the device, and the device verifies them', async () => {
    const read = await readAcknowledgement(ack, context());
    expect(read).toMatchObject({
      deviceId: 'dev-a',
      ranges: [
        [1, 9],
        [15, 20],
      ],
      acknowledgedThrough: 9,
      bundleIds: [uuid(1), uuid(2), uuid(3)],
    });
    expect(isAcknowledged(read, 7)).toBe(true);
    expect(isAcknowledged(read, 12)).toBe(false);
  });

  it('are refused when forged, for another device or organisation, altered, cut, or from the future', async () => {
    expect(
      await reasonOf(readAcknowledgement(ack, { ...context(), organisationSigningKey: otherKeys.publicKey })),
    ).toBe('bad-signature');
    expect(await reasonOf(readAcknowledgement(ack, { ...context(), deviceId: 'dev-b' }))).toBe(
      'wrong-recipient',
    );
    expect(
      await reasonOf(readAcknowledgement(ack, { ...context(), organisationFingerprint: 'cd'.repeat(32) })),
    ).toBe('wrong-recipient');
    for (let i = 0; i < ack.length; i++) {
      const bad = new Uint8Array(ack);
      bad[i]! ^= 0x04;
      expect(await reasonOf(readAcknowledgement(bad, context())), `byte ${i}`).not.toBe('accepted');
    }
    for (let n = 0; n < ack.length; n += 7) {
      expect(await reasonOf(readAcknowledgement(ack.subarray(0, n), context()))).toBe('truncated');
    }
    const future = new Uint8Array(ack);
    future[4] = 9;
    expect(await reasonOf(readAcknowledgement(future, context()))).toBe('unknown-version');
    expect(await reasonOf(readAcknowledgement(concatBytes(ack, new Uint8Array(1)), context()))).toBe(
      'corrupt',
    );
    expect(
      await reasonOf(readAcknowledgement(ack, { ...context(), limits: { maxAcknowledgementBytes: 100 } })),
    ).toBe('too-large');
  });
});
