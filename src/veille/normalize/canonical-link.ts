import { parseHttpUrl } from './absolute-link.js';
import { isTrackingParameter } from './tracking-parameters.js';

/**
 * The normalised form of an item's link, used only to recognise one story
 * behind different spellings of its address (the item keeps its own link).
 * Never throws: a link that cannot be parsed, or whose scheme is not
 * `http`/`https`, gives `undefined`.
 *
 * The rules, each with its reason:
 * - Parsed by the WHATWG URL API (what browsers do), which already
 *   lower-cases the scheme and the host, turns an internationalised host into
 *   its punycode form (`mairie-évry.fr` → `xn--mairie-vry-…`), removes the
 *   scheme's default port (`:80`, `:443`, also spelt `:0443`), resolves `.`
 *   and `..` path segments (`/a/./b/../c` → `/a/c`), percent-encodes what
 *   must be, and gives an empty path as `/`: all spellings of one address.
 * - Percent-encodings are written with upper-case digits, and those of
 *   unreserved characters (letters, digits, `-._~`) decoded, in path and
 *   query (RFC 3986, 6.2.2.1 and 6.2.2.2): `%7euser/caf%c3%a9` and
 *   `~user/caf%C3%A9` name the same resource. A `%` that starts no escape
 *   is written `%25`, so that a second pass finds nothing more to change.
 * - A trailing dot on the host (`ville.fr.`) is dropped: the fully qualified
 *   name designates the same host.
 * - User name and password are dropped: they never name another page, and
 *   must not leak into a shared key.
 * - The fragment is dropped: it points inside the page, not to another one.
 * - Tracking parameters are dropped (`utm_*`, `fbclid`, `gclid`, `xtor`,
 *   `at_*`…, see `isTrackingParameter`): one story shared through several
 *   campaigns is still one page.
 * - The remaining parameters are sorted by name (stable, so repeated names
 *   keep their order) and empty pieces (`&&`, a lone `?`) are removed: the
 *   order of parameters does not change the page on any server we meet,
 *   and `?` alone means no query. Each piece keeps its own encoding.
 * - Everything else, the path's case and a trailing `index.html` or `/`
 *   included, is kept: servers may treat them as distinct pages.
 *
 * @example
 * canonicalLink('HTTPS://www.Ville.fr:443/actu/../agenda/?xtor=RSS-1&b=2&a=1#haut');
 * // 'https://www.ville.fr/agenda/?a=1&b=2'
 */
export function canonicalLink(link: string | undefined, base?: string): string | undefined {
  const url = parseHttpUrl(link, base);
  if (url === undefined) return undefined;
  try {
    if (url.hostname.endsWith('.')) url.hostname = url.hostname.replace(/\.+$/, '');
    url.username = '';
    url.password = '';
    url.hash = '';
    url.pathname = normalizePercentEncoding(url.pathname);
    url.search = canonicalQuery(url.search);
    return url.href;
  } catch {
    return undefined;
  }
}

/** The query without tracking parameters or empty pieces, sorted by decoded name; '' when nothing is left. */
function canonicalQuery(search: string): string {
  const pieces = search
    .replace(/^\?/, '')
    .split('&')
    .filter((piece) => piece !== '' && piece !== '=')
    .map(normalizePercentEncoding)
    .map((piece) => ({ piece, name: decodeName(piece) }))
    .filter(({ name }) => !isTrackingParameter(name));
  pieces.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return pieces.length === 0 ? '' : `?${pieces.map(({ piece }) => piece).join('&')}`;
}

/**
 * Upper-case hexadecimal in every `%XX`, unreserved characters decoded
 * (RFC 3986, 2.3), and a stray `%` written `%25`: otherwise decoding `%41`
 * in `%b%41` would make a new escape, `%bA`, and a second pass would differ.
 */
function normalizePercentEncoding(text: string): string {
  return text.replace(/%([0-9a-f]{2})?/gi, (escape, hex: string | undefined) => {
    if (hex === undefined) return '%25';
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : escape.toUpperCase();
  });
}

/** The decoded name of one `name=value` piece (`+` is a space in form encoding); the raw name if it is badly encoded. */
function decodeName(piece: string): string {
  const raw = piece.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}
