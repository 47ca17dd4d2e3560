const MAX_LENGTH = 100;

/**
 * A title for a post that has none (a toot, a Bluesky post): the start of its plain
 * text, cut at a word boundary with an ellipsis past 100 characters.
 *
 * @example excerptTitle('Le conseil municipal se réunit jeudi à 18 h.') // 'Le conseil municipal se réunit jeudi à 18 h.'
 */
export function excerptTitle(plainText: string): string | undefined {
  const text = plainText.replace(/\s+/g, ' ').trim();
  if (text === '') return undefined;
  // By code points, so an emoji is one character and never cut in half.
  const characters = Array.from(text);
  if (characters.length <= MAX_LENGTH) return text;
  const cut = characters.slice(0, MAX_LENGTH).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}
