import { FetchError } from '../../veille/fetch/fetch-error.js';
import { ChannelError } from './channel-error.js';
import type { NetworkProfile } from './network-profile.js';
import { readNetworkReason } from './read-network-reason.js';
import { readRetryAt } from './read-retry-at.js';

/** Failures that happen before a request leaves: nothing can have been posted. */
const NOT_SENT = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);

/**
 * Turns what a network call threw into a `ChannelError` whose kind tells the outbox what to
 * do. `sent` is true for calls that change something (a POST): a time-out or a broken
 * connection after them leaves the outcome unknown, where a GET is simply unavailable.
 * A `ChannelError` passes unchanged; anything that is not a fetch failure is rethrown as is.
 *
 * @example catch (error) { throw toChannelError(error, MASTODON, { sent: true, now: new Date() }); }
 */
export function toChannelError(error: unknown, profile: NetworkProfile, call: { readonly sent: boolean; readonly now: Date }): ChannelError {
  if (error instanceof ChannelError) return error;
  if (!(error instanceof FetchError)) throw error;
  const { label, network } = profile;
  const options = { cause: error };
  if (error.code === 'http-status') return fromStatus(error, profile, call);
  switch (error.code) {
    case 'bad-url':
    case 'unsupported-scheme':
    case 'credentials-in-url':
    case 'private-address':
      return new ChannelError('rejected', network, `L’adresse de ${label} est refusée : ${error.message}`, error.detail, options);
    case 'dns':
    case 'connect-timeout':
    case 'tls':
      return unavailable(profile, error.detail, error);
    case 'connection': {
      const code = String((error.cause as { code?: unknown } | undefined)?.code ?? '');
      if (!call.sent || NOT_SENT.has(code)) return unavailable(profile, error.detail, error);
      return unknownOutcome(profile, error.detail, error);
    }
    default:
      // timeout, aborted, too-large, bad-encoding, too-many-redirects: the request had left.
      return call.sent ? unknownOutcome(profile, error.detail, error) : unavailable(profile, error.detail, error);
  }
}

function fromStatus(error: FetchError, profile: NetworkProfile, call: { readonly sent: boolean; readonly now: Date }): ChannelError {
  const { label, network } = profile;
  const status = error.httpStatus ?? 0;
  const bodyText = error.response?.body ?? '';
  const body = parseJson(bodyText);
  const reason = readNetworkReason(bodyText);
  const extra = { httpStatus: status, cause: error, ...(reason === undefined ? {} : { networkMessage: reason }) };
  const detail = `${error.detail}${reason === undefined ? '' : ` — ${reason}`}`;
  if (status === 429 || profile.isRateLimit?.(status, body) === true) {
    const retryAt = readRetryAt(error.response?.headers ?? {}, call.now)
      ?? new Date(call.now.getTime() + (error.retryAfterSeconds ?? profile.rateLimitWindowSeconds) * 1000).toISOString();
    const at = new Date(retryAt).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
    return new ChannelError('rate_limited', network, `${label} limite le nombre d’envois : nouvel essai après le ${at}.`, detail, { ...extra, retryAt });
  }
  if (status === 401 || profile.isAuthFailure?.(status, body) === true) {
    return new ChannelError('auth', network, `Le jeton d’accès ${label} a expiré ou n’est plus valide : reconnectez la page.${quoted(reason)}`, detail, extra);
  }
  // A gateway that gave up waiting may still have passed the post on.
  if (status === 504 && call.sent) return unknownOutcome(profile, detail, error, status);
  if (status >= 500 || status === 408) {
    return new ChannelError('unavailable', network, `${label} rencontre un problème (erreur ${status}) : nouvel essai plus tard.`, detail, extra);
  }
  return new ChannelError('rejected', network, `${rejection(label, status)}${quoted(reason)}`, detail, extra);
}

function rejection(label: string, status: number): string {
  if (status === 403) return `${label} refuse cette action à ce compte (droits insuffisants, erreur 403).`;
  if (status === 404) return `${label} ne trouve pas ce compte ou cette page (erreur 404).`;
  if (status === 413) return `${label} refuse un fichier trop volumineux (erreur 413).`;
  if (status === 400 || status === 422) return `${label} a refusé la publication, jugée invalide (erreur ${status}).`;
  return `${label} a refusé la demande (erreur ${status}).`;
}

function quoted(reason: string | undefined): string {
  return reason === undefined ? '' : ` Message du réseau : « ${reason} »`;
}

function unavailable(profile: NetworkProfile, detail: string, cause: unknown): ChannelError {
  const message = `${profile.label} est injoignable pour le moment : nouvel essai plus tard.`;
  return new ChannelError('unavailable', profile.network, message, detail, { cause });
}

function unknownOutcome(profile: NetworkProfile, detail: string, cause: unknown, httpStatus?: number): ChannelError {
  const message = `${profile.label} n’a pas répondu à temps : la publication a peut-être eu lieu ; Relais vérifie avant de réessayer.`;
  return new ChannelError('unknown_outcome', profile.network, message, detail, { cause, ...(httpStatus === undefined ? {} : { httpStatus }) });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
