const TEXT_SPECIALS = /[{}[\]<\uE000\uE003-\uE006]|->/g;

/**
 * The next character the inline pass acts on (`{ } [ ] <`, `->`, the inline
 * token and line-break markers) at or after `from`, or the text's length; in
 * `<html>` content (`tagsOnly`), the next `<`.
 * `test`, not `exec`: no match object is allocated per stop, and a text of a
 * million `[` stops a million times.
 */
export function nextInlineSpecial(text: string, from: number, tagsOnly: boolean): number {
  if (tagsOnly) {
    const at = text.indexOf('<', from);
    return at < 0 ? text.length : at;
  }
  TEXT_SPECIALS.lastIndex = from;
  if (!TEXT_SPECIALS.test(text)) return text.length;
  const end = TEXT_SPECIALS.lastIndex;
  return text.charCodeAt(end - 1) === 62 ? end - 2 : end - 1; // `->` is the only match ending in `>`
}
