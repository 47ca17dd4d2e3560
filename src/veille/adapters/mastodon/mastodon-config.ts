import { checkQuery } from '../check-query.js';
import { asObject, stringField } from '../json-fields.js';
import type { ConfigCheck } from '../source-adapter.js';

/** A Mastodon source: a hashtag's public timeline or a search, on one instance. */
export type MastodonConfig = {
  /** The instance's origin, `https://mastodon.social` (a test server's `http://127.0.0.1:port`). */
  readonly instance: string;
  /** An access token (scope `read:search` suffices); a secret, never logged nor shown. */
  readonly token?: string;
} & ({ readonly mode: 'hashtag'; readonly hashtag: string } | { readonly mode: 'search'; readonly query: string });

// Mastodon's hashtag characters: letters, digits, underscore and the middle dot (app/models/tag.rb).
const HASHTAG = /^[\p{L}\p{N}_·]{1,100}$/u;
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
// What OAuth 2 bearer tokens are made of (RFC 6750 §2.1, b64token).
const TOKEN = /^[A-Za-z0-9\-._~+/]{1,512}=*$/;

/**
 * Checks a Mastodon source as entered: the instance (a name such as `mastodon.social`,
 * or its https address), `mode` `hashtag` (the hashtag, a leading # removed) or `search`
 * (the query), and an optional token. Messages are French, by field; the token is never
 * repeated in them.
 *
 * @example validateMastodonConfig({ instance: 'Mastodon.Social', mode: 'hashtag', hashtag: '#Lyon' })
 * // { ok: true, config: { instance: 'https://mastodon.social', mode: 'hashtag', hashtag: 'Lyon' } }
 */
export function validateMastodonConfig(input: unknown): ConfigCheck<MastodonConfig> {
  const object = asObject(input);
  const errors: Record<string, string> = {};
  const instance = instanceOrigin(stringField(object, 'instance'));
  if (instance === undefined) errors['instance'] = 'Indiquez l’adresse de l’instance Mastodon, par exemple « mastodon.social ».';
  const rawToken = object?.['token'];
  const token = typeof rawToken === 'string' && rawToken.trim() !== '' ? rawToken.trim() : undefined;
  if (rawToken !== undefined && rawToken !== null && rawToken !== '' && (token === undefined || !TOKEN.test(token))) {
    errors['token'] = 'Le jeton d’accès n’a pas la forme attendue : copiez-le tel que l’instance l’affiche.';
  }
  const mode = object?.['mode'];
  let hashtag: string | undefined;
  let query: string | undefined;
  if (mode === 'hashtag') {
    hashtag = stringField(object, 'hashtag')?.trim().replace(/^#/, '');
    if (hashtag === undefined || !HASHTAG.test(hashtag)) {
      errors['hashtag'] = 'Indiquez un mot-dièse sans espace ni ponctuation, par exemple « ConseilMunicipal ».';
    }
  } else if (mode === 'search') {
    const check = checkQuery(object?.['query']);
    if (check.ok) query = check.query;
    else errors['query'] = check.error;
  } else {
    errors['mode'] = 'Choisissez de suivre un mot-dièse ou une recherche.';
  }
  if (Object.keys(errors).length > 0 || instance === undefined) return { ok: false, errors };
  const common = { instance, ...(token === undefined ? {} : { token }) };
  const config: MastodonConfig =
    mode === 'hashtag' ? { ...common, mode, hashtag: hashtag ?? '' } : { ...common, mode: 'search', query: query ?? '' };
  return { ok: true, config: Object.freeze(config) };
}

/** `mastodon.social`, `https://mastodon.social/` → `https://mastodon.social`; undefined when it is not an instance's address. */
function instanceOrigin(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  if (!URL.canParse(withScheme)) return undefined;
  const url = new URL(withScheme);
  const bareHost = url.hostname.replace(/^\[|\]$/g, '');
  const plain = url.username === '' && url.password === '' && url.search === '' && url.hash === '' && url.pathname === '/';
  if (!plain || (url.protocol !== 'https:' && url.protocol !== 'http:')) return undefined;
  return HOST.test(bareHost) || bareHost.includes(':') ? url.origin : undefined;
}
