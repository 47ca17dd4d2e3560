import { decodeHTML } from 'entities';
import { escapeAttribute, escapeHtml } from '../../../markup/escape-html.js';
import { omitEmpty } from '../../parse/omit-empty.js';
import { sanitizeFeedHtml } from '../../parse/sanitize-feed-html.js';
import { guessMediaType } from '../guess-media-type.js';
import { stringField, type JsonObject } from '../json-fields.js';
import type { AdapterEntry } from '../source-adapter.js';

const SITE = 'https://www.reddit.com';

/**
 * One post of a Reddit listing (`data.children[].data`, kind `t3`) as an entry: the
 * fullname as id, the permalink as link, the title, `u/author`, `created_utc` as
 * published, the subreddit and flair as categories. Without `raw_json=1` Reddit sends
 * `selftext_html` and titles HTML-escaped once more: decoded once here, then sanitised.
 * A link post's target comes first in the content, and is an enclosure when it is a
 * picture or a video file. `over_18` and `spoiler` mark it sensitive.
 * Undefined without a fullname or a permalink path.
 *
 * @example mapRedditPost(child.data) // { id: 't3_1h2abc', link: 'https://www.reddit.com/r/france/comments/1h2abc/…', … }
 */
export function mapRedditPost(post: JsonObject): AdapterEntry | undefined {
  const name = stringField(post, 'name');
  const permalink = stringField(post, 'permalink');
  // A permalink is a path on reddit.com; anything else (`//host`, a full URL) would lead elsewhere.
  if (name === undefined || permalink === undefined || !/^\/(?!\/)/.test(permalink) || !URL.canParse(permalink, SITE)) return undefined;
  const link = new URL(permalink, SITE).href;
  const target = post['is_self'] === true ? undefined : stringField(post, 'url');
  const external = target !== undefined && /^https?:\/\//i.test(target) && target !== link ? target : undefined;
  const selftext = stringField(post, 'selftext_html');
  const html = [
    external === undefined ? '' : `<p><a href="${escapeAttribute(external)}">${escapeHtml(external)}</a></p>`,
    selftext === undefined ? '' : decodeHTML(selftext),
  ].join('');
  const author = stringField(post, 'author');
  const mediaType = external === undefined ? undefined : guessMediaType(external);
  const title = stringField(post, 'title');
  return Object.freeze(omitEmpty<AdapterEntry>({
    id: name,
    link,
    title: title === undefined ? undefined : decodeHTML(title),
    author: author === undefined || author === '[deleted]' ? undefined : `u/${author}`,
    published: isoFromSeconds(post['created_utc']),
    content: sanitizeFeedHtml(html, link),
    categories: [stringField(post, 'subreddit_name_prefixed'), decodeOptional(stringField(post, 'link_flair_text'))].filter(
      (value): value is string => value !== undefined,
    ),
    enclosures: external !== undefined && mediaType !== undefined ? [{ url: external, type: mediaType }] : [],
    sensitive: post['over_18'] === true || post['spoiler'] === true ? true : undefined,
  }));
}

/** Reddit's `created_utc` (seconds since 1970, UTC) as ISO 8601; undefined when not a representable date. */
function isoFromSeconds(seconds: unknown): string | undefined {
  if (typeof seconds !== 'number') return undefined;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function decodeOptional(text: string | undefined): string | undefined {
  return text === undefined ? undefined : decodeHTML(text).trim() || undefined;
}
