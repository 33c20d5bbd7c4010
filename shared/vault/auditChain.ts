import { AUDIT_GENESIS_HASH, auditEntryDigestInput } from '../records/auditHash';
import { toHex } from './encoding';

/**
 * A tamper-evident audit log: every entry carries `prevHash`, the hash of the entry before it,
 * and `hash`, the hash of its own canonical JSON (all fields but `hash`, so `seq` and `prevHash`
 * are covered). Changing, removing, inserting or reordering an entry breaks the chain at that
 * point, and `verifyAuditChain` names the first broken `seq`.
 *
 * Two modes, chosen by the caller and the same for writing and verifying:
 * - keyed (pass `key`, the vault's `auditKey`): HMAC-SHA-256. Someone who can edit the database
 *   but does not know the passphrase cannot recompute the chain after an edit. Recommended.
 * - unkeyed: SHA-256. Anyone can verify it (e.g. HQ without the key), but anyone who can edit the
 *   database can also rebuild the whole chain; it then only detects edits made before the last
 *   head hash that was copied elsewhere (a backup, a sync package, a printed report).
 * In both modes, cutting entries off the end is only detected against a head stored elsewhere:
 * pass it as `expectedHead`.
 *
 * Integration note: WebCrypto is asynchronous, and awaiting it inside a Dexie transaction lets
 * IndexedDB commit the transaction. The record store therefore writes the unkeyed chain with the
 * synchronous SHA-256 of shared/records/auditHash.ts, over the same bytes, so this verifier
 * accepts it. A keyed chain needs the hash computed before the write transaction from the head
 * held in memory, and a check inside the transaction that the head has not moved.
 */
export { AUDIT_GENESIS_HASH };

export interface ChainLink {
  seq: number;
  prevHash: string;
  hash: string;
}
export interface ChainHead {
  seq: number;
  hash: string;
}
export interface AuditChainOptions {
  /** HMAC key (the vault's `auditKey`); without it the chain uses plain SHA-256. */
  key?: CryptoKey;
}

export async function hashAuditEntry(
  entry: object & { seq: number; prevHash: string; hash?: string },
  options: AuditChainOptions = {},
): Promise<string> {
  // What is hashed is defined once, with the synchronous hash the record store writes.
  const bytes = auditEntryDigestInput(entry);
  const digest = options.key
    ? await crypto.subtle.sign('HMAC', options.key, bytes)
    : await crypto.subtle.digest('SHA-256', bytes);
  return toHex(new Uint8Array(digest));
}

/** The entry with `seq`, `prevHash` and `hash`, linked after `previous` (null for the first). */
export async function chainAuditEntry<E extends object>(
  entry: E & Partial<ChainLink>,
  previous: ChainHead | null,
  options: AuditChainOptions = {},
): Promise<Omit<E, keyof ChainLink> & ChainLink> {
  const { seq: _s, prevHash: _p, hash: _h, ...content } = entry;
  const linked = {
    ...content,
    seq: previous ? previous.seq + 1 : 1,
    prevHash: previous ? previous.hash : AUDIT_GENESIS_HASH,
  };
  return { ...linked, hash: await hashAuditEntry(linked, options) };
}

export type BrokenReason = 'sequence' | 'link' | 'hash' | 'head';
export type ChainVerdict =
  | { ok: true; count: number; head: ChainHead | null }
  | { ok: false; firstBrokenSeq: number; reason: BrokenReason };

/**
 * Checks entries in `seq` order. `reason`: `sequence` (a gap or repeat in seq: an entry removed
 * or added), `link` (prevHash is not the previous entry's hash), `hash` (the entry itself was
 * changed), `head` (the chain ends before `expectedHead`, firstBrokenSeq being the first missing
 * seq, or holds a different entry at that seq).
 */
export async function verifyAuditChain(
  entries: readonly (object & ChainLink)[],
  options: AuditChainOptions & {
    /** Where the chain starts when older entries were pruned: the last pruned entry's head. */
    anchor?: ChainHead;
    /** A head recorded elsewhere, to detect entries cut off the end. */
    expectedHead?: ChainHead;
  } = {},
): Promise<ChainVerdict> {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  let previous: ChainHead = options.anchor ?? { seq: 0, hash: AUDIT_GENESIS_HASH };
  for (const entry of sorted) {
    // A gap or a repeat: an entry was removed or added. Name the first entry out of place.
    if (entry.seq !== previous.seq + 1) return { ok: false, firstBrokenSeq: entry.seq, reason: 'sequence' };
    if (entry.prevHash !== previous.hash) return { ok: false, firstBrokenSeq: entry.seq, reason: 'link' };
    if ((await hashAuditEntry(entry, options)) !== entry.hash) {
      return { ok: false, firstBrokenSeq: entry.seq, reason: 'hash' };
    }
    previous = { seq: entry.seq, hash: entry.hash };
  }
  const head = sorted.length > 0 ? previous : null;
  const expected = options.expectedHead;
  if (expected && expected.seq > (options.anchor?.seq ?? 0)) {
    const at = sorted.find((e) => e.seq === expected.seq);
    if (!at) return { ok: false, firstBrokenSeq: previous.seq + 1, reason: 'head' };
    if (at.hash !== expected.hash) return { ok: false, firstBrokenSeq: expected.seq, reason: 'head' };
  }
  return { ok: true, count: sorted.length, head };
}
