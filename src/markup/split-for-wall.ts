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
 * Where js-xss's own parser (`parseTag` in xss 1.0.17) is outside every tag,
 * at the first `<` at or after each `size` characters: cut there, each piece
 * filtered alone gives the same bytes as the whole. It follows that parser's
 * states exactly: a `<` starts a tag (another `<` inside one restarts it); a
 * quote opens a value only after `=` (white space between, as `trim` reads
 * it) and nothing ends the value but the same quote; out of a value, `>` or
 * the text's last character ends the tag. Text between tags is escaped
 * character by character, so where it is cut does not matter; the last
 * character of a piece always ends a tag, as it would have in the whole.
 */
function findCuts(html: string, size: number): number[] {
  const cuts: number[] = [];
  const last = html.length - 1;
  let next = size;
  let i = html.indexOf('<');
  while (i >= 0) {
    // Outside a tag, at a `<`: a safe place to cut.
    if (i >= next && i > 0) {
      cuts.push(i);
      next = i + size;
    }
    let tagStart = i;
    let j = i + 1;
    for (;;) {
      IN_TAG.lastIndex = j;
      if (!IN_TAG.test(html)) return cuts; // the tag runs to the end: the last character ends it
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
        if (close < 0 || close === last) return cuts; // the value runs to the end
        j = close + 1;
      } else {
        j = at + 1;
      }
      if (j > last) return cuts;
    }
    i = html.indexOf('<', j);
  }
  return cuts;
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
 * second wall, only where js-xss is between two tags: js-xss builds its
 * result by `+=` one tag at a time, which grows faster than linearly on a
 * million tags, and pieces keep each result small. Text holding a comment,
 * a `<script` or a `<style` is never cut (one piece): there js-xss carries
 * state across tags. Joined, the pieces are the text.
 *
 * @example splitForWall('<p>a</p><p>b</p>', 8) // ['<p>a</p>', '<p>b</p>']
 */
export function splitForWall(html: string, size: number): string[] {
  if (html.length <= size || CROSS_TAG_STATE.test(html)) return [html];
  const pieces: string[] = [];
  let from = 0;
  for (const cut of findCuts(html, size)) {
    pieces.push(html.slice(from, cut));
    from = cut;
  }
  pieces.push(html.slice(from));
  return pieces;
}
