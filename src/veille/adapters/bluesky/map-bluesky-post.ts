import type { FeedEnclosure } from '../../parse/parsed-feed.js';
import { omitEmpty } from '../../parse/omit-empty.js';
import { sanitizeFeedHtml } from '../../parse/sanitize-feed-html.js';
import { excerptTitle } from '../excerpt-title.js';
import { asObject, asObjects, stringField, stringsField, type JsonObject } from '../json-fields.js';
import type { AdapterEntry } from '../source-adapter.js';
import { richTextHtml } from './rich-text-html.js';

// Self-labels and moderation labels that mark a post as not for every eye (docs.bsky.app, labels).
const SENSITIVE_LABELS = new Set(['porn', 'sexual', 'nudity', 'graphic-media', 'gore']);

/**
 * One `app.bsky.feed.defs#postView` as an entry: the `at://` URI as id, its page on
 * bsky.app as link (`/profile/<handle>/post/<rkey>`), the author's display name and
 * handle, the text with its facets as HTML, `createdAt` as published, the tags, the first
 * declared language, the images of the embed as enclosures. Undefined without a URI.
 *
 * @example mapBlueskyPost(post)
 * // { id: 'at://did:plc:abc/app.bsky.feed.post/3lb…', link: 'https://bsky.app/profile/mairie.bsky.social/post/3lb…', … }
 */
export function mapBlueskyPost(post: JsonObject): AdapterEntry | undefined {
  const uri = stringField(post, 'uri');
  const rkey = uri === undefined ? undefined : /^at:\/\/[^/]+\/app\.bsky\.feed\.post\/([^/]+)$/.exec(uri)?.[1];
  if (uri === undefined || rkey === undefined) return undefined;
  const author = asObject(post['author']);
  const did = /^at:\/\/([^/]+)\//.exec(uri)?.[1] ?? '';
  const handle = stringField(author, 'handle');
  // A handle that no longer resolves is reported as `handle.invalid`: the DID still leads to the profile.
  const profile = handle === undefined || handle === 'handle.invalid' ? did : handle;
  const link = `https://bsky.app/profile/${encodeURIComponent(profile)}/post/${encodeURIComponent(rkey)}`;
  const record = asObject(post['record']);
  const text = stringField(record, 'text') ?? '';
  const name = stringField(author, 'displayName')?.trim();
  const facetTags = (asObjects(record?.['facets']) ?? []).flatMap((facet) =>
    (asObjects(facet['features']) ?? []).flatMap((feature) => (feature['$type'] === 'app.bsky.richtext.facet#tag' ? stringField(feature, 'tag') ?? [] : [])),
  );
  const labels = (asObjects(post['labels']) ?? []).map((label) => stringField(label, 'val'));
  return Object.freeze(omitEmpty<AdapterEntry>({
    id: uri,
    link,
    title: excerptTitle(text),
    author: handle === undefined ? name : name ? `${name} (@${handle})` : `@${handle}`,
    published: stringField(record, 'createdAt') ?? stringField(post, 'indexedAt'),
    content: sanitizeFeedHtml(richTextHtml(text, record?.['facets']), link),
    categories: [...new Set([...stringsField(record, 'tags'), ...facetTags])],
    enclosures: imageEnclosures(asObject(post['embed']), asObject(record?.['embed'])),
    language: stringsField(record, 'langs')[0],
    sensitive: labels.some((label) => label !== undefined && SENSITIVE_LABELS.has(label)) ? true : undefined,
  }));
}

/** Images of an `app.bsky.embed.images#view` (alone or as a `recordWithMedia`'s media), media types from the record's blobs. */
function imageEnclosures(view: JsonObject | undefined, recordEmbed: JsonObject | undefined): FeedEnclosure[] {
  const images = asObjects(view?.['images']) ?? asObjects(asObject(view?.['media'])?.['images']) ?? [];
  const blobs = asObjects(recordEmbed?.['images']) ?? asObjects(asObject(recordEmbed?.['media'])?.['images']) ?? [];
  return images.flatMap((image, index) => {
    const url = stringField(image, 'fullsize');
    if (url === undefined || !/^https:\/\//i.test(url)) return [];
    const type = stringField(asObject(blobs[index]?.['image']), 'mimeType');
    return [type === undefined ? { url } : { url, type }];
  });
}
