// When a failed message is tried again: 30 s, 1 min, 2 min, 4 min, 8 min, then given up after
// the sixth attempt (status 'failed', kept for the staff to see).

export const MAX_ATTEMPTS = 6;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;

/**
 * How long a message being sent is reserved for the sender. Longer than any channel's timeout,
 * so a second dispatcher never sends it alongside; a sender that dies mid-send is retried after.
 */
export const SEND_LEASE_MS = 5 * 60_000;

/** Delay before the next try after `attempts` tries have failed (attempts ≥ 1). */
export function retryDelayMs(attempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}
