import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HybridLogicalClock, parseHlc } from './hlc';

describe('HybridLogicalClock', () => {
  it('issues strictly increasing stamps even when the wall clock stands still or goes back', () => {
    const times = [1000, 1000, 999, 2000, 1500];
    let i = 0;
    const clock = new HybridLogicalClock('dev-a', () => times[i++] ?? 0);
    const stamps = times.map(() => clock.now());
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('orders a local change after any stamp it has received', () => {
    fc.assert(
      fc.property(fc.nat(10 ** 12), fc.nat(10 ** 12), fc.nat(1000), (localWall, remoteWall, counter) => {
        const remote = new HybridLogicalClock('dev-b', () => remoteWall);
        let remoteStamp = remote.now();
        for (let k = 0; k < counter % 5; k++) remoteStamp = remote.now();
        const local = new HybridLogicalClock('dev-a', () => localWall);
        local.receive(remoteStamp);
        const next = local.now();
        const a = parseHlc(next);
        const b = parseHlc(remoteStamp);
        expect(a.wallMs > b.wallMs || (a.wallMs === b.wallMs && a.counter > b.counter)).toBe(true);
      }),
    );
  });

  it('round-trips through parse', () => {
    const clock = new HybridLogicalClock('device-1', () => 1_732_381_000_000);
    expect(parseHlc(clock.now())).toEqual({ wallMs: 1_732_381_000_000, counter: 0, deviceId: 'device-1' });
    expect(() => parseHlc('nonsense')).toThrow();
  });
});
