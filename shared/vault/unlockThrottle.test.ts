import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNLOCK_MAX_DELAY_MS, nextUnlockAllowedAt, unlockDelayMs } from './unlockThrottle';

describe('unlockDelayMs', () => {
  it('allows three tries, then doubles from one second up to five minutes', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6, 10, 11, 12, 100].map(unlockDelayMs);
    expect(delays).toEqual([0, 0, 0, 1_000, 2_000, 4_000, 8_000, 128_000, 256_000, 300_000, 300_000]);
  });

  it('never decreases and never exceeds the cap, for any count', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(unlockDelayMs(low)).toBeLessThanOrEqual(unlockDelayMs(high));
        expect(unlockDelayMs(high)).toBeLessThanOrEqual(UNLOCK_MAX_DELAY_MS);
      }),
    );
    expect(unlockDelayMs(Number.POSITIVE_INFINITY)).toBe(UNLOCK_MAX_DELAY_MS);
    expect(unlockDelayMs(Number.NaN)).toBe(0);
    expect(unlockDelayMs(-5)).toBe(0);
  });
});

describe('nextUnlockAllowedAt', () => {
  it('counts the delay from the last failure', () => {
    expect(nextUnlockAllowedAt(5, 10_000, 11_000)).toBe(14_000);
    expect(nextUnlockAllowedAt(1, 10_000, 11_000)).toBe(10_000);
  });

  it('counts from now when the clock was set back', () => {
    expect(nextUnlockAllowedAt(12, 1_000_000_000, 5_000)).toBe(5_000 + 300_000);
  });
});
