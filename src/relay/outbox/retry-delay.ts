import type { ChannelErrorKind } from '../channels/channel-error.js';

/** Attempts after which a network that keeps failing (5xx, time-outs) fails the variant. */
export const MAX_ATTEMPTS = 8;

/** Seconds before trying again after a failure of `kind` on attempt number `attempt` (1, 2…). */
export function retryDelaySeconds(kind: ChannelErrorKind | 'error', attempt: number): number {
  // A time-out after sending is looked up soon; a network down is left alone longer each time.
  const base = kind === 'unknown_outcome' ? 15 : 30;
  return Math.min(3600, base * 2 ** Math.min(10, Math.max(0, attempt - 1)));
}
