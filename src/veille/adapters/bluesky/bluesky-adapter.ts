import { apiUrl } from '../api-url.js';
import { fetchJson } from '../fetch-json.js';
import { asObject, asObjects, stringField, type JsonObject } from '../json-fields.js';
import type { AdapterDeps, AdapterEntry, AdapterOptions, AdapterResult, SourceAdapter } from '../source-adapter.js';
import { SourceAdapterError } from '../source-adapter-error.js';
import { validateBlueskyConfig, type BlueskyConfig } from './bluesky-config.js';
import { mapBlueskyPost } from './map-bluesky-post.js';

const PAGE_SIZE = 25;
/** Pages followed in one poll when more is new than a page holds. */
const MAX_PAGES = 4;
const FULL_HINT_SECONDS = 60;

/**
 * Bluesky post search (`app.bsky.feed.searchPosts`, sorted by `latest`). The state keeps
 * the newest `sortAt` seen and the URIs seen at that instant; the next poll asks with
 * `since` (inclusive, per the lexicon) and leaves those URIs out, following `cursor` for
 * at most 4 pages. The search cannot be read oldest first: past 4 pages of new posts the
 * older ones are left, said in `problems`, and the hint asks to poll sooner.
 */
export function createBlueskyAdapter(options: AdapterOptions = {}): SourceAdapter<BlueskyConfig> {
  // Bluesky's public AppView needs no account.
  const apiBase = options.apiBase ?? 'https://public.api.bsky.app';
  const adapter: SourceAdapter<BlueskyConfig> = {
    kind: 'bluesky',
    describe: (config) => `Bluesky : recherche « ${config.query} »${config.language === undefined ? '' : ` (langue ${config.language})`}`,
    address: (config) => apiUrl('https://bsky.app', '/search', { q: config.query, lang: config.language }),
    validate: validateBlueskyConfig,
    async fetch(config, state, deps): Promise<AdapterResult> {
      const scope = `${config.query}|${config.language ?? ''}`;
      const since = state['scope'] === scope ? state['since'] : undefined;
      const seen = new Set(since === undefined ? [] : (state['seen'] ?? '').split(' '));
      const entries: AdapterEntry[] = [];
      const problems: string[] = [];
      let newest = since;
      let newestUris: string[] = [...seen];
      let skipped = 0;
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await fetchPage(deps, apiBase, config, since, cursor);
        pages += 1;
        for (const post of page.posts) {
          const entry = mapBlueskyPost(post);
          if (entry === undefined) skipped += 1;
          if (entry === undefined || entry.id === undefined || seen.has(entry.id)) continue;
          entries.push(entry);
          const at = sortAt(post);
          if (at === undefined) continue;
          if (newest === undefined || at > newest) [newest, newestUris] = [at, [entry.id]];
          else if (at === newest) newestUris.push(entry.id);
        }
        cursor = page.posts.length >= PAGE_SIZE ? page.cursor : undefined;
      } while (cursor !== undefined && since !== undefined && pages < MAX_PAGES);
      // On a first poll one page is enough; after that, a cursor still left means posts were missed.
      const overflow = cursor !== undefined && since !== undefined;
      if (skipped > 0) problems.push(`${skipped} message(s) Bluesky sans adresse at:// ont été ignorés.`);
      if (overflow) problems.push(`Plus de ${PAGE_SIZE * MAX_PAGES} nouveaux messages depuis la consultation précédente : les plus anciens n’ont pas été lus.`);
      return {
        entries,
        state: newest === undefined ? { scope } : { scope, since: newest, seen: newestUris.join(' ') },
        ...(overflow ? { nextCheckHint: FULL_HINT_SECONDS } : {}),
        problems,
      };
    },
  };
  return Object.freeze(adapter);
}

async function fetchPage(
  deps: AdapterDeps,
  apiBase: string,
  config: BlueskyConfig,
  since: string | undefined,
  cursor: string | undefined,
): Promise<{ posts: JsonObject[]; cursor: string | undefined }> {
  const url = apiUrl(apiBase, '/xrpc/app.bsky.feed.searchPosts', {
    q: config.query,
    sort: 'latest',
    limit: String(PAGE_SIZE),
    lang: config.language,
    since,
    cursor,
  });
  const json = await fetchJson(deps, url, 'Bluesky');
  const posts = asObjects(asObject(json)?.['posts']);
  if (posts === undefined) {
    throw new SourceAdapterError('bad-response', 'La réponse de Bluesky n’a pas la forme attendue (liste de messages).', `${new URL(url).pathname} : pas de « posts »`);
  }
  return { posts, cursor: stringField(asObject(json), 'cursor') };
}

/** What `since` compares with: the earlier of `createdAt` and `indexedAt` (a post cannot be dated into the future). */
function sortAt(post: JsonObject): string | undefined {
  const dates = [stringField(asObject(post['record']), 'createdAt'), stringField(post, 'indexedAt')]
    .map((value) => (value === undefined ? Number.NaN : Date.parse(value)))
    .filter((time) => !Number.isNaN(time));
  return dates.length === 0 ? undefined : new Date(Math.min(...dates)).toISOString();
}
