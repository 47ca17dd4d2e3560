import { AppError } from '../../errors.js';
import type { RateLimitHints } from './parse-rate-limit-hints.js';

/** Why a fetch failed; stable, compared by code, never by message. */
export type FetchErrorCode =
  | 'bad-url'
  | 'unsupported-scheme'
  | 'credentials-in-url'
  | 'private-address'
  | 'dns'
  | 'timeout'
  | 'connect-timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'http-status'
  | 'tls'
  | 'connection'
  | 'bad-encoding'
  | 'aborted';

/** What the caller knows about the failure beyond its code. */
export interface FetchErrorDetails {
  /** The HTTP status, for `http-status`. */
  readonly httpStatus?: number;
  /** Seconds the server asked us to wait (Retry-After), for `http-status`. */
  readonly retryAfterSeconds?: number;
  /** The limit that was passed: seconds for time-outs, bytes for `too-large`, hops for redirects. */
  readonly limit?: number;
  /** The refused answer itself, for `http-status` when the request asked `keepErrorResponse`. */
  readonly response?: ErrorResponse;
  /** The API's rate-limit headers on a refused answer, for `http-status`. */
  readonly rateLimit?: RateLimitHints;
}

/** Headers (lower-case names) and the start of the body of a non-2xx answer. */
export interface ErrorResponse {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * A fetch that failed, with two faces: `message` is plain French for the sources screen,
 * `detail` is the technical account for the log and the error details panel.
 *
 * @example
 * if (error instanceof FetchError && error.code === 'http-status' && error.httpStatus === 410) pauseSource();
 */
export class FetchError extends AppError {
  override readonly name = 'FetchError';
  declare readonly code: FetchErrorCode;
  readonly httpStatus: number | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly response: ErrorResponse | undefined;
  readonly rateLimit: RateLimitHints | undefined;

  constructor(
    code: FetchErrorCode,
    /** Technical detail (addresses, library error codes); never shown on a public page. */
    readonly detail: string,
    details: FetchErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(code, 502, frenchMessage(code, details), options);
    this.httpStatus = details.httpStatus;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.rateLimit = details.rateLimit;
    this.response = details.response;
  }
}

function frenchMessage(code: FetchErrorCode, details: FetchErrorDetails): string {
  const limit = details.limit ?? 0;
  switch (code) {
    case 'bad-url':
      return 'Cette adresse n’est pas une adresse web valide.';
    case 'unsupported-scheme':
      return 'Seules les adresses commençant par http:// ou https:// sont acceptées.';
    case 'credentials-in-url':
      return 'Les adresses contenant un identifiant ou un mot de passe ne sont pas acceptées.';
    case 'private-address':
      return 'Cette adresse mène à un réseau privé ou local : Relais ne la consulte pas (voir FETCH_ALLOW_HOSTS).';
    case 'dns':
      return 'Ce nom de domaine est introuvable.';
    case 'timeout':
      return `Le serveur n’a pas répondu dans les ${formatSeconds(limit)}.`;
    case 'connect-timeout':
      return `Impossible de joindre le serveur dans les ${formatSeconds(limit)}.`;
    case 'too-large':
      return `La réponse du serveur dépasse la taille maximale de ${formatMegabytes(limit)}.`;
    case 'too-many-redirects':
      return `Le serveur redirige plus de ${limit} fois de suite : la consultation est abandonnée.`;
    case 'http-status':
      return httpStatusMessage(details.httpStatus ?? 0);
    case 'tls':
      return 'La connexion sécurisée (HTTPS) avec le serveur a échoué : certificat invalide ou expiré.';
    case 'connection':
      return 'La connexion au serveur a échoué ou a été interrompue.';
    case 'bad-encoding':
      return 'La réponse du serveur est compressée d’une façon illisible.';
    case 'aborted':
      return 'La consultation a été interrompue.';
    default: {
      const unknown: never = code;
      return String(unknown);
    }
  }
}

function httpStatusMessage(status: number): string {
  if (status === 401 || status === 403) return `Le serveur refuse l’accès à cette adresse (erreur ${status}).`;
  if (status === 404 || status === 410) return `Cette adresse n’existe plus sur le serveur (erreur ${status}).`;
  if (status === 429) return 'Le serveur demande de patienter avant de le consulter à nouveau (erreur 429).';
  if (status >= 500) return `Le serveur rencontre un problème (erreur ${status}).`;
  return `Le serveur a répondu par une erreur (code ${status}).`;
}

function formatSeconds(seconds: number): string {
  return seconds <= 1 ? `${seconds.toLocaleString('fr-FR')} seconde` : `${seconds.toLocaleString('fr-FR')} secondes`;
}

function formatMegabytes(bytes: number): string {
  const megabytes = Math.round((bytes / 1_000_000) * 10) / 10;
  return `${megabytes.toLocaleString('fr-FR')} Mo`;
}
