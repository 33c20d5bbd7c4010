import path from 'node:path';
import { APP_HOST, APP_SCHEME, parseUrl } from './appOrigin';

const ENTRY_FILE = 'index.html';

/** A `..` segment written plainly or percent-encoded, with either slash. */
const DOT_DOT_SEGMENT = /(?:^|[/\\]|%2f|%5c)(?:\.|%2e){2}(?:[/\\?#]|%2f|%5c|$)/i;

/**
 * Maps an `app://protection-monitor/...` request to a file under `root`, or null when the
 * request must not be served. Chromium already collapses `..` in standard-scheme URLs, but the
 * handler is the last line between the renderer and the disk, so it refuses traversal itself:
 * any `..` (plain or encoded), encoded slashes or backslashes inside a segment, NUL, drive
 * letters, other hosts, and finally anything that still resolves outside `root`.
 *
 * Extension-less paths fall back to index.html so client-side routes survive a reload.
 */
export function resolveAppAsset(root: string, url: string): string | null {
  if (!path.isAbsolute(root)) return null;
  const beforeQuery = url.split(/[?#]/, 1)[0] ?? '';
  if (DOT_DOT_SEGMENT.test(beforeQuery)) return null;

  const parsed = parseUrl(url);
  if (parsed === null || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (parsed.username !== '' || parsed.password !== '') return null;

  const segments = decodeSegments(parsed.pathname);
  if (segments === null) return null;
  const last = segments.at(-1);
  const relative =
    last === undefined || !last.includes('.') ? [...segments.slice(0, -1), ENTRY_FILE] : segments;

  const resolvedRoot = path.resolve(root);
  const candidate = path.resolve(resolvedRoot, ...relative);
  return candidate.startsWith(resolvedRoot + path.sep) ? candidate : null;
}

function decodeSegments(pathname: string): string[] | null {
  if (pathname === '/' || pathname === '') return [];
  const raw = pathname.slice(1).split('/');
  const decoded: string[] = [];
  for (const segment of raw) {
    let value: string;
    try {
      value = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (value === '' || value === '.' || value === '..' || /[/\\:\0]/.test(value)) return null;
    decoded.push(value);
  }
  return decoded;
}
