// Reserved characters of LinkedIn's "little text" format (Posts API, commentary).
const RESERVED = /[\\|{}@[\]()<>#*_~]/g;
const HASHTAG = /(^|\s)#([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/gu;

/**
 * A post's text as LinkedIn's `commentary` must carry it (little text format): each reserved
 * character `\ | { } @ [ ] ( ) < > # * _ ~` escaped with a backslash, or LinkedIn cuts the
 * post there; hashtags written as `{hashtag|\#|mot}` so they stay hashtags.
 *
 * @example toLittleText('Budget (2027) #VieLocale') // 'Budget \\(2027\\) {hashtag|\\#|VieLocale}'
 */
export function toLittleText(text: string): string {
  const tags: string[] = [];
  const marked = text.replace(HASHTAG, (_match, before: string, tag: string) => `${before}\u0000${tags.push(tag) - 1}\u0000`);
  return marked
    .replace(RESERVED, (character) => `\\${character}`)
    .replace(/\u0000(\d+)\u0000/g, (_match, index: string) => `{hashtag|\\#|${(tags[Number(index)] ?? '').replace(RESERVED, (c) => `\\${c}`)}}`);
}

/**
 * The plain text of a little-text commentary read back from LinkedIn (hashtag templates and
 * escapes undone), to compare with what Relais sent.
 *
 * @example fromLittleText('Budget \\(2027\\) {hashtag|\\#|VieLocale}') // 'Budget (2027) #VieLocale'
 */
export function fromLittleText(commentary: string): string {
  return commentary
    .replace(/\{hashtag\|\\#\|((?:\\.|[^}])*)\}/g, (_match, tag: string) => `#${tag}`)
    .replace(/\\(.)/g, '$1');
}
