import { sha256 } from '@noble/hashes/sha2';
import { canonicalJson } from '../vault/canonicalJson';
import { toHex, utf8, type Bytes } from '../vault/encoding';

/**
 * The audit log's hash chain, computed synchronously: entries are written inside Dexie
 * transactions, and awaiting WebCrypto there would let IndexedDB commit the transaction early.
 * SHA-256 from @noble/hashes over the same bytes as shared/vault/auditChain.ts, so a chain
 * written here also passes `verifyAuditChain` (and HQ can check it with WebCrypto).
 *
 * Unkeyed: it detects an entry changed, removed, inserted or moved by someone who did not also
 * rebuild every later hash, and cutting entries off the end is not detected without a head
 * stored elsewhere (see auditChain.ts for the keyed mode the vault will use).
 */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);
const LABEL = 'protection-monitor/audit/v1\n';

/** The one definition of what an entry's hash covers: every field but `hash`, canonical JSON. */
export function auditEntryDigestInput(entry: object & { hash?: string }): Bytes {
  const { hash: _ignored, ...content } = entry;
  return utf8(LABEL + canonicalJson(content));
}

export function hashAuditEntrySync(entry: object & { seq: number; prevHash: string; hash?: string }): string {
  return toHex(sha256(auditEntryDigestInput(entry)));
}

/** What a chain entry holds beyond its content. */
export interface AuditLink {
  seq: number;
  prevHash: string;
  hash: string;
}

/** The last stored entry, as read in the writing transaction; entries from before the chain have no hash. */
type PreviousEntry = { seq?: number; hash?: string } | undefined;

/**
 * The entry linked after `previous`: the next `seq` (set here, not by the key generator,
 * because the hash covers it), the previous hash, and its own hash. After an entry written
 * before the chain existed, the chain starts again from the genesis hash.
 */
export function sealAuditEntry<E extends object>(entry: E, previous: PreviousEntry): E & AuditLink {
  const linked = {
    ...entry,
    seq: (previous?.seq ?? 0) + 1,
    prevHash: previous?.hash ?? AUDIT_GENESIS_HASH,
  };
  return { ...linked, hash: hashAuditEntrySync(linked) };
}

/**
 * `sequence`: a gap or repeat in seq (an entry removed or added); `link`: prevHash is not the
 * previous entry's hash (removed, inserted or moved); `hash`: the entry itself was changed;
 * `unsealed`: an entry without a hash after the chain began (its hash was stripped).
 */
export type AuditChainBreak = 'sequence' | 'link' | 'hash' | 'unsealed';
export type AuditChainResult =
  | {
      ok: true;
      /** Entries checked. */
      count: number;
      /** Entries written before the chain existed, at its start: kept, but not verifiable. */
      unsealed: number;
    }
  | { ok: false; firstBrokenSeq: number; reason: AuditChainBreak };

type StoredEntry = { seq?: number; prevHash?: string; hash?: string };

/** Checks entries in seq order and names the first one out of place. */
export function verifyAuditEntries(entries: readonly StoredEntry[]): AuditChainResult {
  const sorted = [...entries].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  let previous = { seq: 0, hash: AUDIT_GENESIS_HASH };
  let unsealed = 0;
  let count = 0;
  for (const entry of sorted) {
    const seq = entry.seq ?? 0;
    if (entry.hash === undefined) {
      if (count > 0) return { ok: false, firstBrokenSeq: seq, reason: 'unsealed' };
      // Written before the chain: the key generator may have skipped numbers, so no seq check.
      unsealed++;
      previous = { seq, hash: AUDIT_GENESIS_HASH };
      continue;
    }
    if (seq !== previous.seq + 1) return { ok: false, firstBrokenSeq: seq, reason: 'sequence' };
    if (entry.prevHash !== previous.hash) return { ok: false, firstBrokenSeq: seq, reason: 'link' };
    if (hashAuditEntrySync({ ...entry, seq, prevHash: entry.prevHash }) !== entry.hash) {
      return { ok: false, firstBrokenSeq: seq, reason: 'hash' };
    }
    previous = { seq, hash: entry.hash };
    count++;
  }
  return { ok: true, count, unsealed };
}
