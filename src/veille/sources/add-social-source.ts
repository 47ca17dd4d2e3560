import type { Executor } from '../../db/database.js';
import { encryptSecret } from '../../secrets/cipher.js';
import type { Keyring } from '../../secrets/keyring.js';
import { ADAPTERS, type AdapterKind } from '../adapters/adapters.js';
import type { SourceAdapter } from '../adapters/source-adapter.js';
import { storableText } from '../items/storable-text.js';
import { addSource, findSourceByUrl, type SourceRow } from './store.js';

/** What adding a social source came to. */
export type AddSocialResult =
  | { readonly kind: 'added'; readonly source: SourceRow }
  | { readonly kind: 'already-watched'; readonly source: SourceRow }
  /** French messages by field (`instance`, `hashtag`, `query`, `token`…); never repeating a token. */
  | { readonly kind: 'invalid'; readonly errors: Readonly<Record<string, string>> };

/** What adding a social source needs. */
export interface AddSocialDeps {
  readonly db: Executor;
  /** Encrypts the access token before it is stored (`relais.keyring`). */
  readonly keyring: Keyring;
  readonly now: () => Date;
  readonly adapters?: Readonly<Record<AdapterKind, SourceAdapter<unknown>>>;
}

/**
 * Adds a Mastodon, Bluesky, Reddit or YouTube source from what the user entered (the adapter's
 * config fields, `token` included): checked by the adapter, kept as JSON without the token, the
 * token encrypted in its own column, the adapter's web address as the source's address (the same
 * hashtag or subreddit is watched once) and its description as title. Due at once.
 *
 * @example
 * await addSocialSource(deps, 'mastodon', { instance: 'mastodon.social', mode: 'hashtag', hashtag: 'Rennes' });
 * // { kind: 'added', source: { url: 'https://mastodon.social/tags/rennes', title: 'Mastodon : #Rennes sur mastodon.social', … } }
 */
export async function addSocialSource(deps: AddSocialDeps, kind: AdapterKind, input: Readonly<Record<string, unknown>>): Promise<AddSocialResult> {
  const adapter = (deps.adapters ?? ADAPTERS)[kind];
  const check = adapter.validate(input);
  if (!check.ok) return { kind: 'invalid', errors: check.errors };
  const url = adapter.address(check.config);
  const existing = await findSourceByUrl(deps.db, url);
  if (existing) return { kind: 'already-watched', source: existing };
  const { token, ...config } = check.config as Readonly<Record<string, unknown>>;
  const added = await addSource(deps.db, {
    url, kind, title: storableText(adapter.describe(check.config)), siteLink: url, config: JSON.stringify(config),
    accessToken: typeof token === 'string' ? encryptSecret(token, deps.keyring) : undefined,
  }, deps.now());
  if (added) return { kind: 'added', source: added };
  return { kind: 'already-watched', source: (await findSourceByUrl(deps.db, url))! };
}
