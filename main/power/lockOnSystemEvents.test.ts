import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { LockReason } from '../../shared/ipc/contract';
import { forwardLockEvents } from './lockOnSystemEvents';

describe('forwardLockEvents', () => {
  it('sends a lock request on suspend and on screen lock, and stops when disposed', () => {
    const power = new EventEmitter();
    const sent: LockReason[] = [];
    const stop = forwardLockEvents(power, (reason) => sent.push(reason));
    power.emit('suspend');
    power.emit('lock-screen');
    power.emit('resume');
    expect(sent).toEqual(['suspend', 'lock-screen']);
    stop();
    power.emit('suspend');
    expect(sent).toHaveLength(2);
    expect(power.listenerCount('suspend')).toBe(0);
  });
});
