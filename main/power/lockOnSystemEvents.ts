import type { LockReason } from '../../shared/ipc/contract';

/** The part of Electron's powerMonitor this needs; an EventEmitter in tests. */
export interface PowerEvents {
  on(event: 'suspend' | 'lock-screen', listener: () => void): unknown;
  removeListener(event: 'suspend' | 'lock-screen', listener: () => void): unknown;
}

/**
 * Asks the renderer to lock its vault when the system suspends or the screen locks: a laptop
 * closed in the field or left at a checkpoint must not wake up unlocked. Returns a function
 * that stops forwarding.
 */
export function forwardLockEvents(power: PowerEvents, send: (reason: LockReason) => void): () => void {
  const onSuspend = () => send('suspend');
  const onLockScreen = () => send('lock-screen');
  power.on('suspend', onSuspend);
  power.on('lock-screen', onLockScreen);
  return () => {
    power.removeListener('suspend', onSuspend);
    power.removeListener('lock-screen', onLockScreen);
  };
}
