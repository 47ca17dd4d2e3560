import { omitEmpty } from '../../parse/omit-empty.js';
import { sanitizeFeedHtml } from '../../parse/sanitize-feed-html.js';
import { toPlainText } from '../../parse/to-plain-text.js';
import type { FeedEnclosure } from '../../parse/parsed-feed.js';
import { excerptTitle } from '../excerpt-title.js';
import { guessMediaType } from '../guess-media-type.js';
import { asObject, asObjects, stringField, type JsonObject } from '../json-fields.js';
import type { AdapterEntry } from '../source-adapter.js';

/**
 * One Mastodon `Status` (docs.joinmastodon.org/entities/Status) as an entry: `uri` as
 * id, `url` as link, the content warning (`spoiler_text`) else the start of the text as
 * title, the account's display name and full `acct`, the content HTML sanitised like a
 * feed's, tags as categories, media attachments as enclosures, the declared language.
 * Undefined when the status has no `uri`/`url` to be known by.
 *
 * @example mapMastodonStatus(status, 'https://mastodon.social')
 * // { id: 'https://mastodon.social/users/mairie/statuses/1', title: 'Conseil municipal ce soir…', … }
 */
export function mapMastodonStatus(status: JsonObject, instance: string): AdapterEntry | undefined {
  const uri = stringField(status, 'uri') ?? stringField(status, 'url');
  if (uri === undefined) return undefined;
  const link = webAddress(stringField(status, 'url')) ?? webAddress(uri);
  const content = sanitizeFeedHtml(stringField(status, 'content') ?? '', link);
  const spoiler = stringField(status, 'spoiler_text')?.trim();
  const tags = (asObjects(status['tags']) ?? []).flatMap((tag) => stringField(tag, 'name') ?? []);
  const enclosures = (asObjects(status['media_attachments']) ?? []).flatMap(toEnclosure);
  return Object.freeze(omitEmpty<AdapterEntry>({
    id: uri,
    link,
    title: spoiler ?? excerptTitle(toPlainText(content)),
    author: authorOf(asObject(status['account']), instance),
    published: stringField(status, 'created_at'),
    updated: stringField(status, 'edited_at'),
    content,
    categories: tags,
    enclosures,
    language: stringField(status, 'language'),
    sensitive: status['sensitive'] === true || spoiler !== undefined ? true : undefined,
  }));
}

/** The address when it is a web page's (http or https); a status's `url` is the remote server's word. */
function webAddress(value: string | undefined): string | undefined {
  return value !== undefined && /^https?:\/\//i.test(value) ? value : undefined;
}

/** « Mairie de Lyon (@mairie@lyon.social) »; `acct` is bare for the instance's own accounts. */
function authorOf(account: JsonObject | undefined, instance: string): string | undefined {
  const acct = stringField(account, 'acct');
  if (acct === undefined) return stringField(account, 'display_name');
  const full = acct.includes('@') ? acct : `${acct}@${new URL(instance).host}`;
  const name = stringField(account, 'display_name')?.trim();
  return name === undefined || name === '' ? `@${full}` : `${name} (@${full})`;
}

function toEnclosure(media: JsonObject): FeedEnclosure[] {
  const url = stringField(media, 'url') ?? stringField(media, 'remote_url');
  if (url === undefined || !/^https?:\/\//i.test(url)) return [];
  const type = guessMediaType(url);
  return [type === undefined ? { url } : { url, type }];
}
