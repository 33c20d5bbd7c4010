import type { UrlPredicate } from './trustedSender';

/** The part of Electron's will-navigate / will-redirect event the guard needs. */
export interface NavigationEventLike {
  url: string;
  preventDefault(): void;
}

/**
 * Listener for `will-navigate` and `will-redirect`: any navigation off the app's own origin
 * is cancelled. A compromised or tricked renderer must not be able to replace the app with a
 * remote page that would then inherit the preload API.
 */
export function createNavigationGuard(
  isAllowed: UrlPredicate,
  onBlocked: (url: string) => void = () => {},
): (event: NavigationEventLike) => void {
  return (event) => {
    if (isAllowed(event.url)) return;
    event.preventDefault();
    onBlocked(event.url);
  };
}
