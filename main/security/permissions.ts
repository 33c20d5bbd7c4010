import type { UrlPredicate } from './trustedSender';

/**
 * Permissions granted without asking, and only to the app's own origin. Everything else
 * Chromium would grant or prompt for (geolocation, notifications, camera, HID, serial, …) is
 * denied: the app works offline on sensitive data and needs none of them today.
 */
export const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

export interface PermissionPolicy {
  isTrustedOrigin: UrlPredicate;
  /**
   * Reserved for the planned photo/video capture feature: when true, 'media' is granted for
   * video only (never the microphone). Off until that feature ships.
   */
  allowVideoCapture: boolean;
}

export interface PermissionQuery {
  permission: string;
  origin: string | undefined;
  /** Media kinds asked for; only meaningful for 'media'. */
  mediaTypes?: readonly string[] | undefined;
}

export function isPermissionAllowed(query: PermissionQuery, policy: PermissionPolicy): boolean {
  if (!policy.isTrustedOrigin(query.origin)) return false;
  if (ALLOWED_PERMISSIONS.includes(query.permission)) return true;
  if (query.permission === 'media' && policy.allowVideoCapture) {
    const kinds = query.mediaTypes ?? [];
    return kinds.length > 0 && kinds.every((kind) => kind === 'video');
  }
  return false;
}

/** For `session.setPermissionRequestHandler`. */
export function createPermissionRequestHandler(policy: PermissionPolicy) {
  return (
    _webContents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details: { requestingUrl?: string; mediaTypes?: readonly string[] },
  ): void => {
    callback(
      isPermissionAllowed(
        { permission, origin: details.requestingUrl, mediaTypes: details.mediaTypes },
        policy,
      ),
    );
  };
}

/** For `session.setPermissionCheckHandler` (synchronous "would you grant it?" queries). */
export function createPermissionCheckHandler(policy: PermissionPolicy) {
  return (
    _webContents: unknown,
    permission: string,
    requestingOrigin: string,
    details: { mediaType?: string },
  ): boolean =>
    isPermissionAllowed(
      {
        permission,
        origin: requestingOrigin,
        mediaTypes: details.mediaType === undefined ? undefined : [details.mediaType],
      },
      policy,
    );
}
