import path from 'node:path';
import { errnoCode } from '../util/errnoCode';
import { resolveAppAsset } from './resolveAppAsset';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Explicit types, so module scripts load under `nosniff` and nothing is guessed. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export interface AppProtocolDeps {
  /** Absolute path of the built renderer (dist/renderer). */
  root: string;
  csp: string;
  readFile: (absolutePath: string) => Promise<Uint8Array>;
}

/**
 * The `protocol.handle('app', …)` handler. It sets the CSP on every response itself because
 * responses from custom protocol handlers do not reliably pass through webRequest.
 */
export function createAppProtocolHandler(deps: AppProtocolDeps) {
  return async (request: { url: string; method: string }): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return plain(405, 'Method not allowed', deps.csp);
    const filePath = resolveAppAsset(deps.root, request.url);
    if (filePath === null) return plain(404, 'Not found', deps.csp);
    let body: Uint8Array;
    try {
      body = await deps.readFile(filePath);
    } catch (error) {
      const code = errnoCode(error);
      return code === 'ENOENT' || code === 'EISDIR'
        ? plain(404, 'Not found', deps.csp)
        : plain(500, 'Read error', deps.csp);
    }
    return new Response(request.method === 'HEAD' ? null : toArrayBuffer(body), {
      status: 200,
      headers: securityHeaders(contentTypeFor(filePath), deps.csp),
    });
  };
}

function plain(status: number, text: string, csp: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8', csp) });
}

function securityHeaders(contentType: string, csp: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

/** A standalone copy: Node Buffers can share a larger pooled ArrayBuffer. */
function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}
