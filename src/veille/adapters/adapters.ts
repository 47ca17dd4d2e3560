import { createBlueskyAdapter } from './bluesky/bluesky-adapter.js';
import { createMastodonAdapter } from './mastodon/mastodon-adapter.js';
import { createRedditAdapter } from './reddit/reddit-adapter.js';
import type { SourceAdapter } from './source-adapter.js';
import { createYoutubeAdapter } from './youtube/youtube-adapter.js';

/** The kinds of social-network source, as stored on a source's row. */
export type AdapterKind = 'mastodon' | 'bluesky' | 'reddit' | 'youtube';

/**
 * Every social-network adapter by its kind, with the networks' real addresses. A
 * source's config and state are stored as JSON: `validate` turns the config back into
 * the adapter's own type before `fetch` (see `SourceAdapter`).
 *
 * @example
 * const adapter = ADAPTERS['mastodon'];
 * const check = adapter.validate({ instance: 'mastodon.social', mode: 'hashtag', hashtag: 'Rennes' });
 * if (check.ok) await adapter.fetch(check.config, {}, { fetchResource });
 */
export const ADAPTERS: Readonly<Record<AdapterKind, SourceAdapter<unknown>>> = Object.freeze({
  mastodon: createMastodonAdapter(),
  bluesky: createBlueskyAdapter(),
  reddit: createRedditAdapter(),
  youtube: createYoutubeAdapter(),
});

/** Whether a stored kind names an adapter (a source's kind may also be a plain feed). */
export function isAdapterKind(kind: string): kind is AdapterKind {
  return Object.hasOwn(ADAPTERS, kind);
}
