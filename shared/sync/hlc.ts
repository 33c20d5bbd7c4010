/**
 * Hybrid logical clock stamps (Kulkarni et al.). A stamp orders changes across devices even
 * when their wall clocks disagree, which the file sync's per-field "newer stamp wins" merge
 * relies on. Stamps are fixed-width strings, so plain string comparison orders them and
 * IndexedDB can index them.
 *
 * Format: 15-digit wall milliseconds, 6-digit counter, device id: `000001732381000000-000000-<device>`.
 * Written by hand: the algorithm is a dozen lines and the packages for it are unmaintained.
 */
export interface HlcState {
  wallMs: number;
  counter: number;
}

const MAX_COUNTER = 999_999;

export function formatHlc(state: HlcState, deviceId: string): string {
  return `${String(state.wallMs).padStart(15, '0')}-${String(state.counter).padStart(6, '0')}-${deviceId}`;
}

export function parseHlc(stamp: string): HlcState & { deviceId: string } {
  const match = /^(\d{15})-(\d{6})-(.+)$/.exec(stamp);
  if (!match) throw new Error(`Not a hybrid logical clock stamp: ${stamp}`);
  return { wallMs: Number(match[1]), counter: Number(match[2]), deviceId: match[3] ?? '' };
}

export class HybridLogicalClock {
  private state: HlcState = { wallMs: 0, counter: 0 };

  constructor(
    private readonly deviceId: string,
    private readonly wallClock: () => number = Date.now,
  ) {}

  /** A stamp for a local change, later than every stamp this clock has issued or seen. */
  now(): string {
    const wall = this.wallClock();
    if (wall > this.state.wallMs) {
      this.state = { wallMs: wall, counter: 0 };
    } else {
      this.state = this.bump(this.state.wallMs, this.state.counter);
    }
    return formatHlc(this.state, this.deviceId);
  }

  /** Advances the clock past a stamp received from another device. */
  receive(remoteStamp: string): void {
    const remote = parseHlc(remoteStamp);
    const wall = this.wallClock();
    const maxWall = Math.max(wall, this.state.wallMs, remote.wallMs);
    if (maxWall === this.state.wallMs && maxWall === remote.wallMs) {
      this.state = this.bump(maxWall, Math.max(this.state.counter, remote.counter));
    } else if (maxWall === this.state.wallMs) {
      this.state = this.bump(maxWall, this.state.counter);
    } else if (maxWall === remote.wallMs) {
      this.state = this.bump(maxWall, remote.counter);
    } else {
      this.state = { wallMs: maxWall, counter: 0 };
    }
  }

  private bump(wallMs: number, counter: number): HlcState {
    // Overflowing the counter borrows a millisecond rather than breaking the order.
    return counter >= MAX_COUNTER ? { wallMs: wallMs + 1, counter: 0 } : { wallMs, counter: counter + 1 };
  }
}
