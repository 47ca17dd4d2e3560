import { FetchError } from './fetch-error.js';

/**
 * Turns whatever a request threw into a `FetchError`: our total `timeout`, the caller's abort,
 * TLS failures, refused or broken connections, unparsable HTTP. A `FetchError` passes unchanged.
 *
 * @example
 * try { … } catch (error) { throw toFetchError(error, { timeout, signal }, { totalSeconds: 30, host }); }
 */
export function toFetchError(
  error: unknown,
  signals: { readonly timeout: AbortSignal; readonly signal: AbortSignal },
  context: { readonly totalSeconds: number; readonly host: string },
): FetchError {
  if (error instanceof FetchError) return error;
  if (signals.signal.aborted) {
    if (signals.timeout.aborted) {
      return new FetchError('timeout', `${context.host} : délai total de ${context.totalSeconds} s dépassé`, {
        limit: context.totalSeconds,
      }, { cause: error });
    }
    return new FetchError('aborted', `${context.host} : requête annulée`, {}, { cause: error });
  }
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const detail = `${context.host} : ${code || 'erreur'} ${(error as Error | null)?.message ?? String(error)}`.trim();
  // EPROTO is OpenSSL refusing the handshake (e.g. "wrong version number": no TLS on that port).
  if (/^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|EPROTO$)/.test(code)) {
    return new FetchError('tls', detail, {}, { cause: error });
  }
  // Everything else (ECONNREFUSED, ECONNRESET, EHOSTUNREACH, HPE_* parse errors…) is the link failing.
  return new FetchError('connection', detail, {}, { cause: error });
}
