import { countWithFixedUrls } from '../count-with-fixed-urls.js';

/** Mastodon counts every link as 23 characters, whatever its length (`StatusLengthValidator`). */
export const MASTODON_URL_LENGTH = 23;

// @user@domain: the domain of a remote mention does not count (StatusLengthValidator).
const REMOTE_MENTION = /(^|[^\p{L}\p{N}_/])(@[\p{L}\p{N}_]+)@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;

/**
 * The length of a status as Mastodon counts it: graphemes, each link 23, a remote mention
 * `@user@domain` as `@user`.
 *
 * @example countMastodonLength('Merci @mairie@mastodon.exemple.fr ! https://exemple.fr/un-article-long') // 39
 */
export function countMastodonLength(text: string): number {
  return countWithFixedUrls(text.replace(REMOTE_MENTION, '$1$2'), MASTODON_URL_LENGTH);
}
