/** One HTML tag as typed by a writer: lower-case name, attributes in order, raw values. */
export interface HtmlTag {
  readonly name: string;
  readonly closing: boolean;
  readonly attributes: readonly (readonly [name: string, value: string])[];
  /** Index just past the tag's `>`. */
  readonly end: number;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

/** Characters that end a tag attempt: another `<` or one of the renderer's markers. */
function isStop(c: number): boolean {
  return c === 60 || (c >= 0xe000 && c <= 0xe00f);
}

/**
 * Reads the tag starting at `at` (a `<`), or returns undefined when the text
 * there is not a tag. A `<` or a marker before the closing `>` makes it not a
 * tag, which bounds every attempt by the next `<` and keeps the whole scan
 * linear.
 *
 * @example parseHtmlTag('<a href="x">', 0) // { name: 'a', closing: false, attributes: [['href', 'x']], end: 12 }
 */
export function parseHtmlTag(text: string, at: number): HtmlTag | undefined {
  const n = text.length;
  let i = at + 1;
  const closing = text.charCodeAt(i) === 47;
  if (closing) i++;
  const nameStart = i;
  if (!isAsciiLetter(text.charCodeAt(i))) return undefined;
  while (i < n && (isAsciiLetter(text.charCodeAt(i)) || (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57))) i++;
  const name = text.slice(nameStart, i).toLowerCase();
  const after = text.charCodeAt(i);
  if (after !== 62 && after !== 47 && !isSpace(after)) return undefined;
  const attributes: (readonly [string, string])[] = [];
  while (i < n) {
    let c = text.charCodeAt(i);
    if (isSpace(c) || c === 47) {
      i++;
      continue;
    }
    if (c === 62) return { name, closing, attributes, end: i + 1 };
    if (isStop(c)) return undefined;
    const attrStart = i;
    i++;
    for (c = text.charCodeAt(i); i < n && !isSpace(c) && c !== 61 && c !== 62 && c !== 47 && !isStop(c); ) c = text.charCodeAt(++i);
    const attrName = text.slice(attrStart, i).toLowerCase();
    while (isSpace(text.charCodeAt(i))) i++;
    let value = '';
    if (text.charCodeAt(i) === 61) {
      i++;
      while (isSpace(text.charCodeAt(i))) i++;
      const quote = text.charCodeAt(i);
      if (quote === 34 || quote === 39) {
        const valueStart = ++i;
        while (i < n && text.charCodeAt(i) !== quote) {
          if (isStop(text.charCodeAt(i))) return undefined;
          i++;
        }
        if (i >= n) return undefined;
        value = text.slice(valueStart, i++);
      } else {
        const valueStart = i;
        while (i < n && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 62) {
          if (isStop(text.charCodeAt(i))) return undefined;
          i++;
        }
        value = text.slice(valueStart, i);
      }
    }
    attributes.push([attrName, value]);
  }
  return undefined;
}
