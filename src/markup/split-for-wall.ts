/**
 * What makes js-xss carry state from one tag to a later one: a comment (it
 * strips from `<!--` to the next `-->`, or to the end) and the elements whose
 * whole body it strips (`script`, `style`: a tag is named so only when its
 * text starts with one of these, in any case).
 */
const CROSS_TAG_STATE = /<!--|<\/?(?:script|style)/i;
/** Inside a tag, what js-xss's parser acts on. */
const IN_TAG = /[<>"']/g;

/**
 * The first place at or after `from + size` where js-xss's own parser
 * (`parseTag` in xss 1.0.17) is outside every tag (in text, or at the `<` that
 * opens one); the text's length if there is none. `from` must be such a place (or 0): each piece is then
 * read from the same state as in the whole. It follows that parser's states
 * exactly: a `<` starts a tag (another `<` inside one restarts it); a quote
 * opens a value only after `=` (white space between, as `trim` reads it) and
 * nothing ends the value but the same quote; out of a value, `>` or the
 * text's last character ends the tag. Text between tags is escaped character
 * by character, so where it is cut does not matter; the last character of a
 * piece always ends a tag, as it would have in the whole.
 */
function nextCut(html: string, from: number, size: number): number {
  const last = html.length - 1;
  const target = from + size;
  let text = from; // where the text run outside every tag starts
  let i = html.indexOf('<', from);
  while (i >= 0) {
    if (i >= target) return Math.max(target, text); // in the text before the `<`, or at it
    let tagStart = i;
    let j = i + 1;
    for (;;) {
      IN_TAG.lastIndex = j;
      if (!IN_TAG.test(html)) return html.length; // the tag runs to the end: the last character ends it
      const at = IN_TAG.lastIndex - 1;
      const c = html[at];
      if (c === '<') {
        tagStart = at;
        j = at + 1;
      } else if (c === '>') {
        j = at + 1;
        break;
      } else if (opensValue(html, at, tagStart)) {
        const close = html.indexOf(c ?? '', at + 1);
        if (close < 0) return html.length; // the value runs to the end
        j = close + 1;
      } else {
        j = at + 1;
      }
      if (j > last) return html.length;
    }
    text = j;
    i = html.indexOf('<', j);
  }
  return target < html.length ? Math.max(target, text) : html.length;
}

/** js-xss's test: looking back from a quote over white space, is there a `=`? (It stops at the tag's `<` at the latest.) */
function opensValue(html: string, quote: number, tagStart: number): boolean {
  for (let k = quote - 1; k > tagStart; k--) {
    const c = html.charAt(k);
    if (c === '=') return true;
    if (c.trim() !== '') return false;
  }
  return false;
}

/**
 * Cuts the renderer's HTML into pieces of about `size` characters for the
 * second wall, only where js-xss is outside every tag (see `nextCut`): js-xss
 * builds its result by `+=` one tag at a time, which grows faster than
 * linearly on a million tags, and pieces keep each result small. Text
 * holding a comment, a `<script` or a `<style` is never cut (one piece):
 * there js-xss carries state across tags. Joined, the pieces are the text.
 * Each cut is found when its piece is asked for: the piece is then fresh in
 * the processor's cache when js-xss reads it.
 *
 * @example [...splitForWall('<p>a</p><p>b</p>', 8)] // ['<p>a</p>', '<p>b</p>']
 */
export function* splitForWall(html: string, size: number): Generator<string, void, undefined> {
  if (html.length <= size || CROSS_TAG_STATE.test(html)) {
    yield html;
    return;
  }
  for (let from = 0; from < html.length; ) {
    const cut = nextCut(html, from, size);
    yield html.slice(from, cut);
    from = cut;
  }
}
