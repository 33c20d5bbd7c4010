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
    const restart = (event: Event) => {
      // Chromium sends a pointer event when the page changes under a resting mouse: that is not
      // someone at the laptop, and must not keep an unattended app unlocked.
      if (
        event instanceof PointerEvent &&
        event.type === 'pointermove' &&
        event.movementX === 0 &&
        event.movementY === 0
      )
        return;
      window.clearTimeout(timer);
      timer = window.setTimeout(lock, idleMs);
    };
    for (const type of ACTIVITY_EVENTS)
      window.addEventListener(type, restart, { capture: true, passive: true });
    const unsubscribe = host.onLockRequested(lock);
    return () => {
      window.clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, restart, { capture: true });
      unsubscribe();
    };
  }, [minutes, host, lock]);
}
