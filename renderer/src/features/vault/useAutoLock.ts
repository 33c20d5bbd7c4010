import { useEffect } from 'react';
import type { HostApi } from '../../../../shared/host/hostApi';

/** What counts as someone using the app. */
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Locks after `minutes` without input, and at once when the host reports that the system
 * suspends or the screen locks (Electron's powerMonitor).
 */
export function useAutoLock(minutes: number, host: HostApi, lock: () => void): void {
  useEffect(() => {
    const idleMs = minutes * 60_000;
    let timer = window.setTimeout(lock, idleMs);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(lock, idleMs);
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, restart, { capture: true, passive: true });
    const unsubscribe = host.onLockRequested(lock);
    return () => {
      window.clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, restart, { capture: true });
      unsubscribe();
    };
  }, [minutes, host, lock]);
}
