import { createHash } from 'node:crypto';
import type { ChannelCredentials, GuardedFetch } from '../channel-adapter.js';
import { ChannelError, withRefreshedCredentials } from '../channel-error.js';
import { apiBase } from '../api-base.js';
import { callApi } from '../call-api.js';
import { jsonString } from '../json-path.js';
import { X, X_BASE } from './x-profile.js';

/** Renewed credentials by a digest of the refresh token they replaced; in memory only. */
export type XRenewals = Map<string, ChannelCredentials>;

/**
 * Runs `use` with a valid X access token. OAuth 2.0 user tokens last two hours; with a
 * `refreshToken` and the app's `clientId` extra (and `clientSecret` for a confidential app)
 * the token is renewed (`POST /2/oauth2/token`, grant `refresh_token`) before it expires
 * (`expiresAt` extra) or when X refuses it, then `use` runs once more (a refused token
 * posted nothing). X rotates refresh tokens: the new credentials come back as `renewed`
 * for the caller to store, and are kept in `renewals` so a call made meanwhile with the old
 * ones (a retry in the same process) still works.
 *
 * @example const { value, renewed } = await withXToken(credentials, fetch, renewals, (c) => postTweet(c));
 */
export async function withXToken<T>(
  credentials: ChannelCredentials,
  fetch: GuardedFetch,
  renewals: XRenewals,
  use: (credentials: ChannelCredentials) => Promise<T>,
): Promise<{ readonly value: T; readonly renewed?: ChannelCredentials }> {
  const known = credentials.refreshToken ? renewals.get(digest(credentials.refreshToken)) : undefined;
  let current = known ?? credentials;
  let renewed = known;
  const renewable = Boolean(current.refreshToken && current['clientId']);
  if (renewable && current['expiresAt'] && Date.parse(current['expiresAt']) - 60_000 < Date.now()) {
    current = renewed = await renewXToken(current, fetch, renewals, credentials);
  }
  try {
    return { value: await use(current), ...(renewed ? { renewed } : {}) };
  } catch (error) {
    if (!(renewable && error instanceof ChannelError && error.kind === 'auth')) throw withRefreshedCredentials(error, renewed);
  }
  current = renewed = await renewXToken(current, fetch, renewals, credentials);
  try {
    return { value: await use(current), renewed };
  } catch (error) {
    // The renewal spent the stored refresh token: the new one must reach the caller all the same.
    throw withRefreshedCredentials(error, renewed);
  }
}

async function renewXToken(current: ChannelCredentials, fetch: GuardedFetch, renewals: XRenewals, original: ChannelCredentials): Promise<ChannelCredentials> {
  const clientId = current['clientId'] ?? '';
  const secret = current['clientSecret'];
  const { json } = await callApi(fetch, X, {
    method: 'POST',
    url: `${apiBase(current, X, X_BASE)}/2/oauth2/token`,
    // A confidential app authenticates with HTTP Basic; a public one names itself in the body.
    headers: secret ? { authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` } : {},
    form: { grant_type: 'refresh_token', refresh_token: current.refreshToken, ...(secret ? {} : { client_id: clientId }) },
  });
  const accessToken = jsonString(json, 'access_token');
  if (accessToken === undefined) throw new ChannelError('auth', 'x', 'X n’a pas renouvelé le jeton d’accès : reconnectez la page.', 'oauth2/token sans access_token');
  const expiresIn = Number(jsonString(json, 'expires_in') ?? 7200);
  const next: ChannelCredentials = Object.freeze({
    ...current,
    accessToken,
    refreshToken: jsonString(json, 'refresh_token') ?? current.refreshToken,
    expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString(),
  });
  for (const spent of [original.refreshToken, current.refreshToken]) if (spent) renewals.set(digest(spent), next);
  return next;
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
