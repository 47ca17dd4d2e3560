import { ChannelError } from './channel-error.js';
import type { ChannelCredentials } from './channel-adapter.js';
import type { NetworkProfile } from './network-profile.js';

/**
 * The API base a page's calls go to, without a trailing slash: `credentials.instance` when
 * set (a Mastodon instance, a Bluesky PDS, a local contract server in tests), else the
 * network's official base; `rejected` when neither exists (a Mastodon page with no instance).
 *
 * @example apiBase({ accessToken, instance: 'mastodon.exemple.fr/' }, MASTODON) // 'https://mastodon.exemple.fr'
 */
export function apiBase(credentials: ChannelCredentials, profile: NetworkProfile, official?: string): string {
  const given = credentials.instance?.trim();
  // "mastodon.exemple.fr" as people write it means its https:// address.
  const base = given ? (/^[a-z][a-z0-9+.-]*:\/\//i.test(given) ? given : `https://${given}`) : official;
  if (base === undefined || !URL.canParse(base)) {
    throw new ChannelError('rejected', profile.network, `L’adresse du serveur ${profile.label} de cette page manque ou est invalide.`, `instance: ${String(base)}`);
  }
  return base.replace(/\/+$/, '');
}

/** The Authorization header of a bearer token (RFC 6750). */
export function bearer(token: string): { readonly authorization: string } {
  return { authorization: `Bearer ${token}` };
}
