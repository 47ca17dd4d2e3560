import type { Executor } from '../../db/database.js';
import type { FetchResource } from '../fetch/create-guarded-fetch.js';
import { readFeed } from '../parse/parse-feed.js';
import { discoverFeeds, type DiscoveredFeed } from './discover-feeds.js';
import { FEED_ACCEPT } from '../parse/feed-accept.js';
import { addSource, findSourceByUrl, type SourceRow } from './store.js';

/** What adding an address came to. */
export type AddFeedResult =
  | { readonly kind: 'added'; readonly source: SourceRow }
  | { readonly kind: 'already-watched'; readonly source: SourceRow }
  /** A web page announcing several feeds: the user picks one and adds its address. */
  | { readonly kind: 'several-feeds'; readonly feeds: readonly DiscoveredFeed[] }
  | { readonly kind: 'no-feed' };

/** What adding a source needs. */
export interface AddFeedDeps {
  readonly db: Executor;
  readonly fetchResource: FetchResource;
  readonly now: () => Date;
}

/**
 * Adds the feed at `url`; when the address is a web page, its announced feeds are discovered
 * (`discoverFeeds`): the only one is added, several are returned for the user to choose.
 * Fetch failures are thrown as `FetchError` (French message).
 */
export async function addFeedSource(deps: AddFeedDeps, url: string): Promise<AddFeedResult> {
  const existing = await findSourceByUrl(deps.db, url);
  if (existing) return { kind: 'already-watched', source: existing };
  const fetched = await deps.fetchResource(url, { headers: { accept: `${FEED_ACCEPT}, text/html;q=0.7` } });
  if (fetched.status !== 'ok') return { kind: 'no-feed' };
  const reading = readFeed(Buffer.from(fetched.body), { url: fetched.url, contentType: fetched.contentType });
  if (reading.format !== undefined) return save(deps, fetched.url, reading.parsed.feed.title, reading.parsed.feed.link);
  const feeds = discoverFeeds(Buffer.from(fetched.body).toString('utf8'), fetched.url);
  if (feeds.length === 0) return { kind: 'no-feed' };
  if (feeds.length > 1) return { kind: 'several-feeds', feeds };
  const already = await findSourceByUrl(deps.db, feeds[0]!.url);
  if (already) return { kind: 'already-watched', source: already };
  // No title yet: the first poll takes the feed's own, rather than the page's label for it.
  return save(deps, feeds[0]!.url, undefined, fetched.url);
}

async function save(deps: AddFeedDeps, url: string, title: string | undefined, siteLink: string | undefined): Promise<AddFeedResult> {
  const added = await addSource(deps.db, { url, kind: 'feed', title: title ?? '', siteLink }, deps.now());
  if (added) return { kind: 'added', source: added };
  return { kind: 'already-watched', source: (await findSourceByUrl(deps.db, url))! };
}
