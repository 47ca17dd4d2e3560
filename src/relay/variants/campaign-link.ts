/**
 * The article's address with the campaign tags of a page: `utm_source` = the network,
 * `utm_medium` = social, `utm_campaign` = the article's slug (tags already there are replaced).
 *
 * @example
 * campaignLink('https://ville.fr/article/fete', 'mastodon', 'fete')
 * // 'https://ville.fr/article/fete?utm_source=mastodon&utm_medium=social&utm_campaign=fete'
 */
export function campaignLink(link: string, network: string, slug: string): string {
  const url = new URL(link);
  url.searchParams.set('utm_source', network);
  url.searchParams.set('utm_medium', 'social');
  url.searchParams.set('utm_campaign', slug);
  return url.href;
}
