import { z } from 'zod';
import { base64UrlBytes, fromBase64Url, randomBytes, toBase64Url, utf8 } from './encoding';
import { VaultError } from './errors';

/**
 * Passphrase → key-encryption key (KEK) with PBKDF2-HMAC-SHA256 through WebCrypto.
 *
 * Why PBKDF2 and not Argon2id: PBKDF2 ships in every WebCrypto (Electron's Chromium, workers,
 * Node 20) and needs no WebAssembly module in the renderer, whose CSP then need not allow
 * 'wasm-unsafe-eval'. OWASP's Password Storage Cheat Sheet asks 600,000 iterations for
 * PBKDF2-HMAC-SHA256. The parameters are stored beside every wrapped key, and the schema is a
 * union on `algorithm`, so Argon2id (memory-hard, the better choice against GPU farms) can be
 * added later as a second member without touching stored vaults; `kdfNeedsUpgrade` tells the
 * caller to re-wrap after an unlock with weaker parameters.
 */
export const PBKDF2_DEFAULT_ITERATIONS = 600_000;
/** Below this a vault is only ever created in tests (see `unsafeLowIterationsForTests`). */
export const PBKDF2_MIN_ITERATIONS = 600_000;
/** Bounds the work a forged vault record or backup header can make the app do (~2–20 s). */
export const PBKDF2_MAX_ITERATIONS = 10_000_000;
export const KDF_SALT_BYTES = 16;

export const pbkdf2ParamsSchema = z.object({
  algorithm: z.literal('PBKDF2-SHA256'),
  // The schema accepts low counts so that vaults made by tests can be read back; strength is
  // enforced when parameters are created and reported by `kdfNeedsUpgrade`. A stored count that
  // was lowered by someone with disk access gives them nothing: the KEK would differ and the
  // unwrap fail.
  iterations: z.number().int().min(1).max(PBKDF2_MAX_ITERATIONS),
  salt: base64UrlBytes(KDF_SALT_BYTES, 64),
});

/** Stored with every passphrase-wrapped key; validated whenever it is read back. */
export const kdfParamsSchema = z.discriminatedUnion('algorithm', [pbkdf2ParamsSchema]);
export type KdfParams = z.infer<typeof kdfParamsSchema>;

export interface KdfOptions {
  iterations?: number;
  /** Lets tests use a few thousand iterations. Never set it in application code. */
  unsafeLowIterationsForTests?: boolean;
}

export function createKdfParams(options: KdfOptions = {}): KdfParams {
  const iterations = options.iterations ?? PBKDF2_DEFAULT_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > PBKDF2_MAX_ITERATIONS) {
    throw new VaultError('invalid-kdf-params', `Iteration count out of range: ${iterations}`);
  }
  if (iterations < PBKDF2_MIN_ITERATIONS && options.unsafeLowIterationsForTests !== true) {
    throw new VaultError('weak-kdf-params', `PBKDF2 needs at least ${PBKDF2_MIN_ITERATIONS} iterations`);
  }
  return { algorithm: 'PBKDF2-SHA256', iterations, salt: toBase64Url(randomBytes(KDF_SALT_BYTES)) };
}

export function parseKdfParams(value: unknown): KdfParams {
  const parsed = kdfParamsSchema.safeParse(value);
  if (!parsed.success) throw new VaultError('invalid-kdf-params', 'Stored KDF parameters are invalid');
  return parsed.data;
}

/** True when the stored parameters are weaker than today's defaults: re-wrap after unlocking. */
export function kdfNeedsUpgrade(params: KdfParams): boolean {
  return params.algorithm !== 'PBKDF2-SHA256' || params.iterations < PBKDF2_DEFAULT_ITERATIONS;
}

/**
 * NFC, so that "ë" or "č" typed as one code point or as a letter plus a combining mark (which
 * differs between keyboards and input methods) derives the same key. Nothing else is changed:
 * spaces and case are part of the passphrase.
 */
export function normalizePassphrase(passphrase: string): string {
  return passphrase.normalize('NFC');
}

/** A non-extractable AES-KW key that can only wrap and unwrap the data key. */
export async function deriveKeyEncryptionKey(passphrase: string, params: KdfParams): Promise<CryptoKey> {
  const checked = parseKdfParams(params);
  const material = await crypto.subtle.importKey(
    'raw',
    utf8(normalizePassphrase(passphrase)),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64Url(checked.salt), iterations: checked.iterations },
    material,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}
