/**
 * The delay before the next unlock attempt after `failures` wrong passphrases in a row:
 * three free tries (typos happen), then 1 s, 2 s, 4 s … doubling up to 5 minutes.
 *
 * This only slows someone typing at the laptop; an attacker with a copy of the disk guesses
 * offline against the KDF, which is what the passphrase minimum and PBKDF2 cost are for. The
 * failure count and last failure time must therefore be stored (per vault, outside the
 * encrypted data) so that restarting the app does not reset them. The vault is never wiped
 * after N failures: losing the only copy of protection data is worse than a slow guesser.
 */
export const UNLOCK_FREE_ATTEMPTS = 3;
export const UNLOCK_BASE_DELAY_MS = 1_000;
export const UNLOCK_MAX_DELAY_MS = 5 * 60_000;

export function unlockDelayMs(failures: number): number {
  if (Number.isNaN(failures) || failures < UNLOCK_FREE_ATTEMPTS) return 0;
  // Capping the exponent keeps 2 ** n finite for any count (2^9 s already exceeds the maximum).
  const exponent = Math.min(Math.floor(failures) - UNLOCK_FREE_ATTEMPTS, 20);
  return Math.min(UNLOCK_BASE_DELAY_MS * 2 ** exponent, UNLOCK_MAX_DELAY_MS);
}

/**
 * When the next attempt is allowed (ms since epoch). A last failure in the future (the clock was
 * set back) counts from now, so moving the clock back does not lock the monitor out for longer
 * than the delay, and moving it forward only skips what a wait would have skipped.
 */
export function nextUnlockAllowedAt(failures: number, lastFailureAtMs: number, nowMs: number): number {
  const from = Math.min(lastFailureAtMs, nowMs);
  return from + unlockDelayMs(failures);
}
