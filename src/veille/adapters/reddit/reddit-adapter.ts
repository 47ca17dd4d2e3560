import { apiUrl } from '../api-url.js';
import { fetchJson } from '../fetch-json.js';
import { asObject, asObjects, stringField, type JsonObject } from '../json-fields.js';
import type { AdapterDeps, AdapterEntry, AdapterOptions, AdapterResult, SourceAdapter } from '../source-adapter.js';
import { SourceAdapterError } from '../source-adapter-error.js';
import { withRateLimitWait } from '../with-rate-limit-wait.js';
import { mapRedditPost } from './map-reddit-post.js';
import { validateRedditConfig, type RedditConfig } from './reddit-config.js';

/** Reddit's largest listing page. */
const PAGE_SIZE = 100;
const FULL_PAGE_HINT_SECONDS = 120;
/** Reddit's rate-limit window for clients without OAuth: 10 minutes. */
const RATE_LIMIT_WINDOW_SECONDS = 600;

/**
 * Reddit listings in JSON: a subreddit's `/r/<name>/new.json` or `/search.json?sort=new`.
 * The state keeps the fullname of the newest post seen; the next poll asks with
 * `before=<fullname>`, which lists the page of posts just newer than it, so a
 * burst is caught up over several polls; when that post has been deleted (`before` then
 * answers nothing), the latest posts are compared by date. The guarded client's User-Agent names Relais
 * and the site, as Reddit's API rules ask.
 */
export function createRedditAdapter(options: AdapterOptions = {}): SourceAdapter<RedditConfig> {
  const apiBase = options.apiBase ?? 'https://www.reddit.com';
  const adapter: SourceAdapter<RedditConfig> = {
    kind: 'reddit',
    describe: (config) =>
      config.mode === 'subreddit' ? `Reddit : nouveaux messages de r/${config.subreddit}` : `Reddit : recherche « ${config.query} »`,
    address: (config) => config.mode === 'subreddit'
      ? `https://www.reddit.com/r/${config.subreddit.toLowerCase()}/new/`
      : apiUrl('https://www.reddit.com', '/search/', { q: config.query, sort: 'new' }),
    validate: validateRedditConfig,
    async fetch(config, state, deps): Promise<AdapterResult> {
      const scope = config.mode === 'subreddit' ? `r/${config.subreddit.toLowerCase()}` : `search:${config.query}`;
      const known = state['scope'] === scope ? state : {};
      const before = known['before'];
      const anchorTime = Number(known['beforeCreated']);
      let page = await fetchListing(deps, listingUrl(apiBase, config, before));
      if (page.posts.length === 0 && before !== undefined && Number.isFinite(anchorTime)) {
        // Once its post is deleted (a moderator's removal is common), `before` answers an empty
        // list for ever: the latest posts are asked for and compared by date instead.
        const latest = await fetchListing(deps, listingUrl(apiBase, config, undefined));
        const posts = latest.posts.filter((post) => createdSeconds(post) > anchorTime);
        page = { posts, unreadable: latest.unreadable, full: false };
      }
      const entries = page.posts.map(mapRedditPost).filter((entry): entry is AdapterEntry => entry !== undefined);
      // Newest first in a listing: the first post is the next `before`.
      const newest = page.posts[0];
      const name = stringField(newest, 'name');
      const skipped = page.unreadable + page.posts.length - entries.length;
      return {
        entries,
        state: newest === undefined || name === undefined ? known : { scope, before: name, beforeCreated: String(createdSeconds(newest)) },
        ...(page.full ? { nextCheckHint: FULL_PAGE_HINT_SECONDS } : {}),
        problems: skipped > 0 ? [`${skipped} élément(s) de la liste Reddit ne sont pas des messages lisibles et ont été ignorés.`] : [],
      };
    },
  };
  return Object.freeze(adapter);
}

/** A listing's posts (kind `t3`), how many of its children were something else, and whether the page was full. */
interface ListingPage {
  readonly posts: readonly JsonObject[];
  readonly unreadable: number;
  readonly full: boolean;
}

async function fetchListing(deps: AdapterDeps, url: string): Promise<ListingPage> {
  const json = await fetchJson(deps, url, 'Reddit').catch((error: unknown) => {
    throw withRateLimitWait(error, RATE_LIMIT_WINDOW_SECONDS);
  });
  const listing = asObject(json);
  const children = listing?.['kind'] === 'Listing' ? asObjects(asObject(listing['data'])?.['children']) : undefined;
  if (children === undefined) {
    throw new SourceAdapterError('bad-response', 'La réponse de Reddit n’a pas la forme attendue (liste de messages).', `${new URL(url).pathname} : pas de Listing`);
  }
  const posts = children.flatMap((child): JsonObject[] => {
    const data = asObject(child['data']);
    return child['kind'] === 't3' && data !== undefined ? [data] : [];
  });
  return { posts, unreadable: children.length - posts.length, full: children.length >= PAGE_SIZE };
}

/** `created_utc`, or 0 when missing. */
function createdSeconds(post: JsonObject): number {
  const created = post['created_utc'];
  return typeof created === 'number' && Number.isFinite(created) ? created : 0;
}

function listingUrl(apiBase: string, config: RedditConfig, before: string | undefined): string {
  const limits = { limit: String(PAGE_SIZE), before };
  if (config.mode === 'subreddit') return apiUrl(apiBase, `/r/${config.subreddit}/new.json`, limits);
  return apiUrl(apiBase, '/search.json', { q: config.query, sort: 'new', type: 'link', ...limits });
}
