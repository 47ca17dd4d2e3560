import { createHash } from 'node:crypto';
import type { ChannelCredentials, GuardedFetch } from '../channel-adapter.js';
import { ChannelError } from '../channel-error.js';
import { apiBase, bearer } from '../api-base.js';
import { callApi } from '../call-api.js';
import { jsonString } from '../json-path.js';
import { BLUESKY, BLUESKY_BASE } from './bluesky-profile.js';

/** An atproto session: who, and the JWTs to call with. */
export interface BlueskySession {
  readonly base: string;
  readonly did: string;
  readonly handle: string;
  readonly accessJwt: string;
  readonly refreshJwt: string;
  /** True when this call created or refreshed it: the caller stores the new credentials. */
  readonly renewed: boolean;
}

/**
 * Runs `use` with a session: the stored one (`accessJwt`, `did` extras) when there is one,
 * or the one this process last opened for the account (`sessions`), else refreshed from
 * `refreshToken` (`com.atproto.server.refreshSession`), else created from the handle and
 * app password (`com.atproto.server.createSession`). When a session's access JWT has
 * expired, renews and runs `use` once more: an expired-token answer means nothing was done.
 *
 * @example const { value, session } = await withBlueskySession(credentials, fetch, (s) => createRecord(s));
 */
export async function withBlueskySession<T>(
  credentials: ChannelCredentials,
  fetch: GuardedFetch,
  sessions: BlueskySessions,
  use: (session: BlueskySession) => Promise<T>,
): Promise<{ readonly value: T; readonly session: BlueskySession }> {
  const base = apiBase(credentials, BLUESKY, BLUESKY_BASE);
  const key = sessionKey(credentials, base);
  const stored = storedSession(credentials, base);
  const cached = sessions.get(key);
  let lastRefresh = credentials.refreshToken;
  for (const session of [stored, cached !== undefined && cached.accessJwt !== stored?.accessJwt ? cached : undefined]) {
    if (session === undefined) continue;
    try {
      return { value: await use(session), session };
    } catch (error) {
      if (!(error instanceof ChannelError && error.kind === 'auth')) throw error;
      if (session.refreshJwt) lastRefresh = session.refreshJwt;
    }
  }
  sessions.delete(key);
  const session = await renewBlueskySession(lastRefresh ? { ...credentials, refreshToken: lastRefresh } : credentials, fetch);
  sessions.set(key, session);
  return { value: await use(session), session };
}

/**
 * Sessions opened by this process, by a digest of the account and app password: a caller that
 * does not store `refreshedCredentials` still does not open a session per post (Bluesky allows
 * 30 createSession calls per 5 minutes). In memory only.
 */
export type BlueskySessions = Map<string, BlueskySession>;

function sessionKey(credentials: ChannelCredentials, base: string): string {
  return createHash('sha256').update(`${base}\n${credentials.accountId ?? ''}\n${credentials.accessToken}`).digest('base64url');
}

/**
 * A new session: refreshed when a refresh JWT is stored and still valid, else created from
 * the app password. An `auth` `ChannelError` when both are refused.
 */
export async function renewBlueskySession(credentials: ChannelCredentials, fetch: GuardedFetch): Promise<BlueskySession> {
  const base = apiBase(credentials, BLUESKY, BLUESKY_BASE);
  if (credentials.refreshToken) {
    try {
      const { json } = await callApi(fetch, BLUESKY, {
        method: 'POST',
        url: `${base}/xrpc/com.atproto.server.refreshSession`,
        headers: bearer(credentials.refreshToken),
      });
      return toSession(json, base);
    } catch (error) {
      if (!(error instanceof ChannelError && error.kind === 'auth')) throw error;
    }
  }
  try {
    const { json } = await callApi(fetch, BLUESKY, {
      method: 'POST',
      url: `${base}/xrpc/com.atproto.server.createSession`,
      json: { identifier: credentials.accountId ?? '', password: credentials.accessToken },
    });
    return toSession(json, base);
  } catch (error) {
    if (!(error instanceof ChannelError && error.kind === 'auth')) throw error;
    const message = 'Bluesky refuse l’identifiant ou le mot de passe d’application de cette page : vérifiez-les ou créez un nouveau mot de passe d’application.';
    throw new ChannelError('auth', 'bluesky', message, error.detail, {
      cause: error,
      ...(error.httpStatus === undefined ? {} : { httpStatus: error.httpStatus }),
      ...(error.networkMessage === undefined ? {} : { networkMessage: error.networkMessage }),
    });
  }
}

/** The credentials to store after a renewal: the app password stays, the JWTs are new. */
export function sessionCredentials(credentials: ChannelCredentials, session: BlueskySession): ChannelCredentials {
  return Object.freeze({ ...credentials, refreshToken: session.refreshJwt, accessJwt: session.accessJwt, did: session.did, handle: session.handle });
}

function storedSession(credentials: ChannelCredentials, base: string): BlueskySession | undefined {
  const { accessJwt, did } = credentials;
  if (!accessJwt || !did) return undefined;
  return { base, did, handle: credentials['handle'] ?? credentials.accountId ?? did, accessJwt, refreshJwt: credentials.refreshToken ?? '', renewed: false };
}

function toSession(json: unknown, base: string): BlueskySession {
  const did = jsonString(json, 'did');
  const accessJwt = jsonString(json, 'accessJwt');
  const refreshJwt = jsonString(json, 'refreshJwt');
  if (did === undefined || accessJwt === undefined || refreshJwt === undefined) {
    throw new ChannelError('unavailable', 'bluesky', 'La réponse de Bluesky à la connexion est incomplète.', 'session sans did ou JWT');
  }
  return Object.freeze({ base, did, handle: jsonString(json, 'handle') ?? did, accessJwt, refreshJwt, renewed: true });
}
