import { AppError } from '../../errors.js';
import type { ChannelCredentials, NetworkName } from './channel-adapter.js';

/**
 * How a network call failed, which decides what the outbox does next:
 * - `auth`: token expired or invalid → the page needs new credentials, no retry;
 * - `rate_limited`: retry at `retryAt`;
 * - `rejected`: the network refused the post (4xx) → failed, with its reason, no retry;
 * - `unavailable`: 5xx or the network unreachable before sending → retry later;
 * - `unknown_outcome`: time-out or broken connection after sending → `findRecentPost` first.
 */
export type ChannelErrorKind = 'auth' | 'rate_limited' | 'rejected' | 'unavailable' | 'unknown_outcome';

/**
 * A network call that failed. `message` is plain French for the variant's screen;
 * `networkMessage` is the network's own words (never a token); `detail` is for the log.
 *
 * @example
 * if (error instanceof ChannelError && error.kind === 'rate_limited') reschedule(error.retryAt);
 */
export class ChannelError extends AppError {
  override readonly name = 'ChannelError';
  readonly retryAt: string | undefined;
  readonly httpStatus: number | undefined;
  readonly networkMessage: string | undefined;
  /** Credentials renewed before the call failed (X rotates refresh tokens): still to be stored. */
  readonly refreshedCredentials: ChannelCredentials | undefined;

  constructor(
    readonly kind: ChannelErrorKind,
    readonly network: NetworkName,
    message: string,
    /** Technical detail for the log; never shown on a public page, never a token. */
    readonly detail: string,
    extra: {
      readonly retryAt?: string;
      readonly httpStatus?: number;
      readonly networkMessage?: string;
      readonly cause?: unknown;
      readonly refreshedCredentials?: ChannelCredentials;
    } = {},
  ) {
    super(kind, 502, message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.retryAt = extra.retryAt;
    this.httpStatus = extra.httpStatus;
    this.networkMessage = extra.networkMessage;
    this.refreshedCredentials = extra.refreshedCredentials;
  }
}

/**
 * `error` carrying the credentials renewed before it happened, so that the caller stores them
 * even though the call failed; anything other than a `ChannelError` is returned as it is.
 */
export function withRefreshedCredentials(error: unknown, credentials: ChannelCredentials | undefined): unknown {
  if (!(error instanceof ChannelError) || credentials === undefined) return error;
  return new ChannelError(error.kind, error.network, error.message, error.detail, {
    ...(error.retryAt !== undefined && { retryAt: error.retryAt }),
    ...(error.httpStatus !== undefined && { httpStatus: error.httpStatus }),
    ...(error.networkMessage !== undefined && { networkMessage: error.networkMessage }),
    cause: error,
    refreshedCredentials: credentials,
  });
}
