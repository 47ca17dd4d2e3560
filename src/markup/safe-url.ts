import { decodeEntities } from './decode-entities.js';

/** Which schemes a URL attribute may carry: links (`href`, `cite`) or images (`src`). */
export type UrlUse = 'link' | 'image';

const LINK_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto', 'tel', 'ftp']);
const IMAGE_SCHEMES: ReadonlySet<string> = new Set(['http', 'https']);

function isControl(code: number): boolean {
  return code <= 0x20 || code === 0x7f;
}

/** Removes what a browser's URL parser ignores: C0 controls and spaces at both ends, tabs and newlines inside. */
function stripIgnored(url: string): string {
  let start = 0;
  let end = url.length;
  while (start < end && isControl(url.charCodeAt(start))) start++;
  while (end > start && isControl(url.charCodeAt(end - 1))) end--;
  let out = '';
  let last = start;
  for (let i = start; i < end; i++) {
    const c = url.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) {
      out += url.slice(last, i);
      last = i + 1;
    }
  }
  return out + url.slice(last, end);
}

/** The scheme a browser would read (lower case), or '' for a relative or fragment URL. */
function schemeOf(url: string): string {
  for (let i = 0; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 58) return i === 0 ? '' : url.slice(0, i).toLowerCase();
    const alpha = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    const schemeChar = alpha || (i > 0 && ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46));
    if (!schemeChar) return '';
  }
  return '';
}

/**
 * Checks a URL typed by a writer, after entity decoding and removal of the
 * characters browsers ignore, against MARKUP.md's schemes (`http`, `https`,
 * `mailto`, `tel`, `ftp`, relative, fragment; images: `http(s)` or relative).
 * Returns the cleaned URL to emit (escaped) or undefined when it is refused.
 *
 * @example checkUrl(' java&#x09;script:alert(1)', 'link') // undefined
 * @example checkUrl('https://example.com/?a=1&amp;b=2', 'link') // 'https://example.com/?a=1&b=2'
 */
export function checkUrl(raw: string, use: UrlUse): string | undefined {
  const url = stripIgnored(decodeEntities(raw));
  const scheme = schemeOf(url);
  if (scheme === '') return url;
  return (use === 'image' ? IMAGE_SCHEMES : LINK_SCHEMES).has(scheme) ? url : undefined;
}
