import { describe, expect, it, vi } from 'vitest';
import type { HostApi } from '../../../shared/host/hostApi';
import { fail, ok } from '../../../shared/result';
import { createStorageGuard, GiB, MiB, StorageFullError, storageLevel } from './storageGuard';

describe('storageLevel', () => {
  it.each([
    [null, 'unknown'],
    [Number.NaN, 'unknown'],
    [0, 'critical'],
    [200 * MiB - 1, 'critical'],
    [200 * MiB, 'low'],
    [GiB - 1, 'low'],
    [GiB, 'ok'],
    [500 * GiB, 'ok'],
  ] as const)('%s free bytes is %s with the default thresholds', (free, level) => {
    expect(storageLevel(free)).toBe(level);
  });

  it('takes other thresholds', () => {
    expect(storageLevel(5 * GiB, { warnBelow: 10 * GiB, stopBelow: 2 * GiB })).toBe('low');
    expect(storageLevel(GiB, { warnBelow: 10 * GiB, stopBelow: 2 * GiB })).toBe('critical');
  });
});

/** A host whose free space the test sets, counting how often it was asked. */
function fakeHost(initialFree: number | null) {
  let free = initialFree;
  let failing = false;
  const storageStatus = vi.fn<HostApi['storageStatus']>(() =>
    Promise.resolve(failing ? fail('io-error', 'statfs failed') : ok({ freeBytes: free, totalBytes: 100 * GiB })),
  );
  return {
    host: { storageStatus },
    storageStatus,
    setFree: (bytes: number | null) => {
      free = bytes;
    },
    setFailing: (value: boolean) => {
      failing = value;
    },
  };
}

function clock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('createStorageGuard', () => {
  it('has no status before the first measurement, then reports level, space and time', async () => {
    const { host } = fakeHost(5 * GiB);
    const { now } = clock();
    const guard = createStorageGuard(host, { now });
    expect(guard.status()).toBeNull();
    const health = await guard.refresh();
    expect(health).toEqual({ level: 'ok', freeBytes: 5 * GiB, totalBytes: 100 * GiB, checkedAt: 1_000_000 });
    expect(guard.status()).toEqual(health);
  });

  it('lets writes through when space is ok or low, and stops them when critical', async () => {
    const fake = fakeHost(500 * MiB);
    const guard = createStorageGuard(fake.host, { now: clock().now });
    await expect(guard.assertCanWrite()).resolves.toBeUndefined();
    expect(guard.status()?.level).toBe('low');

    fake.setFree(50 * MiB);
    await guard.refresh();
    const error = await guard.assertCanWrite().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect(error).toMatchObject({ message: 'storage.full', key: 'storage.full', freeBytes: 50 * MiB });
  });

  it('uses the cached measurement until it is older than maxAgeMs', async () => {
    const fake = fakeHost(50 * MiB);
    const time = clock();
    const guard = createStorageGuard(fake.host, { now: time.now, maxAgeMs: 60_000 });
    await expect(guard.assertCanWrite()).rejects.toBeInstanceOf(StorageFullError);
    expect(fake.storageStatus).toHaveBeenCalledTimes(1);

    // The user freed space; within the minute the guard still trusts its last measurement.
    fake.setFree(10 * GiB);
    time.advance(59_999);
    await expect(guard.assertCanWrite()).rejects.toBeInstanceOf(StorageFullError);
    expect(fake.storageStatus).toHaveBeenCalledTimes(1);

    time.advance(1);
    await expect(guard.assertCanWrite()).resolves.toBeUndefined();
    expect(fake.storageStatus).toHaveBeenCalledTimes(2);
    expect(guard.status()?.level).toBe('ok');
  });

  it('shares one measurement between writes that arrive together', async () => {
    const fake = fakeHost(10 * GiB);
    const guard = createStorageGuard(fake.host, { now: clock().now });
    await Promise.all([guard.assertCanWrite(), guard.assertCanWrite(), guard.refresh()]);
    expect(fake.storageStatus).toHaveBeenCalledTimes(1);
  });

  it('never blocks writes when the host cannot tell, fails or throws', async () => {
    const fake = fakeHost(null);
    const guard = createStorageGuard(fake.host, { now: clock().now, maxAgeMs: 0 });
    await expect(guard.assertCanWrite()).resolves.toBeUndefined();
    expect(guard.status()?.level).toBe('unknown');

    fake.setFailing(true);
    await expect(guard.assertCanWrite()).resolves.toBeUndefined();
    expect(guard.status()).toMatchObject({ level: 'unknown', freeBytes: null, totalBytes: null });

    fake.storageStatus.mockImplementation(() => Promise.reject(new Error('channel broke')));
    await expect(guard.assertCanWrite()).resolves.toBeUndefined();
    expect(guard.status()?.level).toBe('unknown');
  });

  it('applies custom thresholds', async () => {
    const { host } = fakeHost(3 * GiB);
    const guard = createStorageGuard(host, { now: clock().now, warnBelow: 10 * GiB, stopBelow: 5 * GiB });
    await expect(guard.assertCanWrite()).rejects.toBeInstanceOf(StorageFullError);
  });
});

describe('assertCanWriteNow', () => {
  it('decides on the last measurement without waiting, and refreshes a stale one in the background', async () => {
    const fake = fakeHost(50 * MiB);
    const time = clock();
    const guard = createStorageGuard(fake.host, { now: time.now, maxAgeMs: 1000 });
    // Nothing measured yet: the write goes through and a measurement starts.
    expect(() => guard.assertCanWriteNow()).not.toThrow();
    await guard.refresh();
    expect(() => guard.assertCanWriteNow()).toThrow(StorageFullError);
    fake.setFree(10 * GiB);
    time.advance(1000);
    expect(() => guard.assertCanWriteNow()).toThrow(StorageFullError);
    await guard.refresh();
    expect(() => guard.assertCanWriteNow()).not.toThrow();
  });
});
