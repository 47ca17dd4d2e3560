import type { GuardedFetch } from '../channel-adapter.js';
import { ChannelError } from '../channel-error.js';
import { apiBase } from '../api-base.js';
import { callApi } from '../call-api.js';
import { jsonString } from '../json-path.js';
import { MASTODON } from './mastodon-profile.js';

/** What Relais asks of a Mastodon account: post with media, read its own posts and name. */
export const MASTODON_SCOPES = 'read:accounts read:statuses write:statuses write:media';

/** An application registered on one instance (`POST /api/v1/apps`); store the secret encrypted. */
export interface MastodonApp {
  readonly instance: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
}

/**
 * Registers Relais as an application on an instance (each instance has its own apps).
 *
 * @example const app = await registerMastodonApp('https://mastodon.exemple.fr', 'https://www.ville.fr/admin/relais/oauth', fetch);
 */
export async function registerMastodonApp(instance: string, redirectUri: string, fetch: GuardedFetch, website?: string): Promise<MastodonApp> {
  const base = apiBase({ instance, accessToken: '' }, MASTODON);
  const { json } = await callApi(fetch, MASTODON, {
    method: 'POST',
    url: `${base}/api/v1/apps`,
    json: { client_name: 'Relais', redirect_uris: redirectUri, scopes: MASTODON_SCOPES, ...(website ? { website } : {}) },
  });
  return Object.freeze({
    instance: base,
    clientId: required(json, 'client_id'),
    clientSecret: required(json, 'client_secret'),
    redirectUri,
  });
}

/**
 * The instance's page where the account holder approves Relais (`GET /oauth/authorize`);
 * `state` comes back with the code and must be checked (CSRF).
 *
 * @example response.redirect(mastodonAuthorizeUrl(app, state));
 */
export function mastodonAuthorizeUrl(app: MastodonApp, state: string): string {
  const url = new URL('/oauth/authorize', app.instance);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: app.clientId,
    redirect_uri: app.redirectUri,
    scope: MASTODON_SCOPES,
    state,
  }).toString();
  return url.href;
}

/**
 * Exchanges the code the instance sent back for the account's access token (`POST /oauth/token`).
 *
 * @example const token = await exchangeMastodonCode(app, request.query.code, fetch);
 */
export async function exchangeMastodonCode(app: MastodonApp, code: string, fetch: GuardedFetch): Promise<string> {
  const { json } = await callApi(fetch, MASTODON, {
    method: 'POST',
    url: `${app.instance}/oauth/token`,
    form: {
      grant_type: 'authorization_code',
      code,
      client_id: app.clientId,
      client_secret: app.clientSecret,
      redirect_uri: app.redirectUri,
      scope: MASTODON_SCOPES,
    },
  });
  return required(json, 'access_token');
}

function required(json: unknown, name: string): string {
  const value = jsonString(json, name);
  if (value === undefined) {
    throw new ChannelError('unavailable', 'mastodon', 'La réponse de Mastodon est incomplète.', `champ ${name} absent`);
  }
  return value;
}
