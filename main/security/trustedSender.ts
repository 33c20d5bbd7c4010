import { isAppOriginUrl, parseUrl } from '../protocol/appOrigin';

export type UrlPredicate = (url: string | undefined | null) => boolean;

/**
 * Builds the check for "is this URL our own renderer?": the app:// origin always, plus — only
 * when main was started with an explicit dev server URL — exactly that dev server's origin.
 * Used both for IPC senders and for navigation, so the two can never disagree.
 */
export function createIsTrustedSender(devServerUrl: string | null): UrlPredicate {
  const devOrigin = devServerUrl === null ? null : (parseUrl(devServerUrl)?.origin ?? null);
  return (url) => {
    if (typeof url !== 'string' || url === '') return false;
    if (isAppOriginUrl(url)) return true;
    if (devOrigin === null || devOrigin === 'null') return false;
    return parseUrl(url)?.origin === devOrigin;
  };
}
