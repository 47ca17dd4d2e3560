import { apiUrl } from '../api-url.js';
import { readFeed } from '../../parse/parse-feed.js';
import { omitEmpty } from '../../parse/omit-empty.js';
import type { AdapterOptions, AdapterResult, AdapterState, SourceAdapter } from '../source-adapter.js';
import { SourceAdapterError } from '../source-adapter-error.js';
import { validateYoutubeConfig, type YoutubeConfig } from './youtube-config.js';

/**
 * A YouTube channel's Atom feed (`/feeds/videos.xml?channel_id=…`, its 15 latest
 * videos), read by the feed parser, which already knows its `media:group` (title,
 * description, thumbnail). The state keeps ETag and Last-Modified: a 304 is nothing new.
 */
export function createYoutubeAdapter(options: AdapterOptions = {}): SourceAdapter<YoutubeConfig> {
  const apiBase = options.apiBase ?? 'https://www.youtube.com';
  const adapter: SourceAdapter<YoutubeConfig> = {
    kind: 'youtube',
    describe: (config) => `YouTube : vidéos de la chaîne ${config.channelId}`,
    address: (config) => `https://www.youtube.com/channel/${config.channelId}`,
    validate: validateYoutubeConfig,
    async fetch(config, state, deps): Promise<AdapterResult> {
      const scope = config.channelId;
      const known = state['scope'] === scope ? state : {};
      const url = apiUrl(apiBase, '/feeds/videos.xml', { channel_id: config.channelId });
      const result = await deps.fetchResource(url, {
        etag: known['etag'],
        lastModified: known['lastModified'],
        ...(deps.signal ? { signal: deps.signal } : {}),
      });
      const nextState: AdapterState = omitEmpty({
        scope,
        etag: result.etag ?? known['etag'],
        lastModified: result.lastModified ?? known['lastModified'],
      });
      if (result.status === 'not-modified') return { entries: [], state: nextState, problems: [] };
      const { format, parsed } = readFeed(Buffer.from(result.body), { url: result.url, contentType: result.contentType });
      if (format === undefined) {
        throw new SourceAdapterError(
          'bad-response',
          `Le flux de la chaîne YouTube n’a pas pu être lu. ${parsed.problems[0] ?? ''}`.trim(),
          `${result.url} : ${parsed.problems.join(' ')}`,
        );
      }
      return { entries: parsed.entries, state: nextState, problems: parsed.problems };
    },
  };
  return Object.freeze(adapter);
}
