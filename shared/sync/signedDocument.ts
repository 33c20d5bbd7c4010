import type { z } from 'zod';
import { fromBase64, toBase64, utf8 } from './bytes';
import { canonicalJson } from './canonicalJson';
import { SyncError } from './errors';
import { sign, verify } from './keys';
import { safeJsonParse } from './safeJson';

/**
 * Small JSON files signed by the key they describe or by the organisation (the organisation
 * file, a device's enrolment file). Readable in a text editor; the signature covers the canonical
 * JSON of every other member, prefixed with the format name so a signature made for one kind of
 * document can never be replayed as another.
 */
export const MAX_DOCUMENT_CHARS = 64 * 1024;
const documentLimits = { maxLength: MAX_DOCUMENT_CHARS, maxDepth: 8, maxStringLength: 16 * 1024 };

const signedBytes = (format: string, body: object) => utf8(`${format}\0${canonicalJson(body)}`);

export async function signDocument(
  format: string,
  body: Record<string, unknown>,
  privateKey: CryptoKey,
): Promise<string> {
  const document = { format, ...body };
  const signature = await sign(privateKey, signedBytes(format, document));
  return `${JSON.stringify({ ...document, signature: toBase64(signature) }, null, 2)}\n`;
}

/**
 * Parses and checks the structure; the caller then calls `verifyDocument` with the key the body
 * names (self-signed documents) or the key it already trusts.
 */
export function parseDocument<T extends { formatVersion: number }>(
  text: string,
  format: string,
  version: number,
  schema: z.ZodType<T>,
): { body: T; signature: Uint8Array; signed: Uint8Array } {
  const raw = safeJsonParse(text, documentLimits);
  if (
    typeof raw !== 'object' ||
    raw === null ||
    Array.isArray(raw) ||
    (raw as { format?: unknown }).format !== format
  ) {
    throw new SyncError('corrupt', `Not a ${format} file`);
  }
  const { signature, ...document } = raw as Record<string, unknown>;
  if (document.formatVersion !== version) {
    throw new SyncError(
      'unknown-version',
      `${format} version ${String(document.formatVersion)} is not supported (this build reads ${version})`,
    );
  }
  if (typeof signature !== 'string') throw new SyncError('corrupt', 'The file has no signature');
  const { format: _format, ...rest } = document;
  const parsed = schema.safeParse(rest);
  if (!parsed.success) {
    throw new SyncError(
      'corrupt',
      `The ${format} file is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return { body: parsed.data, signature: fromBase64(signature), signed: signedBytes(format, document) };
}

export async function verifyDocument(
  publicKey: CryptoKey,
  parsed: { signature: Uint8Array; signed: Uint8Array },
  format: string,
) {
  if (!(await verify(publicKey, parsed.signature, parsed.signed))) {
    throw new SyncError('bad-signature', `The ${format} file's signature does not match`);
  }
}
