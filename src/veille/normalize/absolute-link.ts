/**
 * Resolves a link against an optional base and returns its absolute `http(s)`
 * form, or `undefined` when it cannot be parsed or uses another scheme
 * (`javascript:`, `mailto:`, `data:`, `ftp:`…). Never throws.
 *
 * @example
 * absoluteLink('../media/a.mp3', 'https://ville.fr/actu/x.html'); // 'https://ville.fr/media/a.mp3'
 * absoluteLink('javascript:alert(1)'); // undefined
 */
export function absoluteLink(link: string | undefined, base?: string): string | undefined {
  const url = parseHttpUrl(link, base);
  return url?.href;
}

/** Parses `link` (against `base` when given) into a URL object if it is an `http(s)` address; never throws. */
export function parseHttpUrl(link: string | undefined, base?: string): URL | undefined {
  if (typeof link !== 'string') return undefined;
  const trimmed = link.trim();
  if (trimmed === '') return undefined;
  let url: URL;
  try {
    url = base === undefined ? new URL(trimmed) : new URL(trimmed, parseHttpUrl(base));
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
}
