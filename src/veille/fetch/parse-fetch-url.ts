import { FetchError } from './fetch-error.js';

/**
 * Reads an address to fetch, refusing what Relais never fetches: unreadable addresses,
 * schemes other than http and https, and user names or passwords in the address.
 *
 * @example
 * parseFetchUrl('https://www.ville-exemple.fr:8443/flux.xml'); // a URL
 * parseFetchUrl('ftp://example.org/'); // throws FetchError 'unsupported-scheme'
 */
export function parseFetchUrl(href: string): URL {
  let url: URL;
  try {
    url = new URL(href);
  } catch (cause) {
    throw new FetchError('bad-url', `adresse illisible : ${JSON.stringify(href.slice(0, 200))}`, {}, { cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('unsupported-scheme', `schéma ${url.protocol} refusé`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new FetchError('credentials-in-url', `identifiants dans l'adresse de ${url.hostname}`);
  }
  if (url.hostname === '') throw new FetchError('bad-url', 'adresse sans hôte');
  return url;
}
